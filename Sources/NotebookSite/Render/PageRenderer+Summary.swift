import Foundation
import NotebookCore
import NotebookWire

/// The summary table: rows that cells send with `summarize(…)` wherever they measure a claim, shown
/// together where a cell calls `showSummary(…)`. The rows are gathered here, from every cell's stored
/// outputs, so the cell that shows the table depends on no other cell and re-runs for nothing.
extension PageRenderer {
  /// Every summary row of the page, in page order, with the cell that sent it.
  var summaryRows: [(cell: Cell, cells: [String])] {
    notebook.cells.flatMap { cell in
      (result(of: cell)?.outputs ?? []).compactMap { output -> (cell: Cell, cells: [String])? in
        guard case .display(.summaryRow, let content) = output,
          let cells = try? JSONDecoder().decode([String].self, from: Data(content.utf8))
        else { return nil }
        return (cell, cells)
      }
    }
  }

  /// Whether a cell of the page shows the summary table.
  var showsSummary: Bool {
    notebook.cells.contains { cell in
      result(of: cell)?.outputs.contains { if case .display(.summary, _) = $0 { true } else { false } } ?? false
    }
  }

  /// The table for a `showSummary` output, its cells escaped.
  mutating func summary(_ content: String, cell: Cell) -> String {
    guard let placement = try? JSONDecoder().decode(SummaryPlacement.self, from: Data(content.utf8)) else {
      return rejected(content, cell: cell, reason: "A summary output that is not valid is shown as text")
    }
    var html = "<table>"
    if let caption = placement.caption { html += "<caption>\(caption.htmlEscaped)</caption>" }
    html += "<thead><tr>" + placement.header.map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr></thead>"
    html += "<tbody>"
    for row in summaryRows {
      html += "<tr>" + row.cells.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>"
    }
    // The inspector marks numeric cells, as in every other table of the page.
    guard let table = TableInspector.render(html + "</tbody></table>") else { return "" }
    return numberedTable(table, cell: cell)
  }

  /// A warning at the first row's cell when rows were sent but no cell shows the table.
  var unshownSummaryWarning: Diagnostic? {
    let rows = summaryRows
    guard let first = rows.first, !showsSummary else { return nil }
    return Diagnostic(
      .warning, file: notebook.path, line: first.cell.fenceLine,
      "summarize(…) added \(rows.count == 1 ? "a row" : "\(rows.count) rows") to a summary "
        + "that no cell shows; call showSummary() where the table belongs")
  }
}
