import Foundation
import Lab

/// The record of a ``CGMHSampler`` chain.
public struct CGMHRun: Sendable {
  /// The state after each step (rejections repeat the previous state).
  public var sentences: [[Int]] = []
  /// `log p(x_t)` under the untempered language model after each step.
  public var logProbabilities: [Double] = []
  /// Proposals made per action (replace, insert, delete).
  public var proposed = [0, 0, 0]
  /// Proposals accepted per action; a replace that redraws the same token counts as accepted.
  public var accepted = [0, 0, 0]
  /// The most probable sentence visited (highest `log p`), and its log probability.
  public var best: [Int] = []
  public var bestLogProbability = -Double.infinity

  /// The last state.
  public var final: [Int] { sentences.last ?? best }
}

extension CGMHSampler {
  /// One transition of the chain at temperature `τ`.
  ///
  /// - Returns: The action tried and whether it was accepted.
  @discardableResult
  public func step(
    _ x: inout [Int], temperature: Double = 1, using generator: inout SeededGenerator
  ) -> (action: Action, accepted: Bool) {
    let action = Action.allCases[generator.categorical(actionProbabilities)]
    let l = x.count
    switch action {
    case .replace:
      let i = generator.integer(below: l)
      let logs = candidateLogDensities(template: x, position: i, temperature: temperature)
      x[i] = candidates[generator.categorical(Self.weights(logs))]
      return (action, true)
    case .insert:
      guard l + 1 <= lengths.upperBound else { return (action, false) }
      let i = generator.integer(below: l + 1)
      var template = x
      template.insert(candidates[0], at: i)
      let logs = candidateLogDensities(template: template, position: i, temperature: temperature)
      let weights = Self.weights(logs)
      guard weights.contains(where: { $0 > 0 }) else { return (action, false) }
      let a = insertAcceptance(logTotal: logs.logSumExp(), logRhoX: logDensity(x, temperature: temperature))
      template[i] = candidates[generator.categorical(weights)]
      guard generator.uniform() < a else { return (action, false) }
      x = template
      return (action, true)
    case .delete:
      guard l - 1 >= lengths.lowerBound else { return (action, false) }
      let i = generator.integer(below: l)
      let (next, a) = deletion(
        of: i, from: x, logRhoX: logDensity(x, temperature: temperature), temperature: temperature)
      guard generator.uniform() < a else { return (action, false) }
      x = next
      return (action, true)
    }
  }

  /// Runs `steps` transitions from `initial` (which must satisfy the constraints) with the
  /// temperature schedule `temperature(t)`; a constant 1 samples `ρ` itself.
  public func run(
    from initial: [Int], steps: Int, temperature: (Int) -> Double = { _ in 1 },
    using generator: inout SeededGenerator
  ) -> CGMHRun {
    require(logDensity(initial) > -.infinity, "the initial sentence must satisfy the constraints")
    var x = initial
    var record = CGMHRun()
    record.best = initial
    record.bestLogProbability = model.logProbability(of: initial)
    for t in 0..<steps {
      let (action, accepted) = step(&x, temperature: temperature(t), using: &generator)
      record.proposed[action.rawValue] += 1
      if accepted { record.accepted[action.rawValue] += 1 }
      let logP = model.logProbability(of: x)
      record.sentences.append(x)
      record.logProbabilities.append(logP)
      if logP > record.bestLogProbability {
        record.best = x
        record.bestLogProbability = logP
      }
    }
    return record
  }

  /// A starting sentence of the given length: the keywords in order, continued by sampling the
  /// language model (redrawing any end or excluded token).
  public func initialSentence(length: Int, using generator: inout SeededGenerator) -> [Int] {
    require(lengths.contains(length) && length >= keywords.count, "impossible initial length")
    var x = keywords
    let allowed = Set(candidates)
    while x.count < length {
      let token = model.sampleNextToken(after: x[...], using: &generator)
      if allowed.contains(token) { x.append(token) }
    }
    return x
  }

  /// The exact one-step transition probabilities from `x`: the kernel's column.
  ///
  /// Staying put is included, so they sum to 1. For checking detailed balance on small models.
  public func transitions(from x: [Int], temperature: Double = 1) -> [[Int]: Double] {
    var row: [[Int]: Double] = [:]
    var moved = 0.0
    for move in moves(from: x, temperature: temperature) {
      let p = move.probability * move.acceptance
      row[move.sentence, default: 0] += p
      moved += p
    }
    row[x, default: 0] += 1 - moved
    return row
  }

  static func weights(_ logs: [Double]) -> [Double] {
    let top = logs.max() ?? -.infinity
    return logs.map { top > -.infinity ? exp($0 - top) : 0 }
  }
}
