import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// References resolve to numbered links, on the page and across pages; an unknown one is an error.
@Suite struct CrossReferenceRenderTests {
  private static let figure =
    #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="1" height="1"/></svg>"#

  private static func page(_ slug: String, _ body: String, figures: [Int: Int] = [:]) -> SitePage {
    let notebook = Fixtures.notebook(body, slug: slug, frontMatter: "title: Page \(slug)")
    let cells = notebook.cells.map { cell in
      CellResult(
        index: cell.index, line: cell.fenceLine, status: .ok,
        outputs: Array(repeating: .display(kind: .svg, content: figure), count: figures[cell.index] ?? 0),
        seconds: 0)
    }
    let result = NotebookResult(
      cells: cells, diagnostics: [], codeHash: "h", labFingerprint: "l", swiftVersion: "s", compileSeconds: 0,
      runSeconds: 0)
    return SitePage(notebook: notebook, result: result)
  }

  private static let first = page(
    "a",
    """

    ## Start {#sec-start}

    See @fig-second, @eq-law, @tbl-data, @sec-start and @fig-far.

    $$ F = ma $$ {#eq-law}

    ```swift
    print(1)
    ```

    ```swift
    //| label: fig-second
    print(2)
    ```

    ```swift
    //| label: tbl-data
    print(3)
    ```
    """, figures: [0: 2, 1: 1])

  private static let second = page(
    "b",
    """

    ```swift
    //| label: fig-far
    print(1)
    ```

    Back to @sec-start.
    """, figures: [0: 1])

  @Test func referencesBecomeNumberedLinks() throws {
    let files = try Fixtures.render([Self.first, Self.second])
    let html = try #require(files["a.html"])
    // Cell 0 shows two figures, so the labelled cell's figure is the third.
    #expect(html.contains(##"<a class="xref" href="#fig-second">Figure 3</a>"##))
    #expect(html.contains(##"<a class="xref" href="#eq-law">(1)</a>"##))
    #expect(html.contains(##"<a class="xref" href="#tbl-data">Table 1</a>"##))
    #expect(html.contains(##"<a class="xref" href="#sec-start" title="Start">§1</a>"##))
    #expect(html.contains(#"<div class="equation" id="eq-law">"#))
    #expect(html.contains(#"<span class="equation-number">(1)</span>"#))
    #expect(html.contains(#"<h2 id="sec-start">Start<a"#))
  }

  @Test func aReferenceToAnotherPageNamesIt() throws {
    let files = try Fixtures.render([Self.first, Self.second])
    #expect(files["a.html"]?.contains(#"<a class="xref" href="b.html#fig-far">Figure 1 of “Page b”</a>"#) == true)
    #expect(
      files["b.html"]?.contains(#"<a class="xref" href="a.html#sec-start" title="Start">§1 of “Page a”</a>"#) == true)
  }

  @Test func anUnknownLabelIsAnErrorAtItsPlace() throws {
    let lone = Self.page("c", "\nSee @fig-nowhere.\n")
    let (files, report) = try SiteBuilder(siteDirectory: "unused").renderWithReport([lone])
    #expect(files["c.html"].map { String(decoding: $0, as: UTF8.self) }?.contains("?@fig-nowhere") == true)
    #expect(
      report.diagnostics.map { "\($0.line):\($0.column): \($0.message)" } == [
        "5:5: Unknown cross-reference '@fig-nowhere': no figure, table, equation or section has this label"
      ])
  }

  @Test func aLabelDefinedOnTwoOtherPagesIsAmbiguous() throws {
    let body = "\n```swift\n//| label: fig-same\nprint(1)\n```\n"
    let pages = [
      Self.page("p", body, figures: [0: 1]), Self.page("q", body, figures: [0: 1]), Self.page("r", "\n@fig-same\n"),
    ]
    let (_, report) = try SiteBuilder(siteDirectory: "unused").renderWithReport(pages)
    #expect(
      report.diagnostics.map(\.message) == ["Cross-reference '@fig-same' is ambiguous: p.html and q.html all define it"]
    )
  }
}

@Test func aFigureOfAPageThatHasNotRunIsStillKnown() throws {
  let notebook = Fixtures.notebook("\nSee @fig-later.\n\n```swift\n//| label: fig-later\nprint(1)\n```\n", slug: "n")
  let (files, report) = try SiteBuilder(siteDirectory: "unused").renderWithReport([
    SitePage(notebook: notebook, result: nil)
  ])
  #expect(report.diagnostics.isEmpty)
  #expect(files["n.html"].map { String(decoding: $0, as: UTF8.self) }?.contains(">Figure ?</a>") == true)
}
