import NotebookCore

/// Cross-references in prose: `@fig-…` links, numbered equations, labelled headings.
extension PageRenderer {
  /// A link to what `label` points at, or a visible `?@label` and an error at its place in the file.
  mutating func reference(_ label: String, line: Int, column: Int, links: Bool) -> String {
    let here = notebook.slug + ".html"
    switch references.resolve(label, from: here) {
    case .found(let target):
      let text = target.page == here ? target.text : "\(target.text) of “\(target.pageTitle)”"
      guard links else { return text.htmlEscaped }
      let page = target.page == here ? "" : IndexRenderer.pathSegmentEncoded(target.page)
      let tooltip = target.heading.map { " title=\"\($0.htmlEscaped)\"" } ?? ""
      return "<a class=\"xref\" href=\"\(page.htmlEscaped)#\(label.htmlEscaped)\"\(tooltip)>\(text.htmlEscaped)</a>"
    case .unknown:
      referenceProblem(
        line: line, column: column,
        "Unknown cross-reference '@\(label)': no figure, table, equation or section has this label")
    case .ambiguous(let pages):
      referenceProblem(
        line: line, column: column,
        "Cross-reference '@\(label)' is ambiguous: \(pages.joined(separator: " and ")) all define it")
    }
    return "<strong class=\"xref-missing\">?@\(label.htmlEscaped)</strong>"
  }

  private mutating func referenceProblem(line: Int, column: Int, _ message: String) {
    guard !isRenderingOutput else { return }
    outputDiagnostics.append(Diagnostic(.error, file: notebook.path, line: line, column: column, message))
  }

  /// A paragraph that is one display formula with a `{#eq-…}` label, as a numbered equation.
  func labelledEquation(_ node: MarkdownNode, mathOffset: Int) -> String? {
    guard let label = Self.label(of: node), let number = equationNumbers[label],
      let formula = node.children.lazy.compactMap({ child -> Int? in
        if case .math(let index) = child.kind { return index }
        return nil
      }).first
    else { return nil }
    return "<div class=\"equation\" id=\"\(label.htmlEscaped)\">\(self.formula(mathOffset + formula))"
      + "<span class=\"equation-number\">(\(number))</span></div>\n"
  }

  /// The label a heading or paragraph was given with `{#…}`.
  static func label(of node: MarkdownNode) -> String? {
    node.children.lazy.compactMap { child -> String? in
      if case .label(let label) = child.kind { return label }
      return nil
    }.first
  }
}
