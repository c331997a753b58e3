import NotebookCore
import Testing

@testable import NotebookSite

/// Heading ids are slugs of their text, unique on the page, and listed in the contents.
@Suite struct HeadingTests {
  @Test func slugsAreLowerCaseWordsJoinedByDashes() {
    #expect(AnchorRegistry.slug("Why RNN gradients vanish!") == "why-rnn-gradients-vanish")
    #expect(AnchorRegistry.slug("  Step 2: the   Jacobian ") == "step-2-the-jacobian")
    #expect(AnchorRegistry.slug("梯度 消失") == "梯度-消失")
    #expect(AnchorRegistry.slug("?!") == "section")
  }

  @Test func repeatedHeadingsGetNumberedIds() throws {
    let body = "## Results\n\ntext\n\n## Results\n\n## Results\n"
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: nil))
    #expect(html.contains("<h2 id=\"results\">"))
    #expect(html.contains("<h2 id=\"results-1\">"))
    #expect(html.contains("<h2 id=\"results-2\">"))
  }

  @Test func headingsDoNotTakeCellLabelsOrCellIds() throws {
    let body = "## fig-a\n\n## Cell 1\n\n```swift\n//| label: fig-a\nlet x = 1\n```\n"
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: nil))
    #expect(html.contains("<h2 id=\"fig-a-1\">"))
    #expect(html.contains("<h2 id=\"cell-1-1\">"))
    #expect(html.contains("<div class=\"cell cell-pending\" id=\"fig-a\" data-line=\"8\">"))
  }

  @Test func contentsListsSectionsAndSubsections() throws {
    let body = "# Top\n\n## Sub\n\n# Next\n"
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: nil))
    #expect(html.contains("<h2 id=\"top\">"), "the first level used becomes <h2> under the page's <h1>")
    #expect(html.contains("<h3 id=\"sub\">"))
    #expect(
      html.contains(
        "<ol>\n<li><a href=\"#top\">Top</a>\n<ol>\n<li><a href=\"#sub\">Sub</a></li>\n</ol>\n</li>\n"
          + "<li><a href=\"#next\">Next</a></li>\n</ol>"))
  }
}
