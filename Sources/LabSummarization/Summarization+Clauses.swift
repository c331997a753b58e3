import Lab

extension Summarization {
  /// The clause separators of Chinese legal prose: newline, full stop, semicolon, colon, comma
  /// (full-width forms).
  public static let chineseClauseSeparators: Set<Character> = ["\n", "。", "；", "：", "，"]

  /// The same separators in their ASCII forms, for English text.
  public static let englishClauseSeparators: Set<Character> = ["\n", ".", ";", ":", ","]

  /// Cuts `text` after every separator character into fine-grained clauses.
  ///
  /// Each separator stays at the end of the clause it closes, surrounding whitespace is trimmed
  /// and empty clauses are dropped, so concatenating the clauses gives back the text up to
  /// whitespace at the cuts.
  ///
  /// - Parameters:
  ///   - text: The text to cut.
  ///   - separators: The characters after which a clause ends.
  public static func clauses(
    _ text: String, separators: Set<Character> = chineseClauseSeparators
  ) -> [String] {
    var result: [String] = []
    var current = ""
    func flush() {
      let trimmed = current.trimmingWhitespace()
      if !trimmed.isEmpty { result.append(trimmed) }
      current = ""
    }
    for character in text {
      current.append(character)
      if separators.contains(character) { flush() }
    }
    flush()
    return result
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
