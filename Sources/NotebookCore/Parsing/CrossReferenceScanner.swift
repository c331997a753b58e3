/// Finds cross-references and labels in prose, after cmark and math restoring.
///
/// - `@fig-x`, `@tbl-x`, `@eq-x`, `@sec-x` in text become ``MarkdownNode/Kind-swift.enum/reference(label:column:)``
///   nodes. An `@` right after a letter or digit (an e-mail address) is text, as is one inside a link.
/// - `{#sec-x}` at the end of a heading, and `{#eq-x}` right after a display formula, become
///   ``MarkdownNode/Kind-swift.enum/label(_:)`` nodes of the heading or the paragraph.
///
/// Positions are found in the file's lines: text nodes carry no column, so the n-th reference to a
/// label is placed at the n-th `@label` of the file outside code blocks.
struct CrossReferenceScanner {
  /// The prefixes a reference may use, each naming what it points at.
  static let prefixes = ["fig-", "tbl-", "eq-", "sec-"]

  /// Problems found: duplicate labels.
  private(set) var diagnostics: [(line: Int, column: Int, message: String)] = []

  private var locator: SourceLocator
  private let displayMath: Set<Int>
  private var defined: [String: Int] = [:]

  /// A scanner over the file's `lines` (1-based numbering; `skippedLines` are code) whose
  /// formulas at the indices in `displayMath` are display formulas.
  init(lines: [Substring], skippedLines: Set<Int>, displayMath: Set<Int>) {
    locator = SourceLocator(lines: lines, skippedLines: skippedLines)
    self.displayMath = displayMath
  }

  /// `document` with references and labels as nodes.
  mutating func scan(_ document: MarkdownNode) -> MarkdownNode {
    document.rewritingChildren { children, parent in
      switch parent.kind {
      case .link, .image: return
      case .heading: labelHeading(&children)
      case .paragraph: labelEquation(&children)
      default: break
      }
      children = children.flatMap { child -> [MarkdownNode] in
        guard case .text(let text) = child.kind, text.contains("@") else { return [child] }
        return splitReferences(text, line: child.line)
      }
    }
  }

  // MARK: References

  private mutating func splitReferences(_ text: String, line: Int) -> [MarkdownNode] {
    var pieces: [MarkdownNode] = []
    var pending = ""
    var rest = Substring(text)
    while let at = rest.firstIndex(of: "@") {
      let before = rest[..<at]
      let previous = before.last ?? pending.last
      let candidate = rest[rest.index(after: at)...]
      guard previous.map({ !($0.isLetter || $0.isNumber) }) ?? true, let label = Self.label(at: candidate) else {
        pending += rest[...at]
        rest = candidate
        continue
      }
      pending += before
      if !pending.isEmpty { pieces.append(MarkdownNode(.text(pending), line: line)) }
      pending = ""
      let position = locate("@" + label) ?? (line, 1)
      pieces.append(MarkdownNode(.reference(label: label, column: position.column), line: position.line))
      rest = candidate.dropFirst(label.count)
    }
    pending += rest
    if !pending.isEmpty { pieces.append(MarkdownNode(.text(pending), line: line)) }
    return pieces
  }

  /// The label a reference starts with at `text` (after the `@`), or `nil`.
  static func label(at text: Substring) -> String? {
    guard prefixes.contains(where: { text.hasPrefix($0) }) else { return nil }
    var label = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    while label.last == "-" || label.last == "_" { label.removeLast() }
    return prefixes.contains(label) || prefixes.contains(label + "-") ? nil : label
  }

  private mutating func locate(_ needle: String) -> (line: Int, column: Int)? { locator.locate(needle) }

  // MARK: Labels

  /// `Title {#sec-x}`: the attribute leaves the heading's text and becomes its label.
  private mutating func labelHeading(_ children: inout [MarkdownNode]) {
    guard let last = children.last, case .text(let text) = last.kind,
      let (kept, label) = Self.trailingAttribute(text, prefix: "sec-")
    else { return }
    children.removeLast()
    if !kept.isEmpty { children.append(MarkdownNode(.text(kept), line: last.line)) }
    children.append(MarkdownNode(.label(label), line: define(label, fallbackLine: last.line)))
  }

  /// `$$…$$ {#eq-x}`: a paragraph that is one display formula and an attribute labels the formula.
  private mutating func labelEquation(_ children: inout [MarkdownNode]) {
    let shown = children.filter { node in
      if case .text(let text) = node.kind { return !text.allSatisfy(\.isWhitespace) }
      return node.kind != .softBreak
    }
    guard shown.count == 2, case .math(let index) = shown[0].kind, displayMath.contains(index),
      case .text(let text) = shown[1].kind, let (kept, label) = Self.trailingAttribute(text, prefix: "eq-"),
      kept.isEmpty
    else { return }
    children = [shown[0], MarkdownNode(.label(label), line: define(label, fallbackLine: shown[1].line))]
  }

  /// Records a label's definition and returns its line; a second definition is a diagnostic.
  private mutating func define(_ label: String, fallbackLine: Int) -> Int {
    let position = locate("{#\(label)}") ?? (fallbackLine, 1)
    if let first = defined[label] {
      diagnostics.append(
        (position.line, position.column + 2, "Duplicate label '\(label)': line \(first) already uses it"))
    } else {
      defined[label] = position.line
    }
    return position.line
  }

  /// `text` without a final `{#prefix…}` and the label in it, or `nil` when it does not end with one.
  static func trailingAttribute(_ text: String, prefix: String) -> (kept: String, label: String)? {
    let trimmed = text.trimmingTrailingWhitespace
    guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
    let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
    guard inside.hasPrefix("#" + prefix) else { return nil }
    let label = String(inside.dropFirst())
    guard label.count > prefix.count, label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    else { return nil }
    return (String(trimmed[..<open]).trimmingTrailingWhitespace, label)
  }
}

extension String {
  fileprivate var trimmingTrailingWhitespace: String {
    var text = self
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
  }
}

extension MarkdownNode {
  /// This tree with each node's children passed through `transform`, children before their parents.
  ///
  /// Iterative, so that deeply nested input cannot overflow the stack.
  func rewritingChildren(_ transform: (inout [MarkdownNode], MarkdownNode) -> Void) -> MarkdownNode {
    var stack: [(node: MarkdownNode, childIndex: Int)] = [(self, 0)]
    var result: MarkdownNode?
    while var top = stack.popLast() {
      if top.childIndex < top.node.children.count {
        let child = top.node.children[top.childIndex]
        top.childIndex += 1
        stack.append(top)
        stack.append((child, 0))
        continue
      }
      var rebuilt = top.node
      transform(&rebuilt.children, rebuilt)
      if stack.isEmpty {
        result = rebuilt
      } else {
        let parent = stack.count - 1
        stack[parent].node.children[stack[parent].childIndex - 1] = rebuilt
      }
    }
    return result ?? self
  }
}
