/// One formula to typeset, with the place in the notebook a TeX error is reported at.
struct MathRequest: Sendable, Hashable, Encodable {
  /// The TeX source, without delimiters.
  var tex: String
  /// Display (block) or inline style.
  var display: Bool
  /// The 1-based line of the formula (or of the cell that showed it).
  var line: Int
  /// The 1-based column (UTF-8 bytes) of the opening delimiter.
  var column: Int
  /// The width of the opening delimiter in the file (`$` 1, `$$` 2), or 0 when the TeX is not
  /// written in the file as is (an output), so error positions cannot be mapped into it.
  var delimiter: Int

  private enum CodingKeys: String, CodingKey { case tex, display }
}

/// What KaTeX made of one formula.
enum MathResult: Sendable, Hashable, Codable {
  /// KaTeX's HTML, and any warnings its strict mode raised.
  case rendered(html: String, warnings: [String])
  /// The TeX did not parse; the message says where.
  case failed(message: String)
  /// The page's formulas were not typeset (too many, or KaTeX failed on them); the message is
  /// the page's diagnostic, reported once, at this formula.
  case refused(message: String)
  /// Not typeset, for the reason an earlier ``refused(message:)`` formula of the page gives.
  case notTypeset
}
