import Foundation

/// A first-order Markov (bigram) language model with explicit probabilities: the exactly
/// enumerable toy on which the samplers are checked.
///
/// `p(x) = initial[x₁] · Π transition[x_{t−1}][x_t]`. It has no end token: sequences have a
/// length fixed by the caller, so for length `L` the `V^L` sequences carry probabilities that
/// sum to 1.
public struct BigramLanguageModel: LanguageModel, Hashable {
  /// `p(x₁)`, summing to 1.
  public let initial: [Double]
  /// Row `a` is `p(· | a)`; each row sums to 1.
  public let transition: [[Double]]

  /// Creates a model from explicit probabilities (rows are normalised to sum to 1).
  public init(initial: [Double], transition: [[Double]]) {
    require(transition.count == initial.count, "need one transition row per token")
    require(transition.allSatisfy { $0.count == initial.count }, "transition must be square")
    func normalise(_ row: [Double]) -> [Double] {
      let total = row.reduce(0, +)
      require(total > 0, "a probability row must have positive mass")
      return row.map { $0 / total }
    }
    self.initial = normalise(initial)
    self.transition = transition.map(normalise)
  }

  /// A random model: every row (and the initial distribution) drawn from a symmetric
  /// Dirichlet(`concentration`).
  public static func random(
    vocabularySize: Int, concentration: Double = 0.5, using generator: inout SeededGenerator
  ) -> BigramLanguageModel {
    let alpha = Array(repeating: concentration, count: vocabularySize)
    let initial = generator.dirichlet(alpha)
    let rows = (0..<vocabularySize).map { _ in generator.dirichlet(alpha) }
    return BigramLanguageModel(initial: initial, transition: rows)
  }

  public var vocabularySize: Int { initial.count }
  public var endToken: Int? { nil }
  public var contextLength: Int { 1 }

  public func probability(of token: Int, after context: ArraySlice<Int>) -> Double {
    guard let previous = context.last else { return initial[token] }
    return transition[previous][token]
  }

  public func nextTokenProbabilities(after context: ArraySlice<Int>) -> [Double] {
    guard let previous = context.last else { return initial }
    return transition[previous]
  }

  /// The stationary distribution `π` of the transition rows (`π = π T`), by power iteration
  /// from the uniform distribution; converged to 1e-15 in the 1-norm or after 100,000 steps.
  ///
  /// Unique when the chain is irreducible (always, with Dirichlet rows: every entry is
  /// positive almost surely).
  public var stationaryDistribution: [Double] {
    let n = vocabularySize
    var pi = Array(repeating: 1 / Double(n), count: n)
    for _ in 0..<100_000 {
      var next = Array(repeating: 0.0, count: n)
      for a in 0..<n {
        for b in 0..<n { next[b] += pi[a] * transition[a][b] }
      }
      let change = zip(next, pi).reduce(0) { $0 + abs($1.0 - $1.1) }
      pi = next
      if change < 1e-15 { break }
    }
    return pi
  }
}
