/// Splits text into tokens: characters for Chinese, lower-cased words for English.
///
/// Both work on Swift `Character`s (extended grapheme clusters), so characters outside the
/// Basic Multilingual Plane, such as U+21D53 "𡵓", and combining sequences stay whole.
public enum Tokenizer {
  /// The characters of `text` as one-character strings, skipping whitespace and line breaks.
  ///
  /// - Parameters:
  ///   - text: The text, e.g. a poem.
  ///   - includingPunctuation: Keep punctuation such as "，" and "。" (Unicode category P*).
  /// - Returns: One string per `Character`, in order.
  public static func characters(_ text: String, includingPunctuation: Bool = true) -> [String] {
    text.compactMap { character in
      if character.isWhitespace || character.isNewline { return nil }
      if !includingPunctuation && character.isPunctuation { return nil }
      return String(character)
    }
  }

  /// The lower-cased words of `text`: maximal runs of letters and apostrophes.
  ///
  /// Digits, hyphens and other punctuation separate words ("well-known" gives "well",
  /// "known"). The typographic apostrophe (U+2019) is read as "'", and apostrophes at
  /// the start or end of a run are dropped ("'tis" → "tis", "sisters'" → "sisters"), so
  /// quotation marks never stick to words while "don't" stays one token.
  public static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    func finish() {
      while current.hasSuffix("'") { current.removeLast() }
      if !current.isEmpty { words.append(current) }
      current = ""
    }
    for character in text {
      if character.isLetter {
        current += character.lowercased()
      } else if character == "'" || character == "\u{2019}" {
        if !current.isEmpty { current.append("'") }
      } else {
        finish()
      }
    }
    finish()
    return words
  }
}
