import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Each page links to its Markdown, published beside it in `source/`; every site bar links to the
/// authoring guide; code blocks get copy buttons from a small script; the index lists newest first.
@Suite struct SourceAndHeaderTests {
  private static func page(_ slug: String, title: String = "T", date: String? = nil, body: String = "Prose.")
    -> SitePage
  {
    let front = "title: \(title)" + (date.map { "\ndate: \($0)" } ?? "")
    return SitePage(notebook: Fixtures.notebook(body, slug: slug, frontMatter: front), result: nil)
  }

  @Test func theSourceIsPublishedByteForByteAndLinkedFromTheHeaderAndProvenance() throws {
    let text = "\u{FEFF}---\r\ntitle: Odd bytes\r\n---\r\nA line with é and a CRLF.\r\n"
    let page = SitePage(notebook: NotebookParser.parse(text, path: "notebooks/odd page.md"), result: nil)
    let files = try SiteBuilder(siteDirectory: "unused").renderAll([page])
    #expect(files["source/odd page.md"] == Data(text.utf8))
    let html = String(decoding: try #require(files["odd page.html"]), as: UTF8.self)
    #expect(
      html.contains(#"<a class="source-link" href="source/odd%20page.md" type="text/markdown">Markdown source</a>"#))
    #expect(html.contains(#"<dd><a href="source/odd%20page.md"><code>notebooks/odd page.md</code></a></dd>"#))
  }

  @Test func aNotebookWhoseTextIsUnknownHasNoSourceLink() throws {
    var notebook = Fixtures.notebook("Prose.", slug: "unread")
    notebook.source = nil
    let files = try SiteBuilder(siteDirectory: "unused").renderAll([SitePage(notebook: notebook, result: nil)])
    #expect(files.keys.filter { $0.hasPrefix("source/") }.isEmpty)
    #expect(String(decoding: try #require(files["unread.html"]), as: UTF8.self).contains("source-link") == false)
  }

  @Test func aBuildRemovesTheSourceOfANotebookThatIsGoneAndLeavesOtherFilesAlone() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let builder = SiteBuilder(siteDirectory: root)
    _ = try builder.build([Self.page("kept"), Self.page("gone")])
    #expect(FileManager.default.fileExists(atPath: root + "/source/gone.md"))
    _ = FileManager.default.createFile(atPath: root + "/notes.md", contents: Data("mine".utf8))
    let report = try builder.build([Self.page("kept")])
    #expect(report.removedFiles.contains("source/gone.md"))
    #expect(!FileManager.default.fileExists(atPath: root + "/source/gone.md"))
    #expect(FileManager.default.fileExists(atPath: root + "/source/kept.md"))
    #expect(FileManager.default.contents(atPath: root + "/notes.md") == Data("mine".utf8))
  }

  @Test func everySiteBarLinksToTheGuideByItsTitle() throws {
    let files = try Fixtures.render([Self.page("authoring", title: "Writing <notebooks>"), Self.page("other")])
    let link = #"<a class="guide-link" href="authoring.html""#
    #expect(try #require(files["other.html"]).contains(link + #">Writing &lt;notebooks&gt;</a>"#))
    #expect(try #require(files["index.html"]).contains(link + #">Writing &lt;notebooks&gt;</a>"#))
    #expect(try #require(files["authoring.html"]).contains(link + #" aria-current="page">"#))
  }

  @Test func aSiteWithoutTheGuideLinksToNoGuide() throws {
    let files = try Fixtures.render([Self.page("other")])
    #expect(try #require(files["other.html"]).contains("guide-link") == false)
    var builder = SiteBuilder(siteDirectory: "unused")
    builder.guideSlug = "other"
    let chosen = try builder.renderAll([Self.page("other", title: "Guide")])
    #expect(
      String(decoding: try #require(chosen["index.html"]), as: UTF8.self).contains(#"href="other.html">Guide</a>"#))
  }

  @Test func renamingTheGuideRendersEveryPageAgain() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("guide-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let builder = SiteBuilder(siteDirectory: root + "/site", cacheDirectory: root + "/cache")
    func pages(guideTitle: String) -> [SitePage] {
      [("authoring", guideTitle), ("a", "A"), ("b", "B")].map { slug, title in
        var page = Self.page(slug, title: title)
        page.notebook.sourceDigest = "\(slug) titled \(title)"
        page.resultIdentity = "r-\(slug)"
        return page
      }
    }
    _ = try builder.build(pages(guideTitle: "Guide"))
    #expect(try builder.build(pages(guideTitle: "Guide")).pageSeconds.isEmpty)
    let renamed = try builder.build(pages(guideTitle: "The guide"))
    #expect(Set(renamed.pageSeconds.keys) == ["notebooks/authoring.md", "notebooks/a.md", "notebooks/b.md"])
    let html = try String(contentsOfFile: root + "/site/a.html", encoding: .utf8)
    #expect(html.contains(#"href="authoring.html">The guide</a>"#))
  }

  @Test func pagesCarryTheCopyScriptOnceAndNoButtonInTheirHTML() throws {
    let body = "```swift\nlet x = 1\n```\n"
    let html = try Fixtures.html(Self.page("code", body: body))
    #expect(html.components(separatedBy: "<script>").count == 2)
    #expect(html.contains(PageShell.script))
    // The button is made by the script: without JavaScript there is none.
    #expect(!html.replacingOccurrences(of: PageShell.script, with: "").contains("copy-button"))
    #expect(html.contains(#"<pre class="code cell-code" tabindex="0">"#))
  }

  @Test func searchIndexesTheNotebookButNotItsNavigationAndOffersABoxOnlyOverHTTP() throws {
    let files = try Fixtures.render([Self.page("a", body: "## One\n\nx\n\n## Two\n\ny\n"), Self.page("b")])
    let html = try #require(files["a.html"])
    #expect(html.contains(#"<article class="notebook" data-pagefind-body>"#))
    #expect(html.contains(#"aria-label="Contents" data-pagefind-ignore>"#))
    #expect(html.contains(#"aria-label="Previous and next notebook" data-pagefind-ignore>"#))
    #expect(!html.contains(#"class="site-search"#), "no search box in the HTML: the script adds it")
    #expect(PageShell.script.contains(#"if (!bar || !/^https?:$/.test(location.protocol)) return;"#))
    #expect(try #require(files["index.html"]).contains("data-pagefind-body") == false)
  }

  @Test func theIndexListsNewestFirstUndatedLastTiesByTitle() throws {
    let files = try Fixtures.render([
      Self.page("old", title: "Old", date: "2020-01-01"),
      Self.page("undated", title: "Undated"),
      Self.page("new-b", title: "B new", date: "2022-05-05"),
      Self.page("new-a", title: "A new", date: "2022-05-05"),
      Self.page("mid", title: "Mid", date: "2021-03-03"),
    ])
    let index = try #require(files["index.html"])
    let order = ["new-a.html", "new-b.html", "mid.html", "old.html", "undated.html"].map {
      index.range(of: "href=\"\($0)\"")?.lowerBound
    }
    let positions = try order.map { try #require($0) }
    #expect(positions == positions.sorted())
    // Reading order, for the previous and next links, stays oldest first.
    #expect(try #require(files["old.html"]).contains(#"rel="next" href="mid.html""#))
  }
}
