import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Callouts and pipe tables in prose, on top of CommonMark.
@Suite struct ProseBlocksTests {
  private static func html(_ body: String) throws -> String {
    try Fixtures.html(SitePage(notebook: Fixtures.notebook(body, slug: "p"), result: nil))
  }

  @Test func aMarkedQuoteIsACalloutAndAPlainOneStaysAQuote() throws {
    let html = try Self.html("\n> [!WARNING]\n> Seeds *matter*.\n\n> [!tip]\n\n> Just a quote.\n")
    let warning: String =
      "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n"
      + "<p>Seeds <em>matter</em>.</p>\n</div>"
    #expect(html.contains(warning))
    #expect(
      html.contains("<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n</div>"))
    #expect(html.contains("<blockquote>\n<p>Just a quote.</p>\n</blockquote>"))
  }

  @Test func anUnknownMarkerStaysAQuote() throws {
    let html = try Self.html("\n> [!DANGER] not a kind\n")
    #expect(html.contains("<blockquote>\n<p>[!DANGER] not a kind</p>\n</blockquote>"))
  }

  @Test func aPipeTableBecomesATableWithAlignmentAndInlineMarkup() throws {
    let html = try Self.html(
      "\n| method | error | note |\n|:---|---:|:---:|\n| `sgd` | 0.1 | *fast* |\n| Adam | 0.05 |\n")
    let head: String =
      "<div class=\"prose-table\" tabindex=\"0\"><table>\n<thead>\n"
      + "<tr><th style=\"text-align: left\">method</th><th style=\"text-align: right\">error</th>"
      + "<th style=\"text-align: center\">note</th></tr>\n</thead>\n<tbody>\n"
    let first: String =
      "<tr><td style=\"text-align: left\"><code>sgd</code></td><td style=\"text-align: right\">0.1</td>"
      + "<td style=\"text-align: center\"><em>fast</em></td></tr>\n"
    let second: String =
      "<tr><td style=\"text-align: left\">Adam</td><td style=\"text-align: right\">0.05</td>"
      + "<td style=\"text-align: center\"></td></tr>\n</tbody>\n</table></div>"
    let expected: String = head + first + second
    #expect(html.contains(expected))
  }

  @Test func textWithPipesButNoDelimiterRowStaysAParagraph() throws {
    let html = try Self.html("\na | b\nc | d\n\n| a | b |\n| - | x |\n")
    #expect(html.contains("<p>a | b\nc | d</p>"))
    #expect(html.contains("<p>| a | b |\n| - | x |</p>"))
    #expect(!html.contains("<table>"))
  }

  @Test func aHeaderWithTheWrongNumberOfCellsIsNotATable() throws {
    let html = try Self.html("\n| a | b | c |\n|---|---|\n")
    #expect(!html.contains("<table>"))
  }
}
