/// Footnotes: `[^label]` marks in the text and `[^label]: …` paragraphs that define them.
///
/// CommonMark has no footnotes, and cmark would read a definition whose text is one word as a link
/// reference definition. So definitions are escaped before cmark (`\[^label]:`, one byte more on that
/// line) and recognised in its tree afterwards. A mark whose footnote is not defined stays text.
enum FootnoteScanner {
  /// `text` with each line that starts a footnote definition escaped, except `skippedLines` (code).
  static func escapingDefinitions(_ text: String, skippedLines: Set<Int>) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.enumerated().map { offset, line -> Substring in
      guard !skippedLines.contains(offset + 1), let start = definitionStart(line) else { return line }
      return line[..<start] + "\\" + line[start...]
    }.joined(separator: "\n")
  }

  /// Where `[^label]:` starts on a line indented by at most three spaces.
  private static func definitionStart(_ line: Substring) -> Substring.Index? {
    let indent = line.prefix { $0 == " " }
    guard indent.count <= 3 else { return nil }
    let rest = line[indent.endIndex...]
    guard rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]"),
      rest[rest.index(after: close)...].hasPrefix(":"), isLabel(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
    else { return nil }
    return indent.endIndex
  }

  private static func isLabel(_ text: Substring) -> Bool {
    !text.isEmpty && text.allSatisfy { !$0.isWhitespace && $0 != "[" && $0 != "]" && $0 != "^" }
  }

  /// `document` with its definitions and the marks that refer to them as footnote nodes.
  static func scan(_ document: MarkdownNode) -> MarkdownNode {
    var defined = Set<String>()
    var root = document
    root.children = document.children.flatMap { block -> [MarkdownNode] in
      guard block.kind == .paragraph else { return [block] }
      // Definitions on consecutive lines share one paragraph: each `[^label]:` line starts the next.
      let parts = definitionLines(MarkdownNode.mergingText(block.children)).map { definition(in: $0) }
      guard parts.first.map({ $0 != nil }) == true else { return [block] }
      return parts.compactMap { part in
        guard let (label, rest) = part else { return nil }
        defined.insert(label)
        return MarkdownNode(.footnoteDefinition(label), children: rest, line: block.line, endLine: block.endLine)
      }
    }
    guard !defined.isEmpty else { return root }
    return root.rewritingChildren { children, parent in
      switch parent.kind {
      case .link, .image: return
      default: break
      }
      children = MarkdownNode.mergingText(children).flatMap { child -> [MarkdownNode] in
        guard case .text(let text) = child.kind, text.contains("[^") else { return [child] }
        return marks(in: text, line: child.line, defined: defined)
      }
    }
  }

  /// A paragraph's inlines cut before each line break that a definition follows.
  private static func definitionLines(_ inlines: [MarkdownNode]) -> [[MarkdownNode]] {
    var parts: [[MarkdownNode]] = [[]]
    for (offset, node) in inlines.enumerated() {
      let next = offset + 1 < inlines.count ? [inlines[offset + 1]] : []
      if node.kind == .softBreak, definition(in: next) != nil {
        parts.append([])
      } else {
        parts[parts.count - 1].append(node)
      }
    }
    return parts
  }

  /// The label and the text after `[^label]:` when `inlines` start a definition.
  private static func definition(in inlines: [MarkdownNode]) -> (String, [MarkdownNode])? {
    guard let first = inlines.first, case .text(let text) = first.kind, text.hasPrefix("[^"),
      let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":")
    else { return nil }
    let label = text[text.index(text.startIndex, offsetBy: 2)..<close]
    guard isLabel(label) else { return nil }
    let after = text[text.index(close, offsetBy: 2)...].drop(while: \.isWhitespace)
    let rest = (after.isEmpty ? [] : [MarkdownNode(.text(String(after)), line: first.line)]) + inlines.dropFirst()
    return (String(label), rest)
  }

  private static func marks(in text: String, line: Int, defined: Set<String>) -> [MarkdownNode] {
    var pieces: [MarkdownNode] = []
    var pending = ""
    var rest = Substring(text)
    while let open = rest.range(of: "[^") {
      let afterOpen = rest[open.upperBound...]
      guard let close = afterOpen.firstIndex(of: "]"), defined.contains(String(afterOpen[..<close])) else {
        pending += rest[..<open.upperBound]
        rest = afterOpen
        continue
      }
      pending += rest[..<open.lowerBound]
      if !pending.isEmpty { pieces.append(MarkdownNode(.text(pending), line: line)) }
      pending = ""
      pieces.append(MarkdownNode(.footnoteReference(String(afterOpen[..<close])), line: line))
      rest = afterOpen[afterOpen.index(after: close)...]
    }
    pending += rest
    if !pending.isEmpty { pieces.append(MarkdownNode(.text(pending), line: line)) }
    return pieces
  }

}

extension MarkdownNode {
  /// Adjacent text nodes as one (cmark splits text at brackets it could not match).
  static func mergingText(_ nodes: [MarkdownNode]) -> [MarkdownNode] {
    var merged: [MarkdownNode] = []
    for node in nodes {
      if case .text(let text) = node.kind, let last = merged.last, case .text(let previous) = last.kind {
        merged[merged.count - 1].kind = .text(previous + text)
      } else {
        merged.append(node)
      }
    }
    return merged
  }
}
