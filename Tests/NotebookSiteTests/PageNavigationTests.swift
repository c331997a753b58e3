import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Each page links to the pages before and after it in reading order (by date, oldest first).
@Suite struct PageNavigationTests {
  private static func page(_ slug: String, title: String, date: String?) -> SitePage {
    let front = "title: \(title)" + (date.map { "\ndate: \($0)" } ?? "")
    return SitePage(notebook: Fixtures.notebook("Prose.", slug: slug, frontMatter: front), result: nil)
  }

  @Test func neighboursFollowTheDatesAndUndatedPagesComeLast() {
    let keys = [
      ReadingOrder.Key(page: "c.html", title: "C", date: nil),
      ReadingOrder.Key(page: "b.html", title: "B", date: "2021-01-01"),
      ReadingOrder.Key(page: "a.html", title: "A", date: "2020-06-01"),
    ]
    let neighbours = ReadingOrder.neighbours(of: keys)
    #expect(neighbours["a.html"] == ReadingOrder.Neighbours(previous: nil, next: keys[1]))
    #expect(neighbours["b.html"] == ReadingOrder.Neighbours(previous: keys[2], next: keys[0]))
    #expect(neighbours["c.html"] == ReadingOrder.Neighbours(previous: keys[1], next: nil))
  }

  @Test func aMiddlePageLinksBothWaysAndTheEndsOneWay() throws {
    let files = try Fixtures.render([
      Self.page("late", title: "Late <post>", date: "2022-03-01"),
      Self.page("early", title: "Early", date: "2020-01-01"),
      Self.page("middle", title: "Middle", date: "2021-01-01"),
    ])
    let middle = try #require(files["middle.html"])
    #expect(middle.contains(#"rel="prev" href="early.html"><span class="page-nav-label">← Previous</span> Early</a>"#))
    #expect(
      middle.contains(#"rel="next" href="late.html"><span class="page-nav-label">Next →</span> Late &lt;post&gt;</a>"#))
    #expect(files["early.html"]?.contains(#"rel="prev""#) == false)
    #expect(files["early.html"]?.contains(#"rel="next" href="middle.html""#) == true)
    #expect(files["late.html"]?.contains(#"rel="next""#) == false)
  }

  @Test func aSiteOfOnePageHasNoNavigation() throws {
    let html = try Fixtures.html(Self.page("only", title: "Only", date: nil))
    #expect(!html.contains("page-nav"))
  }

  @Test func renamingAPageRendersItsNeighboursAgain() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("nav-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let builder = SiteBuilder(siteDirectory: root + "/site", cacheDirectory: root + "/cache")
    func pages(secondTitle: String) -> [SitePage] {
      (1...4).map { index in
        var page = Self.page("p\(index)", title: index == 2 ? secondTitle : "P\(index)", date: "2020-01-0\(index)")
        page.notebook.sourceDigest = "text of p\(index) titled \(index == 2 ? secondTitle : "P\(index)")"
        page.resultIdentity = "r\(index)"
        return page
      }
    }
    _ = try builder.build(pages(secondTitle: "P2"))
    let renamed = try builder.build(pages(secondTitle: "P2, renamed"))
    #expect(Set(renamed.pageSeconds.keys) == ["notebooks/p1.md", "notebooks/p2.md", "notebooks/p3.md"])
    let next = String(decoding: FileManager.default.contents(atPath: root + "/site/p1.html") ?? Data(), as: UTF8.self)
    #expect(next.contains("P2, renamed</a>"))
  }
}
