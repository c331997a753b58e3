import NotebookCore

/// CommonMark text that is not a whole notebook — a `Markdown` output, a title, a summary —
/// parsed with the notebook parser so math and escaping behave exactly as in prose.
struct MarkdownFragment: Sendable {
  /// The document; Swift code blocks stay code blocks (they are shown, never run).
  var document: MarkdownNode
  /// The fragment's formulas, indexed by its `.math` leaves.
  var math: [MathSpan]
  /// Problems such as unterminated math, with lines relative to the fragment (1-based).
  var problems: [String]

  /// Parses `text`.
  init(_ text: String) {
    let notebook = NotebookParser.parseFragment(text, path: "fragment")
    var children: [MarkdownNode] = []
    for block in notebook.blocks {
      switch block {
      case .prose(let node): children += node.children
      case .cell(let index):
        let cell = notebook.cells[index]
        children.append(MarkdownNode(.codeBlock(info: "swift", code: cell.code + "\n"), line: cell.fenceLine))
      }
    }
    document = MarkdownNode(.document, children: children, line: 1)
    math = notebook.math
    problems = notebook.diagnostics.map { "line \($0.line): \($0.message)" }
  }

  /// The inline content when the fragment is a single paragraph (titles, summaries), else `nil`.
  var singleParagraph: MarkdownNode? {
    guard document.children.count == 1, let only = document.children.first, only.kind == .paragraph else {
      return nil
    }
    return only
  }
}
