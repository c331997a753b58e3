/// Finds citations in prose: `[@key]`, `[@key, p. 5]`, `[see @a; @b]`, as Pandoc writes them.
///
/// A bracket counts when every `;`-separated part names a key (`@` then a letter, digit or `_`);
/// other brackets stay text. Keys are not checked here: the citation processor knows the bibliography.
struct CitationScanner {
  private var locator: SourceLocator

  /// A scanner over the file's `lines` that skips `skippedLines` (code blocks).
  init(lines: [Substring], skippedLines: Set<Int>) {
    locator = SourceLocator(lines: lines, skippedLines: skippedLines)
  }

  /// `document` with its citations as nodes.
  mutating func scan(_ document: MarkdownNode) -> MarkdownNode {
    document.rewritingChildren { children, parent in
      switch parent.kind {
      case .link, .image: return
      default: break
      }
      children = MarkdownNode.mergingText(children).flatMap { child -> [MarkdownNode] in
        guard case .text(let text) = child.kind, text.contains("[") && text.contains("@") else { return [child] }
        return split(text, line: child.line)
      }
    }
  }

  private mutating func split(_ text: String, line: Int) -> [MarkdownNode] {
    var pieces: [MarkdownNode] = []
    var pending = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "[") {
      let inside = rest[rest.index(after: open)...]
      guard let close = inside.firstIndex(of: "]"), Self.isCitation(inside[..<close]) else {
        pending += rest[...open]
        rest = inside
        continue
      }
      pending += rest[..<open]
      if !pending.isEmpty { pieces.append(MarkdownNode(.text(pending), line: line)) }
      pending = ""
      let content = String(inside[..<close])
      let position = locator.locate("[" + content + "]") ?? (line, 1)
      pieces.append(MarkdownNode(.citation(content, column: position.column), line: position.line))
      rest = inside[inside.index(after: close)...]
    }
    pending += rest
    if !pending.isEmpty { pieces.append(MarkdownNode(.text(pending), line: line)) }
    return pieces
  }

  /// Whether the text between brackets is a citation: each `;` part holds `@key`.
  static func isCitation(_ text: Substring) -> Bool {
    let parts = text.split(separator: ";", omittingEmptySubsequences: false)
    return !parts.isEmpty
      && parts.allSatisfy { part in
        guard let at = part.firstIndex(of: "@") else { return false }
        let before = part[..<at].last
        let key = part[part.index(after: at)...]
        return (before == nil || before?.isWhitespace == true || before == "-")
          && (key.first.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false)
      }
  }
}
