import Foundation

/// All sequences of a fixed length over `0..<vocabularySize`, indexed `0..<count` in
/// lexicographic (base-`vocabularySize`) order: the first token is the most significant digit.
///
/// Used to enumerate a toy model exactly (4 tokens, length 5: 1,024 sequences).
public struct SequenceSpace: Sendable, Hashable {
  /// Tokens per position.
  public let vocabularySize: Int
  /// Positions per sequence.
  public let length: Int

  /// Creates the space; `vocabularySize^length` must fit comfortably in memory (≤ 2²⁴).
  public init(vocabularySize: Int, length: Int) {
    require(vocabularySize >= 1 && length >= 1, "need at least one token and one position")
    require(
      Double(length) * log2(Double(vocabularySize)) <= 24,
      "\(vocabularySize)^\(length) sequences are too many to enumerate")
    self.vocabularySize = vocabularySize
    self.length = length
  }

  /// The number of sequences, `vocabularySize^length`.
  public var count: Int {
    (0..<length).reduce(1) { result, _ in result * vocabularySize }
  }

  /// The sequence with the given index.
  public func sequence(at index: Int) -> [Int] {
    var digits = Array(repeating: 0, count: length)
    var rest = index
    for position in stride(from: length - 1, through: 0, by: -1) {
      digits[position] = rest % vocabularySize
      rest /= vocabularySize
    }
    return digits
  }

  /// The index of `sequence` (which must have ``length`` tokens in range).
  public func index(of sequence: [Int]) -> Int {
    require(sequence.count == length, "sequence has \(sequence.count) tokens, expected \(length)")
    return sequence.reduce(0) { $0 * vocabularySize + $1 }
  }

  /// Every sequence, in index order.
  public var allSequences: [[Int]] { (0..<count).map(sequence(at:)) }

  /// The exact probabilities of every sequence under a fixed-length model, in index order;
  /// they sum to 1 up to rounding.
  public func probabilities(under model: some LanguageModel) -> [Double] {
    (0..<count).map { index in
      let sequence = sequence(at: index)
      var p = 1.0
      for t in 0..<length { p *= model.probability(of: sequence[t], after: sequence[..<t]) }
      return p
    }
  }

  /// The normalised constrained target `p(x)·χ(x) / Z` over the space, together with
  /// `Z = Σ p(x)χ(x)`, the probability that an unconstrained draw satisfies the constraint.
  public func constrainedTarget(
    under model: some LanguageModel, constraint: KeywordConstraint
  ) -> (target: [Double], normaliser: Double) {
    let rho = zip(probabilities(under: model), allSequences).map { p, x in
      constraint.isSatisfied(by: x) ? p : 0
    }
    let z = rho.reduce(0, +)
    return (rho.map { $0 / z }, z)
  }

  /// The empirical distribution of `sequences` over the space (relative frequencies).
  public func empiricalDistribution(of sequences: [[Int]]) -> [Double] {
    var counts = Array(repeating: 0.0, count: count)
    for sequence in sequences { counts[index(of: sequence)] += 1 }
    let total = Double(max(sequences.count, 1))
    return counts.map { $0 / total }
  }
}
