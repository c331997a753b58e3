extension NGramLanguageModel {
  /// Trains a character-level model: each sentence is split into `Character`s (so characters
  /// outside the Basic Multilingual Plane stay whole).
  public init(order: Int, characterSentences: [String]) {
    self.init(order: order, sentences: characterSentences.map { $0.map(String.init) })
  }

  /// The id of `symbol`, or ``unknownTokenID`` when it was not seen in training.
  public func id(of symbol: String) -> Int {
    ids[symbol] ?? Self.unknownTokenID
  }

  /// Whether `symbol` was seen in training.
  public func contains(_ symbol: String) -> Bool {
    ids[symbol] != nil
  }

  /// The ids of a text's characters (unseen characters become ``unknownTokenID``).
  public func encode(characters text: String) -> [Int] {
    text.map { id(of: String($0)) }
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
