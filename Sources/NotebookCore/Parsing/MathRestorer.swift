/// Turns the placeholders that ``MathProtector`` left in text nodes back into math nodes.
enum MathRestorer {
  /// Rewrites `node`'s descendants, splitting text nodes around placeholders.
  static func restore(_ node: MarkdownNode) -> MarkdownNode {
    node.rewritingChildren { children, _ in children = restoredChildren(children) }
  }

  private static func restoredChildren(_ children: [MarkdownNode]) -> [MarkdownNode] {
    var output: [MarkdownNode] = []
    for child in children {
      guard case .text(let text) = child.kind, hasPlaceholder(text) else {
        output.append(child)
        continue
      }
      let pieces = split(text, line: child.line)
      if pieces.isEmpty, output.last?.kind == .softBreak {
        output.removeLast()  // The line was only a continuation mark.
      }
      output.append(contentsOf: pieces)
    }
    return output
  }

  /// Whether `text` holds an opening or continuation mark (searched as scalars: far cheaper than characters).
  private static func hasPlaceholder(_ text: String) -> Bool {
    text.unicodeScalars.contains { placeholderMarks.contains($0) }
  }

  private static let placeholderMarks = Set(
    [MathProtector.open, MathProtector.continuation].flatMap(\.unicodeScalars))

  private static func split(_ text: String, line: Int) -> [MarkdownNode] {
    var nodes: [MarkdownNode] = []
    var buffer = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == MathProtector.open, let closeIndex = text[index...].firstIndex(of: MathProtector.close),
        let mathIndex = Int(text[text.index(after: index)..<closeIndex])
      {
        if !buffer.isEmpty { nodes.append(MarkdownNode(.text(buffer), line: line)) }
        buffer = ""
        nodes.append(MarkdownNode(.math(mathIndex), line: line))
        index = text.index(after: closeIndex)
        continue
      }
      if character != MathProtector.continuation { buffer.append(character) }
      index = text.index(after: index)
    }
    if !buffer.isEmpty { nodes.append(MarkdownNode(.text(buffer), line: line)) }
    return nodes
  }
}
