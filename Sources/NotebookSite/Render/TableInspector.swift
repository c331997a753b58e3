/// Checks a table output and re-emits it with numeric cells marked for right alignment.
///
/// Tables come from the runtime's `Table`, which escapes every cell, so the markup is only
/// `table`, `caption`, `thead`, `tbody`, `tfoot`, `tr`, `th`, `td` tags without attributes,
/// and text. Anything else means the output was not made by `Table`, and it is refused.
enum TableInspector {
  private enum Token: Equatable {
    case open(String)
    case close(String)
    case text(Substring)
  }

  private static let allowed: Set<Substring> = ["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"]

  /// The table's HTML with `class="num"` on numeric cells, or `nil` when the markup is not a plain table.
  static func render(_ html: String) -> String? {
    guard let tokens = tokenize(html), tokens.first == .open("table"), tokens.last == .close("table") else {
      return nil
    }
    var output = ""
    for (index, token) in tokens.enumerated() {
      switch token {
      case .open(let name):
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        if name == "td", case .text(let text) = next, isNumeric(text) {
          output += "<td class=\"num\">"
        } else {
          output += "<\(name)>"
        }
      case .close(let name): output += "</\(name)>"
      case .text(let text): output += text
      }
    }
    return output
  }

  private static func tokenize(_ html: String) -> [Token]? {
    var tokens: [Token] = []
    var rest = Substring(html.trimmingWhitespace)
    while !rest.isEmpty {
      guard rest.first == "<" else {
        let end = rest.firstIndex(of: "<") ?? rest.endIndex
        tokens.append(.text(rest[..<end]))
        rest = rest[end...]
        continue
      }
      guard let close = rest.firstIndex(of: ">") else { return nil }
      let inner = rest[rest.index(after: rest.startIndex)..<close]
      let isClosing = inner.hasPrefix("/")
      let name = isClosing ? inner.dropFirst() : inner
      guard allowed.contains(name) else { return nil }
      tokens.append(isClosing ? .close(String(name)) : .open(String(name)))
      rest = rest[rest.index(after: close)...]
    }
    return tokens
  }

  /// Numbers as `Table` formats them: `-1.5`, `2e-05`, `1,234`, `12%`, `NaN`, `∞`, `−∞`.
  static func isNumeric(_ text: Substring) -> Bool {
    let trimmed = String(text.trimmingWhitespaceSubstring)
    if ["NaN", "∞", "−∞", "-∞", "inf", "-inf", "nan"].contains(trimmed) { return true }
    var body = Substring(trimmed)
    if let first = body.first, "+-−".contains(first) { body = body.dropFirst() }
    if body.hasSuffix("%") { body = body.dropLast() }
    guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return false }
    var sawExponent = false
    var previous: Character = " "
    for character in body {
      let isSign = (character == "-" || character == "+") && (previous == "e" || previous == "E")
      let isExponent = (character == "e" || character == "E") && !sawExponent
      if isExponent { sawExponent = true }
      guard (character.isASCII && character.isNumber) || character == "." || character == "," || isSign || isExponent
      else { return false }
      previous = character
    }
    return true
  }
}

extension Substring {
  fileprivate var trimmingWhitespaceSubstring: Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
    return self[start..<end]
  }
}
