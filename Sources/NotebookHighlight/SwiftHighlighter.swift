internal import SwiftIDEUtils
internal import SwiftParser
internal import SwiftSyntax

/// Turns Swift source into HTML with one `<span class="tok-…">` per classified token.
///
/// The classification is swift-syntax's (the parser the compiler uses), so keywords,
/// literals, comments, attributes and argument labels are recognised exactly, including
/// in string interpolations. Identifiers that start with an upper-case letter are shown
/// as types, because a call such as `Matrix(rows:columns:)` is only known to name a type
/// after type checking, which a highlighter does not do.
///
/// Every character of the source appears in the output exactly once, HTML-escaped;
/// plain identifiers, operators and whitespace are not wrapped. Invalid code still
/// highlights: the parser recovers and classifies what it can.
public enum SwiftHighlighter {
  /// The CSS classes the output uses, for stylesheets.
  public static let tokenClasses: [String] = [
    "tok-keyword", "tok-type", "tok-string", "tok-number", "tok-comment", "tok-doc",
    "tok-attribute", "tok-label", "tok-directive", "tok-regex", "tok-placeholder",
  ]

  /// Returns `source` as escaped HTML with token spans, ready to go inside `<pre><code>`.
  public static func html(_ source: String) -> String {
    let tree = Parser.parse(source: source)
    let bytes = Array(source.utf8)
    var output = ""
    output.reserveCapacity(bytes.count * 2)
    var position = 0
    for range in tree.classifications {
      let start = min(max(range.offset, position), bytes.count)
      let end = min(range.endOffset, bytes.count)
      guard start < end else { continue }
      if position < start { output += escaped(bytes[position..<start]) }
      let text = bytes[start..<end]
      if let name = cssClass(range.kind, text: text) {
        output += "<span class=\"\(name)\">\(escaped(text))</span>"
      } else {
        output += escaped(text)
      }
      position = end
    }
    if position < bytes.count { output += escaped(bytes[position...]) }
    return output
  }

  private static func cssClass(_ kind: SyntaxClassification, text: ArraySlice<UInt8>) -> String? {
    switch kind {
    case .keyword: return "tok-keyword"
    case .type: return "tok-type"
    case .stringLiteral: return "tok-string"
    case .integerLiteral, .floatLiteral: return "tok-number"
    case .lineComment, .blockComment: return "tok-comment"
    case .docLineComment, .docBlockComment: return "tok-doc"
    case .attribute: return "tok-attribute"
    case .argumentLabel: return "tok-label"
    case .ifConfigDirective: return "tok-directive"
    case .regexLiteral: return "tok-regex"
    case .editorPlaceholder: return "tok-placeholder"
    case .identifier:
      return text.first.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } == true ? "tok-type" : nil
    case .dollarIdentifier, .operator, .none: return nil
    @unknown default: return nil
    }
  }

  private static func escaped(_ bytes: ArraySlice<UInt8>) -> String {
    var result = ""
    for character in String(decoding: bytes, as: UTF8.self) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      default: result.append(character)
      }
    }
    return result
  }
}
