import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// `//| alt:` replaces the generated description of a cell's first figure.
@Suite struct FigureAltTests {
  @Test func theAuthorsTextReplacesTheGeneratedDescription() {
    let svg = #"<svg viewBox="0 0 10 10"><title>T</title><desc>Line chart with 2 series</desc><rect/></svg>"#
    #expect(
      PageRenderer.describing(svg, as: "H(n) climbs like ln n + γ & <stays> above")
        == #"<svg viewBox="0 0 10 10"><title>T</title><desc>H(n) climbs like ln n + γ &amp; &lt;stays&gt; above</desc><rect/></svg>"#
    )
  }

  @Test func aFigureWithoutDescriptionGetsOneAfterItsTitle() {
    #expect(
      PageRenderer.describing(#"<svg viewBox="0 0 1 1"><title>T</title><rect/></svg>"#, as: "A square")
        == #"<svg viewBox="0 0 1 1"><title>T</title><desc>A square</desc><rect/></svg>"#)
    #expect(
      PageRenderer.describing(#"<svg><rect/></svg>"#, as: "A square") == #"<svg><desc>A square</desc><rect/></svg>"#)
  }

  @Test func onlyTheFirstFigureOfTheCellTakesIt() throws {
    let notebook = Fixtures.notebook("\n```swift\n//| alt: The first one\nprint(1)\n```\n", slug: "a")
    let figure =
      #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><desc>generated</desc><rect width="1" height="1"/></svg>"#
    let result = NotebookResult(
      cells: [
        CellResult(
          index: 0, line: 5, status: .ok,
          outputs: [.display(kind: .svg, content: figure), .display(kind: .svg, content: figure)], seconds: 0)
      ], diagnostics: [], codeHash: "h", labFingerprint: "l", swiftVersion: "s", compileSeconds: 0, runSeconds: 0)
    let html = try Fixtures.html(SitePage(notebook: notebook, result: result))
    #expect(html.components(separatedBy: "<desc>The first one</desc>").count == 2)
    #expect(html.components(separatedBy: "<desc>generated</desc>").count == 2)
  }
}
