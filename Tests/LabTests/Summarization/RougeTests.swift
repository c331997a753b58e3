import Lab
import LabSummarization
import Testing

struct RougeTests {
  @Test func identicalSequencesScoreOne() {
    let tokens = Array("本判决为终审判决")
    let scores = Summarization.rouge(candidate: tokens, reference: tokens)
    #expect(scores.rouge1.f == 1 && scores.rouge2.f == 1 && scores.rougeL.f == 1)
    #expect(scores.weighted == 1)
  }

  @Test func disjointOrEmptySequencesScoreZero() {
    #expect(Summarization.rouge(candidate: ["a", "b"], reference: ["c", "d"]).weighted == 0)
    #expect(Summarization.rouge(candidate: [String](), reference: ["c", "d"]).weighted == 0)
    #expect(Summarization.rouge(candidate: ["c"], reference: [String]()).weighted == 0)
  }

  @Test func nGramCountsAreClipped() {
    // Reference "the cat": the candidate's three "the" match only once.
    let score = Summarization.rougeN(1, candidate: ["the", "the", "the", "cat"], reference: ["the", "cat"])
    #expect(score.precision == 0.5)
    #expect(score.recall == 1)
  }

  @Test func swappingCandidateAndReferenceSwapsPrecisionAndRecall() {
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<200 {
      let a = (0..<generator.integer(below: 12)).map { _ in generator.integer(below: 4) }
      let b = (0..<generator.integer(below: 12)).map { _ in generator.integer(below: 4) }
      let forward = Summarization.rouge(candidate: a, reference: b)
      let backward = Summarization.rouge(candidate: b, reference: a)
      for (x, y) in [
        (forward.rouge1, backward.rouge1), (forward.rouge2, backward.rouge2), (forward.rougeL, backward.rougeL),
      ] {
        #expect(x.precision == y.recall && x.recall == y.precision)
        #expect(abs(x.f - y.f) <= 1e-15)
        #expect((0...1).contains(x.f))
      }
    }
  }

  @Test func rougeLNeverExceedsRouge1() {
    // A common subsequence uses each matched unigram at most as often as clipping allows.
    var generator = SeededGenerator(seed: 12)
    for _ in 0..<300 {
      let a = (0..<(1 + generator.integer(below: 15))).map { _ in generator.integer(below: 5) }
      let b = (0..<(1 + generator.integer(below: 15))).map { _ in generator.integer(below: 5) }
      let scores = Summarization.rouge(candidate: a, reference: b)
      #expect(scores.rougeL.recall <= scores.rouge1.recall + 1e-15)
      #expect(scores.rougeL.precision <= scores.rouge1.precision + 1e-15)
    }
  }

  @Test func rougeTokensFollowTheDefaultTokenizer() {
    #expect(Summarization.rougeTokens("Don't stop-2x!") == ["don", "t", "stop", "2x"])
    #expect(Summarization.rougeTokens("  ") == [])
    #expect(Summarization.rougeTokens("中文 Café") == ["caf"])
  }

  @Test func characterTokensDropWhitespaceOnly() {
    #expect(Summarization.characterTokens("法 院，\n判决") == ["法", "院", "，", "判", "决"])
  }
}
