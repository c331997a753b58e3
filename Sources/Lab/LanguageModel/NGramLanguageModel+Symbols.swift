extension NGramLanguageModel {
  /// Trains a character-level model: each sentence is split by ``Tokenizer/characters(_:includingPunctuation:)``
  /// (whitespace dropped; characters outside the Basic Multilingual Plane stay whole).
  public init(order: Int, characterSentences: [String]) {
    self.init(order: order, sentences: characterSentences.map { Tokenizer.characters($0) })
  }

  /// The id of `symbol`, or ``unknownTokenID`` when it was not seen in training.
  public func id(of symbol: String) -> Int {
    ids[symbol] ?? Self.unknownTokenID
  }

  /// Whether `symbol` was seen in training.
  public func contains(_ symbol: String) -> Bool {
    ids[symbol] != nil
  }

  /// The ids of a text's characters, split as in training (unseen characters become
  /// ``unknownTokenID``).
  public func encode(characters text: String) -> [Int] {
    Tokenizer.characters(text).map(id(of:))
  }

  /// The ids of a sequence of symbols.
  public func encode(_ tokens: [String]) -> [Int] {
    tokens.map(id(of:))
  }

  /// The symbols of `tokens` joined by `separator`; the unknown token shows as `□`,
  /// the end token as nothing.
  public func decode(_ tokens: [Int], separator: String = "") -> String {
    tokens.compactMap { token -> String? in
      switch token {
      case Self.endTokenID: return nil
      case Self.unknownTokenID: return "□"
      default: return symbols[token]
      }
    }.joined(separator: separator)
  }
}
