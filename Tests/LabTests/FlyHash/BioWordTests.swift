import Testing

@testable import Lab
@testable import LabFlyHash

@Suite("FlyHash BioWord corpus and model")
struct BioWordTests {
  let paragraphs = [["the", "cat", "sat", "on", "the", "mat"], ["the", "dog", "sat"]]

  @Test func windowsHoldTheContextHalfAndTheCentreOneHot() {
    let corpus = FlyHash.BioWordCorpus(paragraphs: paragraphs, vocabularySize: 10, stopWordCount: 1, halfWindow: 1)
    // "the" (3 uses) is the stop word; then "sat" (2), then the rest alphabetically.
    #expect(corpus.stopWords == ["the"])
    #expect(corpus.vocabulary == ["sat", "cat", "dog", "mat", "on"])
    #expect(corpus.counts == [2, 1, 1, 1, 1])
    #expect(corpus.windowCount == 6)
    let v = corpus.vocabularySize
    // "cat": neighbours "the" (stop word, skipped) and "sat".
    #expect(corpus.indices(ofWindow: 0) == [0, v + 1])
    // "sat" in paragraph 0: "cat" and "on".
    #expect(corpus.indices(ofWindow: 1) == [1, 4, v + 0])
    #expect(corpus.centre(ofWindow: 1) == 0)
    // Windows stop at the paragraph: "dog" sees only "sat".
    #expect(corpus.indices(ofWindow: 4) == [0, v + 2])
    #expect(corpus.window(1).indices == [1, 4, v])
    #expect(corpus.indices(centre: "cat", context: ["the", "on", "unknown"]) == [4, v + 1])
    #expect(corpus.indices(centre: "the", context: []) == nil)
  }

  @Test func frequenciesRepeatForBothHalvesAndSumToOne() {
    let corpus = FlyHash.BioWordCorpus(paragraphs: paragraphs, vocabularySize: 10, halfWindow: 2)
    let p = corpus.frequencies
    #expect(p.count == corpus.inputDimension)
    #expect(abs(p[..<corpus.vocabularySize].reduce(0, +) - 1) < 1e-15)
    #expect(Array(p[..<corpus.vocabularySize]) == Array(p[corpus.vocabularySize...]))
    let scaled = corpus.scaledWindow(0)
    #expect(zip(scaled.indices, scaled.values).allSatisfy { abs($1 * p[$0] - 1) < 1e-12 })
    #expect(corpus.inputMatrix(0..<3).storedCount == (0..<3).map { corpus.indices(ofWindow: $0).count }.reduce(0, +))
  }

  @Test func occurrencesRebuildTrainingWindows() {
    let corpus = FlyHash.BioWordCorpus(paragraphs: paragraphs, vocabularySize: 10, halfWindow: 2)
    let uses = corpus.occurrences(of: "sat", in: paragraphs)
    #expect(uses.map(\.paragraph) == [0, 1])
    #expect(uses.map(\.position) == [2, 2])
    #expect(uses[0].indices == corpus.indices(ofWindow: 2))
  }

  @Test func splitMixAndOrderAreReproducible() {
    // The first output of SplitMix64 from state 0 (the reference value of the algorithm).
    #expect(FlyHash.BioWordModel.splitMix64(0) == 0xE220_A839_7B1D_CDAF)
    let order = FlyHash.BioWordModel.shuffledOrder(count: 1000, seed: 9)
    #expect(order.sorted() == Array(0..<1000))
    #expect(order != Array(0..<1000))
    let start = FlyHash.BioWordModel.initialSynapse(seed: 3, index: 17, scale: 2)
    #expect(start >= 0 && start < 2)
  }

  /// Dense reference: W as rows of Double, the rule applied literally.
  func denseStep(_ w: inout [[Double]], _ input: [Int], _ inverse: [Double], _ epsilon: Double) {
    let winner = w.map { row in input.reduce(0) { $0 + row[$1] } }.argmax()
    let inner = input.reduce(0) { $0 + w[winner][$1] * inverse[$1] }
    w[winner] = w[winner].map { $0 * (1 - epsilon * inner) }
    for i in input { w[winner][i] += epsilon * inverse[i] }
  }

  @Test func perSampleTrainingMatchesTheDenseRule() {
    var rng = SeededGenerator(seed: 10)
    let text = (0..<60).map { _ in (0..<8).map { _ in ["a", "b", "c", "d", "e", "f"][rng.integer(below: 6)] } }
    let corpus = FlyHash.BioWordCorpus(paragraphs: text, vocabularySize: 6, halfWindow: 2)
    var model = FlyHash.BioWordModel(units: 5, inputDimension: corpus.inputDimension, initialScale: 0.3, seed: 4)
    var dense = (0..<5).map { model.weights(unit: $0) }
    let inverse = corpus.frequencies.map { 1 / $0 }
    let order = FlyHash.BioWordModel.shuffledOrder(count: corpus.windowCount, seed: 11)
    let summary = model.trainPerSample(on: corpus, order: order, learningRate: 0.002)
    for window in order { denseStep(&dense, corpus.indices(ofWindow: window), inverse, 0.002) }
    for unit in 0..<5 {
      for (a, b) in zip(model.weights(unit: unit), dense[unit]) { #expect(abs(a - b) < 1e-4 * max(1, abs(b))) }
    }
    #expect(summary.winCounts.reduce(0, +) == corpus.windowCount)
    #expect(summary.meanNormalizedResponse > 0 && summary.meanNormalizedResponse <= 1)
  }

  @Test func minibatchStepMovesTheLargestSynapseByExactlyEpsilon() {
    var rng = SeededGenerator(seed: 12)
    let text = (0..<40).map { _ in (0..<8).map { _ in ["a", "b", "c", "d"][rng.integer(below: 4)] } }
    let corpus = FlyHash.BioWordCorpus(paragraphs: text, vocabularySize: 4, halfWindow: 2)
    var model = FlyHash.BioWordModel(units: 3, inputDimension: corpus.inputDimension, initialScale: 0.5, seed: 5)
    let before = (0..<3).map { model.weights(unit: $0) }
    let order = Array(0..<corpus.windowCount)
    _ = model.trainMinibatches(on: corpus, order: order, learningRate: 0.01, batchSize: order.count)
    let after = (0..<3).map { model.weights(unit: $0) }
    let largest = zip(before, after).map { zip($0, $1).map { abs($0 - $1) }.max()! }.max()!
    #expect(abs(largest - 0.01) < 1e-6)
    // Direction of the step: D_μ = Σ (v/p − ⟨W_μ, v/p⟩ W_μ) over the windows μ wins.
    let inverse = corpus.frequencies.map { 1 / $0 }
    var d = before.map { [Double](repeating: 0, count: $0.count) }
    for window in order {
      let input = corpus.indices(ofWindow: window)
      let winner = before.map { row in input.reduce(0) { $0 + row[$1] } }.argmax()
      let inner = input.reduce(0) { $0 + before[winner][$1] * inverse[$1] }
      for i in d[winner].indices { d[winner][i] -= inner * before[winner][i] }
      for i in input { d[winner][i] += inverse[i] }
    }
    let scale = 0.01 / d.map { $0.map(abs).max()! }.max()!
    for unit in 0..<3 {
      for i in d[unit].indices { #expect(abs(after[unit][i] - before[unit][i] - scale * d[unit][i]) < 1e-5) }
    }
  }

  @Test func staticCodeIsTheTopOfTheTargetColumn() {
    let model = FlyHash.BioWordModel(units: 30, inputDimension: 8, initialScale: 1, seed: 6)
    let code = model.staticCode(word: 2, vocabularySize: 4, active: 5)
    let column = (0..<30).map { model.synapse(unit: $0, input: 4 + 2) }
    #expect(code.activeIndices == column.topK(5).sorted())
    #expect(model.staticCodes(vocabularySize: 4, active: 5)[2] == code)
  }

  @Test func topicCorpusHasTheRequestedShape() {
    var rng = SeededGenerator(seed: 13)
    let corpus = FlyHash.TopicCorpus(
      topics: 3, wordsPerTopic: 4, functionWords: 2, sentences: 50, length: 7, topicProbability: 1, using: &rng)
    #expect(corpus.vocabulary.count == 14)
    #expect(corpus.sentences.allSatisfy { $0.count == 7 })
    for (sentence, topic) in zip(corpus.sentences, corpus.sentenceTopics) {
      #expect(sentence.allSatisfy { corpus.topicOfWord[$0] == topic })
    }
  }
}
