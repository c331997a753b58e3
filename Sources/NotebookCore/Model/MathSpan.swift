/// A TeX formula found in the prose, with where it was written.
public struct MathSpan: Sendable, Hashable, Codable {
  /// The TeX source without its `$` delimiters.
  public var tex: String
  /// Whether it was written as display math (`$$…$$`).
  public var isDisplay: Bool
  /// The 1-based line of the opening delimiter.
  public var line: Int
  /// The 1-based column (UTF-8 bytes) of the opening delimiter.
  public var column: Int

  /// Creates a math span.
  public init(tex: String, isDisplay: Bool, line: Int, column: Int) {
    self.tex = tex
    self.isDisplay = isDisplay
    self.line = line
    self.column = column
  }
}
