import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// A build keeps a page whose notebook text and result are those it was rendered from, and
/// renders the rest; what it writes is what a full render writes.
@Suite struct PageReuseTests {
  private static func page(_ slug: String, text: String, identity: String?) -> SitePage {
    var notebook = Fixtures.notebook(text, slug: slug)
    notebook.sourceDigest = "digest of \(text)"
    var page = SitePage(notebook: notebook, result: Fixtures.smallResult)
    page.resultIdentity = identity
    return page
  }

  private static func folders() -> (site: String, cache: String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("reuse-\(UUID().uuidString)").path
    return (root + "/site", root + "/cache")
  }

  @Test func onlyTheChangedPageIsRenderedAndTheBytesMatchAFullRender() throws {
    let (site, cache) = Self.folders()
    defer { try? FileManager.default.removeItem(atPath: (site as NSString).deletingLastPathComponent) }
    let builder = SiteBuilder(siteDirectory: site, cacheDirectory: cache)
    var pages = (1...4).map { Self.page("p\($0)", text: "Prose \($0).", identity: "r\($0)") }
    let first = try builder.build(pages)
    #expect(first.pageSeconds.count == 4)

    let unchanged = try builder.build(pages)
    #expect(unchanged.pageSeconds.isEmpty, "every page is kept")
    #expect(unchanged.writtenFiles.isEmpty)

    pages[2] = Self.page("p3", text: "Prose 3, edited.", identity: "r3")
    let edited = try builder.build(pages)
    #expect(Set(edited.pageSeconds.keys) == [pages[2].notebook.path])
    #expect(edited.writtenFiles.contains("p3.html"))
    let full = try SiteBuilder(siteDirectory: "unused").renderAll(pages)
    for (file, bytes) in full where file.hasSuffix(".html") {
      #expect(FileManager.default.contents(atPath: "\(site)/\(file)") == bytes, "\(file)")
    }
  }

  @Test func aNewResultOrATamperedFileIsRenderedAgain() throws {
    let (site, cache) = Self.folders()
    defer { try? FileManager.default.removeItem(atPath: (site as NSString).deletingLastPathComponent) }
    let builder = SiteBuilder(siteDirectory: site, cacheDirectory: cache)
    var pages = (1...3).map { Self.page("p\($0)", text: "Prose \($0).", identity: "r\($0)") }
    _ = try builder.build(pages)

    pages[0].resultIdentity = "r1, executed again"
    try Data("tampered".utf8).write(to: URL(fileURLWithPath: "\(site)/p2.html"))
    let rebuilt = try builder.build(pages)
    #expect(Set(rebuilt.pageSeconds.keys) == [pages[0].notebook.path, pages[1].notebook.path])
    #expect(
      String(decoding: FileManager.default.contents(atPath: "\(site)/p2.html") ?? Data(), as: UTF8.self) != "tampered")
  }

  @Test func pagesWithoutAResultIdentityAreAlwaysRendered() throws {
    let (site, cache) = Self.folders()
    defer { try? FileManager.default.removeItem(atPath: (site as NSString).deletingLastPathComponent) }
    let builder = SiteBuilder(siteDirectory: site, cacheDirectory: cache)
    let pages = [Self.page("p1", text: "Prose.", identity: nil)]
    _ = try builder.build(pages)
    #expect(try builder.build(pages).pageSeconds.count == 1)
    #expect(FileManager.default.fileExists(atPath: "\(site)/index.html"))
  }
}
