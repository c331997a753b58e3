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
    #expect(third.writtenFiles == ["index.html"])
    #expect(third.removedFiles == ["old.html"])
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("old.html").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("CNAME").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }
}
