import Testing

@testable import Lab

@Suite struct VocabularyTests {
  let corpus = ["b", "a", "c", "a", "b", "d", "a", "e", "b", "c"]

  @Test func idsFollowDescendingCountThenToken() {
    let vocabulary = Vocabulary(tokens: corpus)
    // a: 3, b: 3, c: 2, d: 1, e: 1 — ties ordered by token.
    #expect(vocabulary.tokens == ["a", "b", "c", "d", "e"])
    #expect(vocabulary.counts == [3, 3, 2, 1, 1])
    #expect(vocabulary.id(of: "c") == 2)
    #expect(vocabulary.token(at: 1) == "b")
    #expect(vocabulary.size == 5)
    #expect(vocabulary.coverage == 1)
  }

  @Test func minimumCountCutsRareTokens() {
    let vocabulary = Vocabulary(tokens: corpus, minimumCount: 2)
    #expect(vocabulary.tokens == ["a", "b", "c"])
    #expect(vocabulary.id(of: "d") == nil)
    #expect(vocabulary.count(of: "d") == 0)
    #expect(vocabulary.count(of: "a") == 3)
    #expect(vocabulary.totalCount == 10)
    #expect(vocabulary.coverage == 0.8)
    #expect(vocabulary.ids(of: ["c", "e", "a"]) == [2, nil, 0])
  }

  @Test func maximumSizeKeepsTheMostFrequent() {
    let vocabulary = Vocabulary(
      sequences: [Array(corpus[..<5]), Array(corpus[5...])], maximumSize: 2)
    #expect(vocabulary.tokens == ["a", "b"])
  }

  @Test func orderDoesNotDependOnInputOrder() {
    #expect(Vocabulary(tokens: corpus) == Vocabulary(tokens: corpus.reversed()))
  }

  @Test func emptyCorpusGivesEmptyVocabulary() {
    let vocabulary = Vocabulary(tokens: [String]())
    #expect(vocabulary.size == 0)
    #expect(vocabulary.coverage == 0)
  }
}
