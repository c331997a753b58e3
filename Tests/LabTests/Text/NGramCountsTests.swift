import Testing

@testable import Lab

@Suite struct NGramCountsTests {
  @Test func bigramsAreCountedWithinSequences() {
    let counts = NGramCounts(n: 2, sequences: [["a", "b", "a", "b"], ["b", "a"], ["z"]])
    #expect(counts.count(of: ["a", "b"]) == 2)
    #expect(counts.count(of: ["b", "a"]) == 2)
    #expect(counts.count(of: ["b", "b"]) == 0)
    #expect(counts.total == 4)
    #expect(counts.distinctCount == 2)
    #expect(counts.frequency(of: ["a", "b"]) == 0.5)
  }

  @Test func mostCommonIsOrderedByCountThenLexicographically() {
    let counts = NGramCounts(n: 1, sequences: [[3, 1, 2, 1, 3, 5]])
    let top = counts.mostCommon(3)
    #expect(top.map(\.gram) == [[1], [3], [2]])
    #expect(top.map(\.count) == [2, 2, 1])
  }

  @Test func totalIsSumOverSequencesOfLengthMinusNPlusOne() {
    let sequences = [Tokenizer.characters("白日依山尽"), Tokenizer.characters("黄河入海流"), ["𡵓"]]
    let trigrams = NGramCounts(n: 3, sequences: sequences)
    #expect(trigrams.total == 3 + 3)
    #expect(trigrams.sorted.map(\.count).reduce(0, +) == trigrams.total)
    #expect(trigrams.count(of: ["依", "山", "尽"]) == 1)
  }

  @Test func noSequencesGiveNoCounts() {
    let counts = NGramCounts<String>(n: 2, sequences: [])
    #expect(
      counts.total == 0 && counts.frequency(of: ["a", "b"]) == 0 && counts.mostCommon(5).isEmpty)
  }
}
