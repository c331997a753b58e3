import NotebookCore

/// GitHub's callouts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` is shown as a titled, coloured box.
extension PageRenderer {
  /// The kinds of callout and their titles.
  static let calloutTitles = [
    "NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution",
  ]

  /// The callout a block quote is, or `nil` for an ordinary quote.
  mutating func callout(_ quote: MarkdownNode, mathOffset: Int) -> String? {
    guard let first = quote.children.first, first.kind == .paragraph,
      let marker = first.children.first, case .text(let text) = marker.kind,
      let kind = Self.calloutKind(text), first.children.count == 1 || Self.isBreak(first.children[1])
    else { return nil }
    // The marker line goes; what follows it on the next lines stays the first paragraph.
    var body = quote.children
    let rest = Array(first.children.dropFirst(2))
    if rest.isEmpty {
      body.removeFirst()
    } else {
      body[0].children = rest
    }
    let title = Self.calloutTitles[kind] ?? kind
    return "<div class=\"callout callout-\(kind.lowercased())\" role=\"note\">\n"
      + "<p class=\"callout-title\">\(title)</p>\n" + blocks(body, mathOffset: mathOffset) + "</div>\n"
  }

  private static func calloutKind(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]") else { return nil }
    let kind = trimmed.dropFirst(2).dropLast().uppercased()
    return calloutTitles[kind] == nil ? nil : kind
  }

  private static func isBreak(_ node: MarkdownNode) -> Bool {
    node.kind == .softBreak || node.kind == .lineBreak
  }
}
