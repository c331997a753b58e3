import Foundation
import Lab

/// Keyword-constrained sentence generation by Metropolis–Hastings with word-level edits, after
/// CGMH (Miao, Zhou, Mou, Yan & Li, AAAI 2019).
///
/// The target is `ρ_τ(x) ∝ (p(x) χ_kw(x) χ_len(x))^{1/τ}`: the language model's probability of
/// the whole sentence (end token included), restricted to sentences that contain every
/// keyword and whose length lies in ``lengths``. Each step picks an action (replace / insert /
/// delete, with fixed probabilities) and a position uniformly:
///
/// - **replace** `x_i` by `y ~ ρ_τ(x_[i=y]) / Σ_y'` (a Gibbs move, acceptance exactly 1);
/// - **insert** a token at slot `i`, drawn the same way among the longer sentences, accepted
///   with `min(1, p_del Σ_y ρ_τ(x_[+i:y]) / (p_ins ρ_τ(x)))`;
/// - **delete** `x_i`, accepted with `min(1, p_ins ρ_τ(x_[−i]) / (p_del Σ_y ρ_τ(x_[−i][+i:y])))`.
///
/// Insert at slot `i` and delete at position `i` are each other's reverse, so the kernel
/// satisfies detailed balance with respect to `ρ_τ` (checked exactly by enumerating
/// ``transitions(from:temperature:)`` on small models). A move that would leave the length
/// window is a rejection. Candidate tokens are every token except the model's end token
/// and the unknown token 1 when `excludingTokens` says so.
public struct CGMHSampler<Model: LanguageModel>: Sendable {
  /// The three edit actions.
  public enum Action: Int, Sendable, Hashable, CaseIterable {
    case replace, insert, delete
  }

  /// The unconstrained language model `p(x)`; it must have an end token.
  public let model: Model
  /// The keywords, in the order the initial sentence places them.
  public let keywords: [Int]
  /// The constraint `χ_kw`.
  public let constraint: KeywordConstraint
  /// The allowed sentence lengths (`χ_len`).
  public let lengths: ClosedRange<Int>
  /// The probabilities of replace, insert and delete, summing to 1.
  public let actionProbabilities: [Double]
  /// The tokens a move may write, in increasing order.
  public let candidates: [Int]

  /// Creates a sampler.
  ///
  /// - Parameters:
  ///   - excludingTokens: Tokens never written (besides the end token), e.g. the unknown token.
  ///   - actionProbabilities: Replace, insert, delete; normalised to sum to 1.
  public init(
    model: Model, keywords: [Int], lengths: ClosedRange<Int>, excludingTokens: Set<Int> = [],
    actionProbabilities: [Double] = [1.0 / 3, 1.0 / 3, 1.0 / 3]
  ) {
    guard let endToken = model.endToken else { fatalError("CGMH needs a model with an end token") }
    require(lengths.lowerBound >= 1, "sentences must have at least one token")
    require(
      actionProbabilities.count == 3 && actionProbabilities.allSatisfy { $0 >= 0 },
      "three non-negative action probabilities (replace, insert, delete), got \(actionProbabilities)")
    let excluded = excludingTokens.union([endToken])
    require(keywords.allSatisfy { !excluded.contains($0) }, "a keyword cannot be an excluded token")
    self.model = model
    self.keywords = keywords
    self.constraint = KeywordConstraint(keywords: keywords)
    self.lengths = lengths
    let total = actionProbabilities.reduce(0, +)
    self.actionProbabilities = actionProbabilities.map { $0 / total }
    self.candidates = (0..<model.vocabularySize).filter { !excluded.contains($0) }
  }

  /// `log ρ_τ(x) = (log p(x) + log χ_kw(x) + log χ_len(x)) / τ`; `−∞` outside the support.
  public func logDensity(_ x: [Int], temperature: Double = 1) -> Double {
    guard lengths.contains(x.count), constraint.isSatisfied(by: x) else { return -.infinity }
    return model.logProbability(of: x) / temperature
  }

  /// The values `log ρ_τ` of `template` with each candidate token written at `position`.
  ///
  /// They come in the order of ``candidates``. Only the conditionals that the position touches
  /// are recomputed.
  func candidateLogDensities(template: [Int], position: Int, temperature: Double) -> [Double] {
    guard lengths.contains(template.count) else {
      return Array(repeating: -.infinity, count: candidates.count)
    }
    var others = template
    others.remove(at: position)
    let missing = constraint.keywords.subtracting(others)
    guard missing.count <= 1 else { return Array(repeating: -.infinity, count: candidates.count) }
    var sentence = template
    sentence[position] = missing.first ?? candidates[0]
    let common =
      model.logProbability(of: sentence)
      - model.localLogProbability(of: sentence, around: position..<(position + 1))
    return candidates.map { y in
      if let required = missing.first, y != required { return -.infinity }
      sentence[position] = y
      let local = model.localLogProbability(of: sentence, around: position..<(position + 1))
      return (common + local) / temperature
    }
  }
}

extension CGMHSampler {
  /// The sampler's one-step proposals from `x`: each edit's resulting sentence, the probability
  /// of proposing it, and its acceptance probability.
  func moves(from x: [Int], temperature: Double) -> [(sentence: [Int], probability: Double, acceptance: Double)] {
    var result: [(sentence: [Int], probability: Double, acceptance: Double)] = []
    let logRhoX = logDensity(x, temperature: temperature)
    let l = x.count
    for i in 0..<l {
      let logs = candidateLogDensities(template: x, position: i, temperature: temperature)
      let logTotal = logs.logSumExp()
      for (y, logRho) in zip(candidates, logs) where logRho > -.infinity {
        var next = x
        next[i] = y
        let g = exp(logRho - logTotal)
        result.append((next, actionProbabilities[0] / Double(l) * g, 1))
      }
    }
    for i in 0...l {
      var template = x
      template.insert(candidates[0], at: i)
      let logs = candidateLogDensities(template: template, position: i, temperature: temperature)
      let logTotal = logs.logSumExp()
      guard logTotal > -.infinity else { continue }
      let a = insertAcceptance(logTotal: logTotal, logRhoX: logRhoX)
      for (y, logRho) in zip(candidates, logs) where logRho > -.infinity {
        template[i] = y
        result.append((template, actionProbabilities[1] / Double(l + 1) * exp(logRho - logTotal), a))
      }
    }
    for i in 0..<l {
      let (next, a) = deletion(of: i, from: x, logRhoX: logRhoX, temperature: temperature)
      if a > 0 { result.append((next, actionProbabilities[2] / Double(l), a)) }
    }
    return result
  }

  func insertAcceptance(logTotal: Double, logRhoX: Double) -> Double {
    let (pIns, pDel) = (actionProbabilities[1], actionProbabilities[2])
    guard pIns > 0 else { return 0 }
    return MetropolisHastings.acceptanceProbability(
      currentLogDensity: logRhoX, proposedLogDensity: logTotal,
      logForward: log(pIns), logBackward: log(pDel))
  }

  func deletion(of i: Int, from x: [Int], logRhoX: Double, temperature: Double) -> ([Int], Double) {
    var next = x
    next.remove(at: i)
    let logRhoNext = logDensity(next, temperature: temperature)
    guard logRhoNext > -.infinity, actionProbabilities[2] > 0 else { return (next, 0) }
    // The reverse move inserts x_i back at slot i: its normaliser runs over the sentences x_[i=y].
    let logTotal = candidateLogDensities(template: x, position: i, temperature: temperature).logSumExp()
    let a = MetropolisHastings.acceptanceProbability(
      currentLogDensity: logRhoX, proposedLogDensity: logRhoNext,
      logForward: log(actionProbabilities[2]),
      logBackward: log(actionProbabilities[1]) + logRhoX - logTotal)
    return (next, a)
  }
}
