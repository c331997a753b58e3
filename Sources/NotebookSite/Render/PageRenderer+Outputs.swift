import NotebookCore
import NotebookWire

/// A cell's outputs, in the order it produced them. Everything is escaped except SVG that
/// passed ``SVGInspector``, tables that passed ``TableInspector``, typeset math, and explicit `HTML`.
extension PageRenderer {
  mutating func outputs(_ result: CellResult, of cell: Cell) -> String {
    var html = ""
    var text = ""
    var checks: [String] = []
    func flush() {
      if !text.isEmpty { html += "<pre class=\"output-text\">\(Self.trimmingFinalNewline(text).htmlEscaped)</pre>\n" }
      if !checks.isEmpty { html += "<ul class=\"checks\">\n\(checks.joined())</ul>\n" }
      text = ""
      checks = []
    }
    for (position, output) in result.outputs.enumerated() where cell.options.output || Self.isFailure(output) {
      switch output {
      case .text(let printed):
        if !checks.isEmpty { flush() }
        text += printed
      case .check(let passed, let claim, let detail):
        if !text.isEmpty { flush() }
        checks.append(check(passed: passed, claim: claim, detail: detail, sanity: false))
      case .sanityCheck(let passed, let claim, let detail):
        if !text.isEmpty { flush() }
        checks.append(check(passed: passed, claim: claim, detail: detail, sanity: true))
      default:
        flush()
        html += single(output, key: .init(cell: cell.index, output: position), cell: cell, status: result.status)
      }
    }
    flush()
    return html
  }

  /// With `output: false`, failures are still shown: hiding them would hide why the notebook failed.
  private static func isFailure(_ output: CellOutput) -> Bool {
    switch output {
    case .error: return true
    default: return output.isFailedCheck
    }
  }

  /// A claim or a sanity check as a list item; a sanity check is labelled so, since it tests the code, not the post.
  private func check(passed: Bool, claim: String, detail: String, sanity: Bool) -> String {
    let mark = passed ? "✓" : "✗"
    let verdict = (sanity ? "Sanity check " : "") + (passed ? "passed" : "failed")
    let detailHTML = detail.isEmpty ? "" : " <span class=\"check-detail\">\(detail.htmlEscaped)</span>"
    let label = sanity ? "<span class=\"check-kind\">sanity check</span> " : ""
    let classes = "check check-\(passed ? "pass" : "fail")" + (sanity ? " check-sanity" : "")
    return "<li class=\"\(classes)\"><span class=\"check-mark\" role=\"img\" "
      + "aria-label=\"\(verdict.prefix(1).uppercased() + verdict.dropFirst())\">\(mark)</span> "
      + "<span class=\"check-claim\">\(label)\(claim.htmlEscaped)</span>\(detailHTML)</li>\n"
  }

  private mutating func single(
    _ output: CellOutput, key: PreparedPage.OutputKey, cell: Cell, status: CellResult.Status
  ) -> String {
    switch output {
    case .display(let kind, let content):
      return display(kind: kind, content: content, key: key, cell: cell)
    case .error(let error):
      return self.error(error, status: status)
    case .truncated(let dropped):
      return "<p class=\"output-truncated\">Output truncated here: \(dropped) more bytes were not kept.</p>\n"
    case .text, .check, .sanityCheck:
      return ""
    }
  }

  private func error(_ error: CellError, status: CellResult.Status) -> String {
    let (kind, title): (String, String) =
      switch status {
      case .compileError: ("compile", "Compile error")
      case .crashed: ("trap", "Runtime error")
      case .timedOut: ("timeout", "Timed out")
      case .expectedError: ("expected", Self.expectedErrorTitle(error.kind))
      default: ("other", "Error")
      }
    return "<div class=\"output-error error-\(kind)\" role=\"note\"><p class=\"error-title\">\(title)</p>"
      + "<pre>\(Self.trimmingFinalNewline(error.description).htmlEscaped)</pre></div>\n"
  }

  /// Names the kind of an expected failure.
  private static func expectedErrorTitle(_ kind: CellError.Kind) -> String {
    switch kind {
    case .thrown: "Thrown error (expected)"
    case .compile: "Compile error (expected)"
    case .trap: "Runtime error (expected)"
    case .stopped, .other: "Error (expected)"
    }
  }

  private mutating func display(
    kind: DisplayKind, content: String, key: PreparedPage.OutputKey, cell: Cell
  ) -> String {
    switch kind {
    case .text:
      return "<pre class=\"output-text\">\(Self.trimmingFinalNewline(content).htmlEscaped)</pre>\n"
    case .svg:
      return figure(content, cell: cell)
    case .table:
      return table(content, cell: cell)
    case .markdown:
      return markdown(key: key)
    case .math:
      return page.mathOutputs[key].map { "<div class=\"output-math\">\(formula($0))</div>\n" } ?? ""
    case .html:
      return "<div class=\"output-html\">\(content)</div>\n"
    case .summaryRow:
      return ""
    case .summary:
      return summary(content, cell: cell)
    }
  }

  private mutating func markdown(key: PreparedPage.OutputKey) -> String {
    guard let fragment = page.markdownOutputs[key] else { return "" }
    isRenderingOutput = true
    defer { isRenderingOutput = false }
    let body = blocks(fragment.markdown.document.children, mathOffset: fragment.mathOffset)
    return "<div class=\"output-markdown\">\n\(body)</div>\n"
  }

  private mutating func table(_ content: String, cell: Cell) -> String {
    guard let table = TableInspector.render(content) else {
      return rejected(
        content, cell: cell, reason: "A table output with markup other than a plain table is shown as text")
    }
    return numberedTable(table, cell: cell)
  }

  /// A table's markup with its `Table N` line above the first table of a cell labelled `tbl-…`.
  mutating func numberedTable(_ table: String, cell: Cell) -> String {
    var number = ""
    if let table = tableNumbers[cell.index], numberedTables.insert(cell.index).inserted {
      number = "<p class=\"table-number\">Table \(table)</p>\n"
    }
    return number + "<div class=\"output-table\" tabindex=\"0\">\(table)</div>\n"
  }

  /// Shows `content` escaped under a warning, and records the warning for the build.
  mutating func rejected(_ content: String, cell: Cell, reason: String) -> String {
    outputDiagnostics.append(Diagnostic(.warning, file: notebook.path, line: cell.fenceLine, reason))
    return "<div class=\"output-warning\" role=\"note\"><p class=\"error-title\">\(reason.htmlEscaped)</p>"
      + "<pre>\(content.htmlEscaped)</pre></div>\n"
  }
}
