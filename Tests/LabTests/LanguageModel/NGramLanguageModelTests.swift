import Foundation
import Testing

@testable import Lab

private let tinyCorpus = ["春风吹又生", "明月照高楼", "春江花月夜", "月落乌啼", "风吹草低"]

/// The Tang poems shipped with the notebooks, as clauses.
private func tangClauses() throws -> [String] {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let text = try String(
    contentsOf: root.appendingPathComponent("notebooks/data/tang300.txt"), encoding: .utf8)
  return text.split(separator: "\n").map(String.init)
}

@Suite struct NGramLanguageModelTests {
  @Test(arguments: 1...4)
  func conditionalsSumToOne(order: Int) {
    let model = NGramLanguageModel(order: order, characterSentences: tinyCorpus)
    let contexts: [[Int]] = [
      [], model.encode(characters: "春"), model.encode(characters: "春风"),
      model.encode(characters: "风吹草"), [1, 1], model.encode(characters: "夜春"),
    ]
    for context in contexts {
      let p = model.nextTokenProbabilities(after: context[...])
      #expect(abs(p.reduce(0, +) - 1) < 1e-12)
      #expect(p.allSatisfy { $0 > 0 })
      for token in [0, 1, 2, model.vocabularySize - 1] {
        #expect(abs(p[token] - model.probability(of: token, after: context[...])) < 1e-15)
      }
    }
  }

  @Test func unseenSymbolsAreUnknownWithPositiveProbability() {
    let model = NGramLanguageModel(order: 3, characterSentences: tinyCorpus)
    #expect(model.id(of: "龙") == NGramLanguageModel.unknownTokenID)
    #expect(!model.contains("龙"))
    #expect(model.logProbability(of: model.encode(characters: "龙吹")) > -.infinity)
    #expect(model.decode(model.encode(characters: "春龙")) == "春□")
  }

  @Test func trainingIsDeterministic() {
    let a = NGramLanguageModel(order: 3, characterSentences: tinyCorpus)
    let b = NGramLanguageModel(order: 3, characterSentences: tinyCorpus)
    let x = a.encode(characters: "春风照月")
    #expect(a.symbols == b.symbols)
    #expect(a.logProbability(of: x) == b.logProbability(of: x))
  }

  @Test func samplingFollowsTheConditional() {
    let model = NGramLanguageModel(order: 2, characterSentences: tinyCorpus)
    let context = model.encode(characters: "春")[...]
    let p = model.nextTokenProbabilities(after: context)
    var generator = SeededGenerator(seed: 4)
    var counts = Array(repeating: 0.0, count: model.vocabularySize)
    let draws = 40_000
    for _ in 0..<draws { counts[model.sampleNextToken(after: context, using: &generator)] += 1 }
    let tv = 0.5 * zip(counts, p).reduce(0) { $0 + abs($1.0 / Double(draws) - $1.1) }
    #expect(tv < 0.02)
  }

  @Test func clausesSplitAtPunctuation() {
    #expect(PoemCorpus.clauses(of: "床前明月光，疑是地上霜。举头望明月？") == ["床前明月光", "疑是地上霜", "举头望明月"])
    let (training, heldOut) = PoemCorpus.split(["a", "b", "c", "d", "e"], heldOutEvery: 2)
    #expect(heldOut == ["a", "c", "e"] && training == ["b", "d"])
  }

  @Test func trigramBeatsUnigramOnHeldOutTangPoems() throws {
    let (training, heldOut) = PoemCorpus.split(try tangClauses(), heldOutEvery: 10)
    let trainingClauses = training.flatMap(PoemCorpus.clauses(of:))
    let heldOutClauses = heldOut.flatMap(PoemCorpus.clauses(of:))
    let unigram = NGramLanguageModel(order: 1, characterSentences: trainingClauses)
    let trigram = NGramLanguageModel(order: 3, characterSentences: trainingClauses)
    let pUnigram = unigram.perplexity(on: heldOutClauses.map { unigram.encode(characters: $0) })
    let pTrigram = trigram.perplexity(on: heldOutClauses.map { trigram.encode(characters: $0) })
    #expect(pTrigram < 0.9 * pUnigram)
    let sums = [[], [2], [2, 3]].map { trigram.nextTokenProbabilities(after: $0[...]).reduce(0, +) }
    #expect(sums.allSatisfy { abs($0 - 1) < 1e-12 })
  }
}
