import NotebookCore

/// Cells: their code (highlighted, optionally folded), a status badge when they failed, and outputs.
extension PageRenderer {
  /// The result recorded for a cell, if the notebook ran.
  func result(of cell: Cell) -> CellResult? {
    page.result?.cells.first { $0.index == cell.index }
  }

  /// The id a cell's element carries: its label, unless a figure of the cell takes the label.
  func anchor(of cell: Cell) -> String {
    guard let label = cell.options.label, !hasFigure(cell) else { return Self.cellID(cell.index) }
    return label
  }

  private func hasFigure(_ cell: Cell) -> Bool {
    result(of: cell)?.outputs.contains { if case .display(.svg, _) = $0 { return true } else { return false } }
      ?? false
  }

  mutating func cell(_ cell: Cell) -> String {
    figuresInCell = 0
    let result = result(of: cell)
    let status = result?.status ?? (cell.options.eval ? nil : .skipped)
    let statusClass = status.map { "cell-\(Self.kebab($0.rawValue))" } ?? "cell-pending"
    var html =
      "<div class=\"cell \(statusClass)\" id=\"\(anchor(of: cell).htmlEscaped)\" data-line=\"\(cell.fenceLine)\">\n"
    if let status, let badge = Self.badge(status) {
      html +=
        "<p class=\"cell-status\"><span class=\"badge badge-\(Self.kebab(status.rawValue))\">\(badge)</span> "
        + "<span class=\"cell-location\">\(notebook.path.htmlEscaped):\(cell.fenceLine)</span></p>\n"
    }
    if cell.options.echo { html += source(cell) }
    if let result {
      let outputs = outputs(result, of: cell)
      if !outputs.isEmpty { html += "<div class=\"cell-outputs\">\n\(outputs)</div>\n" }
    }
    return html + "</div>\n"
  }

  private mutating func source(_ cell: Cell) -> String {
    let code =
      "<pre class=\"code cell-code\" tabindex=\"0\"><code class=\"language-swift\">"
      + highlighted(cell.code) + "</code></pre>\n"
    guard cell.options.fold else { return code }
    let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
    let count = lines == 1 ? "1 line" : "\(lines) lines"
    return "<details class=\"cell-fold\"><summary>Code <span class=\"fold-size\">(\(count))</span></summary>\n"
      + code + "</details>\n"
  }

  /// The text of a status badge, or `nil` for a cell that simply ran.
  static func badge(_ status: CellResult.Status) -> String? {
    switch status {
    case .ok: return nil
    case .checkFailed: return "✗ Check failed"
    case .compileError: return "✗ Compile error"
    case .crashed: return "✗ Crashed"
    case .timedOut: return "✗ Timed out"
    case .expectedError: return "Expected error"
    case .notRun: return "Not run: an earlier cell stopped the program"
    case .skipped: return "Not evaluated (eval: false)"
    }
  }

  /// `checkFailed` → `check-failed`.
  static func kebab(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase {
        result += "-" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }
}
