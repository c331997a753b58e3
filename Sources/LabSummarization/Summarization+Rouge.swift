import Foundation
import Lab

extension Summarization {
  /// Precision, recall and F-score of one ROUGE variant.
  public struct RougeScore: Sendable, Hashable {
    /// Matched units divided by the candidate's units (0 for an empty candidate).
    public var precision: Double
    /// Matched units divided by the reference's units (0 for an empty reference).
    public var recall: Double
    /// The harmonic mean `2PR / (P + R)`, and 0 when `P + R = 0`.
    public var f: Double

    /// Builds a score from precision and recall; the F-score is computed with the same
    /// operations, in the same order, as PyPI's `rouge-score` 0.1.2, so the two agree bit for bit.
    public init(precision: Double, recall: Double) {
      self.precision = precision
      self.recall = recall
      self.f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    /// The score of a pair that shares nothing: all three values 0.
    public static let zero = RougeScore(precision: 0, recall: 0)
  }

  /// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.
  public struct RougeScores: Sendable, Hashable {
    /// Unigram overlap.
    public var rouge1: RougeScore
    /// Bigram overlap.
    public var rouge2: RougeScore
    /// Longest-common-subsequence overlap.
    public var rougeL: RougeScore

    /// Creates the triple.
    public init(rouge1: RougeScore, rouge2: RougeScore, rougeL: RougeScore) {
      self.rouge1 = rouge1
      self.rouge2 = rouge2
      self.rougeL = rougeL
    }

    /// The competition's weighted score `0.2 F₁ + 0.4 F₂ + 0.4 F_L`, in [0, 1]; 1 exactly when
    /// candidate and reference are equal and at least two units long.
    public var weighted: Double { 0.2 * rouge1.f + 0.4 * rouge2.f + 0.4 * rougeL.f }
  }

  /// ROUGE-N with multiset (clipped) n-gram counts.
  ///
  /// Matched n-grams are `Σ_g min(count_ref(g), count_cand(g))`; precision divides by the
  /// candidate's n-gram total and recall by the reference's, each floored at 1 as `rouge-score`
  /// does, so sequences shorter than `n` score 0 rather than NaN.
  ///
  /// - Parameters:
  ///   - n: The n-gram order, at least 1.
  ///   - candidate: The tokens being evaluated.
  ///   - reference: The reference tokens.
  public static func rougeN<Token: Hashable>(
    _ n: Int, candidate: [Token], reference: [Token]
  ) -> RougeScore {
    require(n >= 1, "ROUGE-N needs n ≥ 1, got \(n)")
    let referenceCounts = nGramCounts(reference, n: n)
    let candidateCounts = nGramCounts(candidate, n: n)
    var matched = 0
    for (gram, count) in referenceCounts {
      matched += min(count, candidateCounts[gram, default: 0])
    }
    let candidateTotal = max(candidate.count - n + 1, 0)
    let referenceTotal = max(reference.count - n + 1, 0)
    return RougeScore(
      precision: Double(matched) / Double(max(candidateTotal, 1)),
      recall: Double(matched) / Double(max(referenceTotal, 1)))
  }

  /// ROUGE-L: precision and recall of the longest common subsequence (sentence level, no
  /// splitting into sentences).
  ///
  /// Returns ``RougeScore/zero`` when either sequence is empty.
  public static func rougeL<Token: Hashable>(candidate: [Token], reference: [Token]) -> RougeScore {
    guard !candidate.isEmpty, !reference.isEmpty else { return .zero }
    let common = Double(Sequences.longestCommonSubsequenceLength(candidate, reference))
    return RougeScore(
      precision: common / Double(candidate.count), recall: common / Double(reference.count))
  }

  /// ROUGE-1, ROUGE-2 and ROUGE-L together; see ``RougeScores/weighted`` for the single score.
  public static func rouge<Token: Hashable>(candidate: [Token], reference: [Token]) -> RougeScores {
    RougeScores(
      rouge1: rougeN(1, candidate: candidate, reference: reference),
      rouge2: rougeN(2, candidate: candidate, reference: reference),
      rougeL: rougeL(candidate: candidate, reference: reference))
  }

  /// Character-level ROUGE, the unit the extraction labels are built with for Chinese.
  ///
  /// Every `Character` (grapheme cluster) except whitespace is one token, punctuation included.
  public static func characterRouge(candidate: String, reference: String) -> RougeScores {
    rouge(candidate: characterTokens(candidate), reference: characterTokens(reference))
  }

  /// The non-whitespace characters of `text`, in order: the token sequence of character-level ROUGE.
  public static func characterTokens(_ text: String) -> [Character] {
    text.filter { !$0.isWhitespace }.map { $0 }
  }

  /// Word tokens exactly as `rouge-score`'s default tokenizer makes them without stemming:
  /// lower-case, every run of characters other than ASCII `a–z` and `0–9` is a separator.
  ///
  /// So `"Don't stop-2x!"` gives `["don", "t", "stop", "2x"]`, and non-Latin text (Chinese,
  /// accented letters) gives no tokens at all: use ``characterTokens(_:)`` for Chinese.
  public static func rougeTokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        current.append(scalar)
      } else if !current.isEmpty {
        tokens.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { tokens.append(String(current)) }
    return tokens
  }

  private static func nGramCounts<Token: Hashable>(_ tokens: [Token], n: Int) -> [ArraySlice<Token>: Int] {
    var counts: [ArraySlice<Token>: Int] = [:]
    guard tokens.count >= n else { return counts }
    for start in 0...(tokens.count - n) {
      counts[tokens[start..<(start + n)], default: 0] += 1
    }
    return counts
  }
}
