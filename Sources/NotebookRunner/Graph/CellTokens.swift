internal import SwiftParser
internal import SwiftSyntax

/// A cell's code as the compiler sees it, without comments and without the widths of its whitespace.
///
/// Two codes with the same tokens compile to the same program, so a per-cell cache key built from
/// them ignores a comment edit or a re-indented line. The gap between two tokens is kept as a class —
/// none, spaces, or a line break — because Swift reads it: `a -b` and `a - b` are different
/// expressions, and a line break ends a statement. A comment counts as the spaces it stands in, and
/// a comment that spans lines as a line break.
enum CellTokens {
  /// The normalised token text of `code`: each token on a line, preceded by its gap's class.
  static func normalized(_ code: String) -> String {
    let tree = Parser.parse(source: code)
    var lines: [String] = []
    var gap = Trivia()
    for token in tree.tokens(viewMode: .sourceAccurate) {
      gap = gap + token.leadingTrivia
      if token.tokenKind == .endOfFile { break }
      lines.append(gapClass(lines.isEmpty ? Trivia() : gap) + token.text)
      gap = token.trailingTrivia
    }
    return lines.joined(separator: "\n")
  }

  /// `""` for no trivia, `" "` for spaces or inline comments, `"⏎"` when the trivia breaks a line.
  private static func gapClass(_ trivia: Trivia) -> String {
    guard !trivia.isEmpty else { return "" }
    let breaksLine = trivia.contains { piece in
      switch piece {
      case .newlines, .carriageReturns, .carriageReturnLineFeeds: true
      case .blockComment(let text), .docBlockComment(let text): text.contains("\n")
      default: false
      }
    }
    return breaksLine ? "⏎" : " "
  }
}
