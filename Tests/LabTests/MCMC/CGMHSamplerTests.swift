import Foundation
import Testing

@testable import Lab
@testable import LabMCMC

/// A tiny model whose sentences of length 2–4 over 3 letters can be enumerated.
private func tinySampler() -> CGMHSampler<NGramLanguageModel> {
  let model = NGramLanguageModel(
    order: 3, characterSentences: ["abca", "bcab", "ccab", "ab", "ba", "cab", "a"])
  return CGMHSampler(
    model: model, keywords: [model.id(of: "a")], lengths: 2...4,
    excludingTokens: [NGramLanguageModel.unknownTokenID], actionProbabilities: [0.4, 0.35, 0.25])
}

@Suite struct CGMHSamplerTests {
  @Test(arguments: [1.0, 0.5])
  func kernelSatisfiesDetailedBalanceExactly(temperature: Double) {
    let sampler = tinySampler()
    let states = sampler.allSentences()
    #expect(states.count == 9 + 27 + 81)
    for x in states where sampler.logDensity(x) > -.infinity {
      let row = sampler.transitions(from: x, temperature: temperature)
      #expect(abs(row.values.reduce(0, +) - 1) < 1e-12)
    }
    let defects = sampler.kernelDefects(over: states, temperature: temperature)
    #expect(defects.detailedBalance < 1e-15)
    #expect(defects.stationarity < 1e-14)
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
