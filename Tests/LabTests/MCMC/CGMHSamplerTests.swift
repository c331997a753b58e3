import Foundation
import Testing

@testable import Lab

/// A tiny model whose sentences of length 2–4 over 3 letters can be enumerated.
private func tinySampler() -> CGMHSampler<NGramLanguageModel> {
  let model = NGramLanguageModel(
    order: 3, characterSentences: ["abca", "bcab", "ccab", "ab", "ba", "cab", "a"])
  return CGMHSampler(
    model: model, keywords: [model.id(of: "a")], lengths: 2...4,
    excludingTokens: [NGramLanguageModel.unknownTokenID], actionProbabilities: [0.4, 0.35, 0.25])
}

private func allSentences(over tokens: [Int], lengths: ClosedRange<Int>) -> [[Int]] {
  var result: [[Int]] = []
  var frontier: [[Int]] = [[]]
  for length in 1...lengths.upperBound {
    frontier = frontier.flatMap { prefix in tokens.map { prefix + [$0] } }
    if lengths.contains(length) { result += frontier }
  }
  return result
}

@Suite struct CGMHSamplerTests {
  @Test(arguments: [1.0, 0.5])
  func kernelSatisfiesDetailedBalanceExactly(temperature: Double) {
    let sampler = tinySampler()
    let states = allSentences(over: sampler.candidates, lengths: sampler.lengths)
    let rho = states.map { exp(sampler.logDensity($0, temperature: temperature)) }
    var rows: [[Int]: [[Int]: Double]] = [:]
    for (x, r) in zip(states, rho) where r > 0 {
      let row = sampler.transitions(from: x, temperature: temperature)
      #expect(abs(row.values.reduce(0, +) - 1) < 1e-12)
      rows[x] = row
    }
    var worst = 0.0
    for (x, rx) in zip(states, rho) {
      for (y, ry) in zip(states, rho) {
        let forward = rows[x]?[y] ?? 0
        let backward = rows[y]?[x] ?? 0
        worst = max(worst, abs(rx * forward - ry * backward))
      }
    }
    #expect(worst < 1e-15)
    // Stationarity follows: Σ_x ρ(x) P(y ← x) = ρ(y).
    for (y, ry) in zip(states, rho) {
      let inflow = zip(states, rho).reduce(0) { $0 + $1.1 * (rows[$1.0]?[y] ?? 0) }
      #expect(abs(inflow - ry) < 1e-14)
    }
  }

  @Test func chainStaysInTheConstrainedSupport() {
    let sampler = tinySampler()
    var generator = SeededGenerator(seed: 5)
    let initial = sampler.initialSentence(length: 3, using: &generator)
    let run = sampler.run(from: initial, steps: 2000, using: &generator)
    #expect(run.sentences.allSatisfy { sampler.logDensity($0) > -.infinity })
    #expect(run.accepted[1] > 0 && run.accepted[2] > 0)
    #expect(run.bestLogProbability == run.logProbabilities.max())
  }
}
