import Foundation
import Testing

@testable import Lab

/// The exactly enumerable toy: 4 tokens, length 5, a random bigram model.
private func toyModel(seed: UInt64 = 11) -> BigramLanguageModel {
  var generator = SeededGenerator(seed: seed)
  return BigramLanguageModel.random(vocabularySize: 4, concentration: 0.5, using: &generator)
}

private func totalVariation(_ p: [Double], _ q: [Double]) -> Double {
  0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
}

@Suite struct SamplingTests {
  @Test func enumeratedProbabilitiesSumToOne() {
    let space = SequenceSpace(vocabularySize: 4, length: 5)
    let total = space.probabilities(under: toyModel()).reduce(0, +)
    #expect(space.count == 1024)
    #expect(abs(total - 1) < 1e-12)
  }

  @Test func sequenceIndexRoundTrips() {
    let space = SequenceSpace(vocabularySize: 4, length: 5)
    for index in [0, 1, 77, 1023] {
      #expect(space.index(of: space.sequence(at: index)) == index)
    }
    #expect(space.sequence(at: 6) == [0, 0, 0, 1, 2])
  }

  @Test func keywordConstraintNeedsEveryKeyword() {
    let constraint = KeywordConstraint(keywords: [3, 1])
    #expect(constraint.isSatisfied(by: [0, 3, 2, 1]))
    #expect(!constraint.isSatisfied(by: [3, 3, 0]))
    #expect(KeywordConstraint(keywords: []).isSatisfied(by: [Int]()))
  }

  @Test func localScoresDifferLikeFullScores() {
    let model = toyModel()
    let x = [0, 1, 2, 3, 1]
    var y = x
    y[2] = 0
    let full = model.logProbability(of: y) - model.logProbability(of: x)
    let local =
      model.localLogProbability(of: y, around: 2..<3) - model.localLogProbability(of: x, around: 2..<3)
    #expect(abs(full - local) < 1e-12)
  }

  @Test func stationaryDistributionIsInvariant() {
    let model = toyModel()
    let pi = model.stationaryDistribution
    for b in 0..<4 {
      let next = (0..<4).reduce(0) { $0 + pi[$1] * model.transition[$1][b] }
      #expect(abs(next - pi[b]) < 1e-13)
    }
  }

  @Test func selfNormalisedImportanceSamplingHitsExactMean() {
    let model = toyModel()
    let space = SequenceSpace(vocabularySize: 4, length: 5)
    let constraint = KeywordConstraint(keywords: [3])
    let (target, _) = space.constrainedTarget(under: model, constraint: constraint)
    let f: ([Int]) -> Double = { Double(Set($0).count) }
    let exact = zip(target, space.allSequences).reduce(0) { $0 + $1.0 * f($1.1) }
    var generator = SeededGenerator(seed: 5)
    let draws = (0..<4000).map { _ in model.sampleSentence(maxLength: 5, using: &generator) }
    let logWeights = draws.map { constraint.isSatisfied(by: $0) ? 0.0 : -.infinity }
    let estimate = ImportanceSampling.selfNormalised(values: draws.map(f), logWeights: logWeights)
    #expect(abs(estimate.value - exact) < 4 * estimate.standardError)
    #expect(estimate.effectiveSampleSize == Double(logWeights.filter { $0 == 0 }.count))
  }

  @Test func effectiveSampleSizeLimits() {
    #expect(abs(ImportanceSampling.effectiveSampleSize(logWeights: [2, 2, 2, 2]) - 4) < 1e-12)
    #expect(ImportanceSampling.effectiveSampleSize(logWeights: [0, -.infinity, -.infinity]) == 1)
    let shifted = ImportanceSampling.effectiveSampleSize(logWeights: [1000, 999, 998])
    let plain = ImportanceSampling.effectiveSampleSize(logWeights: [2, 1, 0])
    #expect(abs(shifted - plain) < 1e-12)
  }

  @Test func rejectionSamplingAcceptsAtRateZAndIsExact() {
    let model = toyModel()
    let space = SequenceSpace(vocabularySize: 4, length: 5)
    let constraint = KeywordConstraint(keywords: [3])
    let (target, z) = space.constrainedTarget(under: model, constraint: constraint)
    var generator = SeededGenerator(seed: 9)
    let result = RejectionSampling.run(
      count: 20_000, using: &generator,
      propose: { model.sampleSentence(maxLength: 5, using: &$0) },
      acceptance: constraint.indicator)
    #expect(abs(result.acceptanceRate - z) < 4 * result.acceptanceStandardError)
    #expect(totalVariation(space.empiricalDistribution(of: result.samples), target) < 0.15)
  }

  @Test func maximumRatioMatchesBruteForce() {
    let model = toyModel()
    let q = model.stationaryDistribution
    for length in 1...5 {
      let space = SequenceSpace(vocabularySize: 4, length: length)
      let brute = space.allSequences.map { x in
        model.logProbability(of: x) - x.reduce(0) { $0 + log(q[$1]) }
      }.max()!
      let dp = RejectionSampling.logMaximumRatio(target: model, proposal: q, length: length)
      #expect(abs(dp - brute) < 1e-12)
    }
  }

  @Test func forcedKeywordDecoderIsBiasedButNormalised() {
    let model = toyModel()
    let space = SequenceSpace(vocabularySize: 4, length: 5)
    let decoder = ForcedKeywordDecoder(model: model, keyword: 3, length: 5)
    let law = decoder.probabilities(in: space)
    #expect(abs(law.reduce(0, +) - 1) < 1e-12)
    let constraint = KeywordConstraint(keywords: [3])
    for (p, x) in zip(law, space.allSequences) where p > 0 { #expect(constraint.isSatisfied(by: x)) }
    let (target, _) = space.constrainedTarget(under: model, constraint: constraint)
    #expect(totalVariation(law, target) > 0.01)
    var generator = SeededGenerator(seed: 2)
    let draws = (0..<20_000).map { _ in decoder.sample(using: &generator) }
    #expect(totalVariation(space.empiricalDistribution(of: draws), law) < 0.15)
  }

  @Test func categoricalTableFollowsItsWeights() {
    let weights = [0.5, 0, 2, 1.5]
    let table = CategoricalTable(weights: weights)
    var generator = SeededGenerator(seed: 12)
    var counts = [0.0, 0, 0, 0]
    for _ in 0..<40_000 { counts[table.sample(using: &generator)] += 1 }
    #expect(counts[1] == 0)
    for (count, weight) in zip(counts, weights) {
      #expect(abs(count / 40_000 - weight / 4) < 0.01)
    }
  }

  @Test func rejectionStopsAtTheProposalBudget() {
    var generator = SeededGenerator(seed: 1)
    let result = RejectionSampling.run(
      count: 10, maxProposals: 500, using: &generator, propose: { _ in 0 }, acceptance: { _ in 0 })
    #expect(result.samples.isEmpty && result.proposals == 500 && result.acceptanceRate == 0)
  }

  @Test func importanceWeightsCorrectAMismatchedProposal() {
    // Target N-free discrete p on {0,1,2}; proposal uniform; f(x) = x.
    let p = [0.7, 0.2, 0.1]
    var generator = SeededGenerator(seed: 21)
    let draws = (0..<20_000).map { _ in generator.integer(below: 3) }
    let estimate = ImportanceSampling.selfNormalised(
      values: draws.map(Double.init), logWeights: draws.map { log(5 * p[$0]) - log(1.0 / 3) })
    #expect(abs(estimate.value - 0.4) < 4 * estimate.standardError)
    #expect(estimate.effectiveSampleSize < 20_000 && estimate.effectiveSampleSize > 10_000)
  }
}
