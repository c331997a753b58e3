import NotebookCore
import Testing

@testable import NotebookSite

/// Nothing a cell prints or a notebook's prose contains is interpreted as HTML, except `HTML` outputs.
@Suite struct EscapingTests {
  private let script = "<script>alert(1)</script>"

  /// The page without the site's own copy-button script, the one script a page may carry.
  static func withoutSiteScript(_ html: String) -> String {
    html.replacingOccurrences(of: PageShell.script, with: "")
  }

  private func page(_ outputs: [CellOutput], body: String = "```swift\nlet x = 1\n```\n") -> SitePage {
    SitePage(notebook: Fixtures.notebook(body), result: Fixtures.result(outputs))
  }

  @Test func textOutputIsEscaped() throws {
    let html = try Fixtures.html(page([.text(script)]))
    #expect(!html.contains(script))
    #expect(html.contains("<pre class=\"output-text\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>"))
  }

  @Test func textDisplayAndChecksAndErrorsAreEscaped() throws {
    let html = try Fixtures.html(
      page([
        .display(kind: .text, content: script), .check(passed: true, claim: script, detail: script),
        .error(CellError(.other, script)),
      ]))
    #expect(!Self.withoutSiteScript(html).contains("<script"))
  }

  @Test func markdownOutputRawHTMLIsEscaped() throws {
    let html = try Fixtures.html(page([.display(kind: .markdown, content: "Hello *you* \(script)\n\n<div>x</div>")]))
    #expect(!Self.withoutSiteScript(html).contains("<script"))
    #expect(!html.contains("<div>x</div>"))
    #expect(html.contains("<em>you</em>"))
    #expect(html.contains("&lt;div&gt;x&lt;/div&gt;"))
  }

  @Test func proseRawHTMLIsEscaped() throws {
    let body = "Inline \(script) here.\n\n<div onclick=\"x()\">block</div>\n\n<!-- a note -->\n"
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: nil))
    #expect(!Self.withoutSiteScript(html).contains("<script"))
    #expect(!html.contains("<div onclick"))
    #expect(html.contains("&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;"))
    #expect(!html.contains("a note"), "HTML comments are authors' notes and are dropped")
  }

  @Test func explicitHTMLOutputIsInsertedAsIs() throws {
    let html = try Fixtures.html(page([.display(kind: .html, content: "<mark>hi</mark>")]))
    #expect(html.contains("<div class=\"output-html\"><mark>hi</mark></div>"))
  }

  @Test func scriptLinksInProseAreDropped() throws {
    let body = "[click](javascript:alert(1)) and [next](next.md#top) and ![i](data:text/html,x)\n"
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: nil))
    #expect(!html.contains("javascript:"))
    #expect(!html.contains("data:text"))
    #expect(html.contains("<a href=\"next.html#top\">next</a>"))
  }

  @Test func unsafeSVGIsShownEscapedWithAWarning() throws {
    let unsafe = "<svg viewBox=\"0 0 1 1\"><circle r=\"1\" onload=\"alert(1)\"/></svg>"
    let result = try SiteBuilder(siteDirectory: "unused").renderWithReport([
      page([.display(kind: .svg, content: unsafe)])
    ])
    let html = String(decoding: try #require(result.files["t.html"]), as: UTF8.self)
    #expect(!html.contains("<circle"))
    #expect(html.contains("&lt;circle r=&quot;1&quot; onload="))
    #expect(result.report.diagnostics.contains { $0.severity == .warning && $0.message.contains("onload") })
  }

  @Test func tableWithForeignMarkupIsRefused() throws {
    let forged = "<table><tr><td><img src=x onerror=alert(1)></td></tr></table>"
    let html = try Fixtures.html(page([.display(kind: .table, content: forged)]))
    #expect(!html.contains("<img"))
  }
}
