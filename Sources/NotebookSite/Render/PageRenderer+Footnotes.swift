import NotebookCore

/// Footnotes: numbered marks in the text, and the notes at the end of the body, each linked both ways.
extension PageRenderer {
  /// The footnotes the prose defines, by label.
  static func footnoteDefinitions(_ notebook: Notebook) -> [String: MarkdownNode] {
    var definitions: [String: MarkdownNode] = [:]
    for child in notebook.proseBlocks {
      if case .footnoteDefinition(let label) = child.kind, definitions[label] == nil { definitions[label] = child }
    }
    return definitions
  }

  /// A footnote's mark: its number, by first mention, linked to the note.
  mutating func footnoteMark(_ label: String) -> String {
    if footnoteOrder.firstIndex(of: label) == nil { footnoteOrder.append(label) }
    let number = (footnoteOrder.firstIndex(of: label) ?? 0) + 1
    footnoteMentions[label, default: 0] += 1
    let mention = footnoteMentions[label] ?? 1
    let id = Self.footnoteReferenceID(label, mention: mention)
    return "<sup class=\"footnote-ref\"><a id=\"\(id.htmlEscaped)\" href=\"#\(Self.footnoteID(label).htmlEscaped)\" "
      + "aria-label=\"Footnote \(number)\">\(number)</a></sup>"
  }

  /// The notes, in the order of their first mention, each with links back to its marks.
  mutating func footnotes() -> String {
    guard !footnoteOrder.isEmpty else { return "" }
    var items = ""
    var index = 0
    // A note may mention another footnote, which then joins the list.
    while index < footnoteOrder.count {
      let label = footnoteOrder[index]
      index += 1
      guard let definition = footnoteDefinitions[label] else { continue }
      let text = inlines(definition.children, mathOffset: 0)
      let backs = (1...(footnoteMentions[label] ?? 1)).map { mention in
        "<a class=\"footnote-back\" href=\"#\(Self.footnoteReferenceID(label, mention: mention).htmlEscaped)\" "
          + "aria-label=\"Back to the text\">↩</a>"
      }.joined(separator: " ")
      items += "<li id=\"\(Self.footnoteID(label).htmlEscaped)\"><p>\(text) \(backs)</p></li>\n"
    }
    return "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<hr>\n<ol>\n\(items)</ol>\n</section>\n"
  }

  private static func footnoteID(_ label: String) -> String { "fn-\(label)" }

  private static func footnoteReferenceID(_ label: String, mention: Int) -> String {
    mention == 1 ? "fnref-\(label)" : "fnref-\(label)-\(mention)"
  }
}
