import NotebookCore
import Testing

@testable import NotebookSite

/// Summary rows that cells send wherever they measure a claim are shown together where a cell asks for the table.
@Suite struct SummaryTests {
  private static let body = """

    ```swift
    first()
    ```

    ```swift
    second()
    ```

    ```swift
    showSummary()
    ```

    """

  private static func row(_ cells: [String]) -> CellOutput {
    let quoted = cells.map { "\"\($0)\"" }.joined(separator: ",")
    return .display(kind: .summaryRow, content: "[\(quoted)]")
  }

  private static let placement = CellOutput.display(
    kind: .summary, content: #"{"caption":"What held","header":["claim","measured here","held?"]}"#)

  private static func render(_ outputs: [[CellOutput]]) throws -> (html: String, messages: [String]) {
    let notebook = Fixtures.notebook(body)
    let cells = outputs.enumerated().map { index, outputs in
      CellResult(index: index, line: 1, status: .ok, outputs: outputs, seconds: 0)
    }
    let result = NotebookResult(
      cells: cells, diagnostics: [], codeHash: "h", labFingerprint: "f", swiftVersion: "s", compileSeconds: 0,
      runSeconds: 0)
    let (files, report) = try SiteBuilder(siteDirectory: "unused").renderWithReport(
      [SitePage(notebook: notebook, result: result)])
    let html = files["t.html"].map { String(decoding: $0, as: UTF8.self) } ?? ""
    return (html, report.diagnostics.map { "\($0.file):\($0.line): \($0.message)" })
  }

  @Test func rowsOfEveryCellAreGatheredInPageOrderWhereTheTableIsShown() throws {
    let (html, messages) = try Self.render([
      [Self.row(["a <claim>", "1.5", "yes"])], [Self.row(["b", "2", "no — a check failed"])], [Self.placement],
    ])
    #expect(
      html.contains(
        "<table><caption>What held</caption><thead><tr><th>claim</th><th>measured here</th><th>held?</th></tr>"
          + "</thead><tbody><tr><td>a &lt;claim&gt;</td><td class=\"num\">1.5</td><td>yes</td></tr>"
          + "<tr><td>b</td><td class=\"num\">2</td><td>no — a check failed</td></tr></tbody></table>"))
    #expect(messages.isEmpty)
  }

  @Test func aRowShowsNothingWhereItWasSent() throws {
    let (html, _) = try Self.render([[Self.row(["only in the table", "x", "yes"])], [], [Self.placement]])
    #expect(html.components(separatedBy: "only in the table").count == 2)
  }

  @Test func rowsThatNoCellShowsAreReportedAtTheFirstRowsCell() throws {
    let (_, messages) = try Self.render([[], [Self.row(["lost", "x", "yes"])], []])
    #expect(
      messages == [
        "notebooks/t.md:9: summarize(…) added a row to a summary that no cell shows; "
          + "call showSummary() where the table belongs"
      ])
  }

  @Test func aMalformedPlacementIsShownAsTextWithAWarning() throws {
    let (html, messages) = try Self.render([[], [], [.display(kind: .summary, content: "{oops")]])
    #expect(html.contains("{oops"))
    #expect(messages == ["notebooks/t.md:13: A summary output that is not valid is shown as text"])
  }
}
