import NotebookCore
import NotebookHighlight
import Testing

@testable import NotebookSite

/// Swift code is highlighted at build time with swift-syntax's classification.
@Suite struct HighlightTests {
  @Test func smallSnippetIsClassified() {
    let html = SwiftHighlighter.html("let n = 42 // answer\nprint(\"a<b\", terminator: \"\")")
    #expect(
      html
        == "<span class=\"tok-keyword\">let</span> n = <span class=\"tok-number\">42</span> "
        + "<span class=\"tok-comment\">// answer</span>\nprint(<span class=\"tok-string\">\"a&lt;b\"</span>, "
        + "<span class=\"tok-label\">terminator</span>: <span class=\"tok-string\">\"\"</span>)")
  }

  @Test func typesAttributesAndDocCommentsAreMarked() {
    let html = SwiftHighlighter.html("/// Doc\n@MainActor struct P: Equatable { var m = Matrix(rows: 2) }")
    #expect(html.contains("<span class=\"tok-doc\">/// Doc</span>"))
    #expect(html.contains("<span class=\"tok-attribute\">@MainActor</span>") || html.contains("tok-attribute"))
    #expect(html.contains("<span class=\"tok-type\">Equatable</span>"))
    #expect(html.contains("<span class=\"tok-type\">Matrix</span>"))
  }

  @Test func everyCharacterSurvivesEvenInBrokenCode() {
    let source = "let s = \"unterminated ü 𝔸 \n func ( <&> }}}"
    let html = SwiftHighlighter.html(source)
    let text = html.replacing(/<[^>]+>/, with: "").replacing("&lt;", with: "<").replacing("&gt;", with: ">")
      .replacing("&amp;", with: "&")
    #expect(text == source)
  }

  @Test func cellsOnPagesAreHighlighted() throws {
    let page = SitePage(notebook: Fixtures.notebook("```swift\nlet x = 1\n```\n"), result: nil)
    let html = try Fixtures.html(page)
    #expect(html.contains("<code class=\"language-swift\"><span class=\"tok-keyword\">let</span> x = "))
  }

  @Test func foldedCellsUseDetails() throws {
    let html = try Fixtures.html(Fixtures.smallPage)
    #expect(
      html.contains("<details class=\"cell-fold\"><summary>Code <span class=\"fold-size\">(1 line)</span></summary>"))
  }
}
