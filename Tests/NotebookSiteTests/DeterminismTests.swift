import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// The same inputs render the same bytes, and a build writes only what changed.
@Suite struct DeterminismTests {
  @Test func renderingTwiceGivesTheSameBytes() throws {
    let builder = SiteBuilder(siteDirectory: "unused")
    let first = try builder.renderAll([Fixtures.smallPage])
    let second = try builder.renderAll([Fixtures.smallPage])
    #expect(first == second)
    #expect(first.keys.contains("small-page.html"))
  }

  @Test func pagesContainNoTimings() throws {
    var result = Fixtures.smallResult
    result.compileSeconds = 123.456
    result.runSeconds = 654.321
    let html = try Fixtures.html(SitePage(notebook: Fixtures.smallNotebook, result: result))
    #expect(!html.contains("123.4"))
    #expect(!html.contains("654.3"))
  }

  @Test func buildWritesChangedFilesAndRemovesStalePages() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let builder = SiteBuilder(siteDirectory: folder.path)
    let old = SitePage(notebook: Fixtures.notebook("Old.", slug: "old"), result: nil)

    let first = try builder.build([Fixtures.smallPage, old])
    #expect(first.writtenFiles.contains("small-page.html"))
    #expect(first.writtenFiles.contains("assets/site.css"))
    try Data("keep".utf8).write(to: folder.appendingPathComponent("CNAME"))

    let second = try builder.build([Fixtures.smallPage, old])
    #expect(second.writtenFiles.isEmpty, "nothing changed, nothing is written")

    let third = try builder.build([Fixtures.smallPage])
    // The remaining page linked to the removed one as its neighbour.
    #expect(third.writtenFiles == ["index.html", "small-page.html"])
    #expect(third.removedFiles == ["old.html", "source/old.md"])
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("old.html").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("CNAME").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test func cachedBuildIsIdenticalAndSkipsHighlightingAndKaTeX() throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    let builder = SiteBuilder(siteDirectory: "unused", cacheDirectory: cache.path)
    let fresh = try SiteBuilder(siteDirectory: "unused").renderAll([Fixtures.smallPage])
    let first = try builder.renderWithReport([Fixtures.smallPage])
    let second = try builder.renderWithReport([Fixtures.smallPage])
    #expect(first.files == fresh)
    #expect(second.files == fresh)
    #expect(first.report.highlightSeconds > 0)
    #expect(second.report.highlightSeconds == 0, "all code comes from the cache")
    #expect(second.report.mathSeconds < 0.05, "no node process is started when no formula changed")

    var edited = Fixtures.smallPage
    edited.notebook = NotebookParser.parse(
      Fixtures.smallSource.replacingOccurrences(of: "The end.", with: "The end, with $z$."),
      path: "notebooks/small-page.md")
    let third = try builder.renderWithReport([edited])
    let html = String(decoding: try #require(third.files["small-page.html"]), as: UTF8.self)
    #expect(html.contains("<annotation encoding=\"application/x-tex\">z</annotation>"))
    #expect(third.report.highlightSeconds == 0)
  }
}
