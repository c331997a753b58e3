/// The distinct tokens of a corpus with their counts and integer ids.
///
/// Ids are assigned by descending count, ties broken by the token's `String` order, so the
/// same corpus always gives the same ids. Tokens seen fewer than `minimumCount` times, or
/// beyond the `maximumSize` most frequent, are left out.
public struct Vocabulary: Sendable, Equatable {
  /// The kept tokens; `tokens[id]` is the token with that id.
  public let tokens: [String]
  /// `counts[id]` is how often token `id` occurred.
  public let counts: [Int]
  /// The number of tokens counted, including those cut off.
  public let totalCount: Int
  private let ids: [String: Int]

  /// Counts `tokens` and keeps the frequent ones.
  ///
  /// - Parameters:
  ///   - tokens: The corpus, one token per element.
  ///   - minimumCount: The fewest occurrences a token needs to be kept (default 1: keep all).
  ///   - maximumSize: Keep at most this many tokens (the most frequent), or `nil` for no cap.
  public init(tokens: some Sequence<String>, minimumCount: Int = 1, maximumSize: Int? = nil) {
    var frequency: [String: Int] = [:]
    var total = 0
    for token in tokens {
      frequency[token, default: 0] += 1
      total += 1
    }
    var kept = frequency.filter { $0.value >= minimumCount }.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    if let maximumSize { kept = Array(kept.prefix(max(maximumSize, 0))) }
    self.tokens = kept.map(\.key)
    self.counts = kept.map(\.value)
    self.totalCount = total
    self.ids = Dictionary(
      uniqueKeysWithValues: kept.enumerated().map { ($0.element.key, $0.offset) })
  }

  /// Counts the tokens of several sequences (one per poem, say) together.
  public init(sequences: [[String]], minimumCount: Int = 1, maximumSize: Int? = nil) {
    self.init(tokens: sequences.joined(), minimumCount: minimumCount, maximumSize: maximumSize)
  }

  /// The number of kept tokens.
  public var size: Int { tokens.count }

  /// The fraction of all counted tokens that are kept (1 without a cut-off; 0 for no tokens).
  public var coverage: Double {
    totalCount == 0 ? 0 : Double(counts.reduce(0, +)) / Double(totalCount)
  }

  /// The id of `token`, or `nil` if it was not kept.
  public func id(of token: String) -> Int? { ids[token] }

  /// The token with the given id; `id` must be in `0..<size`.
  public func token(at id: Int) -> String {
    require(tokens.indices.contains(id), "token id \(id) is outside 0..<\(size)")
    return tokens[id]
  }

  /// How often `token` occurred, or 0 if it was not kept.
  public func count(of token: String) -> Int { ids[token].map { counts[$0] } ?? 0 }

  /// The ids of a token sequence, `nil` for tokens that were not kept.
  public func ids(of tokens: [String]) -> [Int?] { tokens.map { ids[$0] } }
}
