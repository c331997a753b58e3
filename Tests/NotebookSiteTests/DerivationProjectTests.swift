import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Two notebooks that use everything a derivation's prose may.
///
/// References within and across notebooks, citations, a callout, a footnote and a table: every
/// reference becomes a numbered link and nothing is reported.
@Suite struct DerivationProjectTests {
  private static let figure =
    #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="1" height="1"/></svg>"#

  private static let bibliography = """
    @book{golub2013, author = {Golub, Gene H. and Van Loan, Charles F.}, title = {Matrix Computations},
      publisher = {Johns Hopkins University Press}, year = {2013}}
    @article{knuth1984, author = {Knuth, Donald E.}, title = {Literate Programming},
      journal = {The Computer Journal}, volume = {27}, pages = {97--111}, year = {1984}}
    """

  private static func page(_ slug: String, _ text: String) -> SitePage {
    let notebook = NotebookParser.parse(text, path: "notebooks/\(slug).md")
    let cells = notebook.cells.map { cell in
      CellResult(
        index: cell.index, line: cell.fenceLine, status: .ok,
        outputs: cell.options.label?.hasPrefix("fig-") == true ? [.display(kind: .svg, content: figure)] : [],
        seconds: 0)
    }
    let result = NotebookResult(
      cells: cells, diagnostics: [], codeHash: "h", labFingerprint: "l", swiftVersion: "s", compileSeconds: 0,
      runSeconds: 0)
    return SitePage(notebook: notebook, result: result)
  }

  private static func pages(bibliography: String) -> [SitePage] {
    let derivation = """
      ---
      title: The derivation
      date: 2021-01-02
      bibliography: \(bibliography)
      ---

      ## Setting {#sec-setting}

      The law @eq-law, drawn in @fig-curve and tabulated in @tbl-values, follows @sec-setting; the
      measurement is @fig-measured in the other notebook. See [@golub2013] and [@knuth1984, p. 97].

      $$ y = x^2 $$ {#eq-law}

      > [!NOTE]
      > The curve is exact.[^exact]

      [^exact]: Up to rounding.

      | x | y |
      |---|--:|
      | 1 | 1 |
      | 2 | 4 |

      ```swift
      //| label: fig-curve
      print("curve")
      ```

      ```swift
      //| label: tbl-values
      print("values")
      ```
      """
    let measurement = """
      ---
      title: The measurement
      date: 2021-01-03
      ---

      ```swift
      //| label: fig-measured
      print("measured")
      ```

      It agrees with @eq-law of the derivation, set up in @sec-setting.
      """
    return [page("derivation", derivation), page("measurement", measurement)]
  }

  @Test func everyReferenceIsANumberedLinkAndNothingIsReported() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("refs-\(UUID().uuidString).bib")
    try Data(Self.bibliography.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let (files, report) = try SiteBuilder(siteDirectory: "unused").renderWithReport(
      Self.pages(bibliography: file.path))
    #expect(report.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" } == [])
    let derivation = String(decoding: try #require(files["derivation.html"]), as: UTF8.self)
    let measurement = String(decoding: try #require(files["measurement.html"]), as: UTF8.self)
    for (html, links) in [
      (
        derivation,
        [
          ##"<a class="xref" href="#eq-law">(1)</a>"##, ##"<a class="xref" href="#fig-curve">Figure 1</a>"##,
          ##"<a class="xref" href="#tbl-values">Table 1</a>"##,
          ##"<a class="xref" href="#sec-setting" title="Setting">§1</a>"##,
          #"<a class="xref" href="measurement.html#fig-measured">Figure 1 of “The measurement”</a>"#,
        ]
      ),
      (
        measurement,
        [
          #"<a class="xref" href="derivation.html#eq-law">(1) of “The derivation”</a>"#,
          #"<a class="xref" href="derivation.html#sec-setting" title="Setting">§1 of “The derivation”</a>"#,
        ]
      ),
    ] {
      for link in links { #expect(html.contains(link), "missing \(link)") }
      #expect(!html.contains("xref-missing"), "an unresolved reference")
    }
    #expect(derivation.contains(##"role="doc-biblioref">Golub and Van Loan 2013</a>"##))
    #expect(derivation.contains(##"role="doc-biblioref">Knuth 1984, 97</a>"##))
    #expect(derivation.contains(#"<div id="ref-golub2013" class="csl-entry">"#))
    #expect(derivation.contains(#"<div id="ref-knuth1984" class="csl-entry">"#))
    #expect(derivation.contains(#"class="callout callout-note""#))
    #expect(derivation.contains(##"<a id="fnref-exact" href="#fn-exact" aria-label="Footnote 1">1</a>"##))
    #expect(derivation.contains(#"<li id="fn-exact"><p>Up to rounding."#))
    #expect(derivation.contains(#"<div class="prose-table" tabindex="0"><table>"#))
    #expect(derivation.contains(#"<tr><td>2</td><td style="text-align: right">4</td></tr>"#))
  }
}
