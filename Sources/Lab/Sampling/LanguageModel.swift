import Foundation

/// An autoregressive language model over integer tokens `0..<vocabularySize`.
///
/// The model gives `p(x_t | x_<t)`; a sentence's probability is the product of its
/// conditionals, times the probability of ``endToken`` after the last token when the model
/// has one. Models without an end token (``endToken`` is `nil`) describe sequences of a
/// length fixed by the caller.
///
/// Conformers must return probabilities that sum to 1 over the vocabulary for every context
/// (up to rounding, about 1e-12).
public protocol LanguageModel: Sendable {
  /// The number of tokens, including any end token.
  var vocabularySize: Int { get }

  /// The token that ends a sentence, or `nil` for fixed-length models.
  var endToken: Int? { get }

  /// How many preceding tokens the conditionals look at (`n − 1` for an n-gram model).
  ///
  /// Changing one token at position `i` changes only the conditionals at positions
  /// `i ... i + contextLength` (and the end term); samplers use this to rescore locally.
  var contextLength: Int { get }

  /// `p(token | context)`, where `context` holds the sentence's tokens so far (maybe none).
  func probability(of token: Int, after context: ArraySlice<Int>) -> Double

  /// The whole conditional distribution `p(· | context)`, `vocabularySize` entries summing to 1.
  func nextTokenProbabilities(after context: ArraySlice<Int>) -> [Double]

  /// Draws one token from `p(· | context)`.
  func sampleNextToken(after context: ArraySlice<Int>, using generator: inout SeededGenerator) -> Int
}

extension LanguageModel {
  /// Default: evaluates ``probability(of:after:)`` for every token.
  public func nextTokenProbabilities(after context: ArraySlice<Int>) -> [Double] {
    (0..<vocabularySize).map { probability(of: $0, after: context) }
  }

  /// Default: a categorical draw from ``nextTokenProbabilities(after:)``.
  public func sampleNextToken(
    after context: ArraySlice<Int>, using generator: inout SeededGenerator
  ) -> Int {
    generator.categorical(nextTokenProbabilities(after: context))
  }

  /// The log probability of a whole sentence.
  ///
  /// The sum of the log conditionals, plus `log p(end | sentence)` when the model has an end
  /// token; `−∞` when some conditional is 0.
  public func logProbability(of sentence: [Int]) -> Double {
    var total = 0.0
    for t in sentence.indices {
      total += log(probability(of: sentence[t], after: sentence[..<t]))
    }
    if let endToken {
      total += log(probability(of: endToken, after: sentence[...]))
    }
    return total
  }

  /// The sum of the log conditionals that depend on positions `range` of `sentence`.
  ///
  /// These are the terms at positions `range.lowerBound ..< range.upperBound + contextLength` and, when that window
  /// reaches the end, the end term.
  ///
  /// Two sentences that agree outside `range` (and have the same length) differ in
  /// ``logProbability(of:)`` by exactly the difference of their local scores.
  public func localLogProbability(of sentence: [Int], around range: Range<Int>) -> Double {
    let upper = range.upperBound &+ contextLength
    let last = upper < 0 || upper > sentence.count ? sentence.count : upper
    var total = 0.0
    for t in range.lowerBound..<last {
      total += log(probability(of: sentence[t], after: sentence[..<t]))
    }
    if let endToken, last == sentence.count {
      total += log(probability(of: endToken, after: sentence[...]))
    }
    return total
  }

  /// Samples a sentence token by token.
  ///
  /// With an end token, stops when it is drawn (it is not included) or after `maxLength`
  /// tokens (the sentence is then truncated, so it is not an exact draw from the model);
  /// without one, returns exactly `maxLength` tokens.
  public func sampleSentence(maxLength: Int, using generator: inout SeededGenerator) -> [Int] {
    var sentence: [Int] = []
    sentence.reserveCapacity(maxLength)
    while sentence.count < maxLength {
      let token = sampleNextToken(after: sentence[...], using: &generator)
      if token == endToken { break }
      sentence.append(token)
    }
    return sentence
  }

  /// Perplexity `exp(−Σ log p / n)` over `sentences`, where `n` counts every predicted token
  /// (each sentence's end token included when the model has one).
  public func perplexity(on sentences: [[Int]]) -> Double {
    var logSum = 0.0
    var predicted = 0
    for sentence in sentences {
      logSum += logProbability(of: sentence)
      predicted += sentence.count + (endToken == nil ? 0 : 1)
    }
    return exp(-logSum / Double(max(predicted, 1)))
  }
}
