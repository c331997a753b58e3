import Foundation

/// An n-gram language model with interpolated Kneser–Ney smoothing (Chen & Goodman, 1998,
/// one absolute discount per order), over a closed vocabulary of string symbols
/// (characters or words).
///
/// Token 0 is ``endTokenID``: it ends a sentence and also pads contexts before the first
/// token. Token 1 is ``unknownTokenID``, which stands for every symbol unseen in training.
/// The conditional is
///
///     P_k(w | h) = max(c_k(h w) − D_k, 0) / c_k(h) + D_k · N₁₊(h •) / c_k(h) · P_{k−1}(w | h′)
///
/// with raw counts at the highest order, continuation counts `N₁₊(• h w)` below it, and the
/// uniform distribution `1/V` under the unigram level; a context never seen falls straight
/// through to the next lower order. Every conditional is positive and sums to 1 over the
/// vocabulary (to about 1e-12). Supports orders 1 to 4 and fewer than 65,536 symbols.
public struct NGramLanguageModel: LanguageModel {
  /// The id of the end-of-sentence token (also the start padding).
  public static let endTokenID = 0
  /// The id standing for every symbol not seen in training.
  public static let unknownTokenID = 1

  /// `n`: the conditionals look at the `n − 1` preceding tokens.
  public let order: Int
  /// The symbol of each token id: `"</s>"`, `"<unk>"`, then the training symbols in order of
  /// first appearance.
  public let symbols: [String]
  let ids: [String: Int]
  /// `levels[k − 1]` holds the statistics of order `k`.
  let levels: [NGramLevel]

  public var vocabularySize: Int { symbols.count }
  public var endToken: Int? { Self.endTokenID }
  public var contextLength: Int { order - 1 }

  /// The absolute discount `D_k = n₁ / (n₁ + 2 n₂)` of each order `k = 1 … n`, clamped to
  /// [0.05, 0.95].
  public var discounts: [Double] { levels.map(\.discount) }

  public func probability(of token: Int, after context: ArraySlice<Int>) -> Double {
    var p = 1 / Double(vocabularySize)
    var contextKey: UInt64 = 0
    for k in 1...order {
      if k > 1 { contextKey = Self.extend(contextKey, with: context, length: k - 1) }
      let level = levels[k - 1]
      guard let stats = level.contexts[contextKey] else { continue }
      let count = level.counts[Self.append(token, to: contextKey)] ?? 0
      p = (max(count - level.discount, 0) + level.discount * stats.types * p) / stats.total
    }
    return p
  }

  public func nextTokenProbabilities(after context: ArraySlice<Int>) -> [Double] {
    var p = Array(repeating: 1 / Double(vocabularySize), count: vocabularySize)
    var contextKey: UInt64 = 0
    for k in 1...order {
      if k > 1 { contextKey = Self.extend(contextKey, with: context, length: k - 1) }
      let level = levels[k - 1]
      guard let stats = level.contexts[contextKey] else { continue }
      let backoff = level.discount * stats.types / stats.total
      for i in p.indices { p[i] *= backoff }
      for (token, count) in zip(stats.followers, stats.followerCounts) {
        p[Int(token)] += (count - level.discount) / stats.total
      }
    }
    return p
  }

  /// Draws the next token exactly, through the mixture form of interpolated Kneser–Ney.
  ///
  /// At the longest seen context, keep a discounted observed follower with probability
  /// `1 − γ(h)`, otherwise back off one order; below the unigram level, draw uniformly. Cost is
  /// proportional to the number of observed followers, not the vocabulary.
  public func sampleNextToken(
    after context: ArraySlice<Int>, using generator: inout SeededGenerator
  ) -> Int {
    for k in stride(from: order, through: 1, by: -1) {
      let level = levels[k - 1]
      guard let stats = level.contexts[Self.contextKey(of: context, length: k - 1)] else { continue }
      var u = generator.uniform() * stats.total
      if u >= stats.total - level.discount * stats.types { continue }
      for (token, count) in zip(stats.followers, stats.followerCounts) {
        u -= count - level.discount
        if u < 0 { return Int(token) }
      }
      return Int(stats.followers[stats.followers.count - 1])
    }
    return generator.integer(below: vocabularySize)
  }

  // MARK: - Keys: 16 bits per token, the most recent token in the lowest bits.

  static func contextKey(of context: ArraySlice<Int>, length: Int) -> UInt64 {
    var key: UInt64 = 0
    var shift: UInt64 = 0
    var index = context.endIndex
    // Tokens before the start of the sentence are the padding token 0, which adds no bits.
    for _ in 0..<length where index > context.startIndex {
      index -= 1
      key |= UInt64(context[index]) << shift
      shift += 16
    }
    return key
  }

  /// The key of the `length` last tokens, given the key of the `length − 1` last ones.
  static func extend(_ key: UInt64, with context: ArraySlice<Int>, length: Int) -> UInt64 {
    let index = context.endIndex - length
    guard index >= context.startIndex else { return key }
    return key | UInt64(context[index]) << UInt64(16 * (length - 1))
  }

  static func append(_ token: Int, to contextKey: UInt64) -> UInt64 {
    contextKey << 16 | UInt64(token)
  }
}

/// The statistics of one order of an ``NGramLanguageModel``.
struct NGramLevel: Sendable {
  /// The absolute discount of this order.
  var discount: Double
  /// `c_k(h w)` keyed by the packed n-gram.
  var counts: [UInt64: Double]
  /// Per context `h`: `c_k(h)`, `N₁₊(h •)` and the observed followers.
  var contexts: [UInt64: NGramContextStatistics]
}

/// What interpolated Kneser–Ney needs to know about one context.
struct NGramContextStatistics: Sendable {
  /// `c_k(h) = Σ_w c_k(h w)`.
  var total: Double
  /// `N₁₊(h •)`: the number of distinct followers.
  var types: Double
  /// The followers, in increasing token order, with their counts.
  var followers: [Int32]
  var followerCounts: [Double]
}
