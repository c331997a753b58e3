import Testing

@testable import Lab

@Suite struct TokenizerTests {
  @Test func astralCharactersStayOneToken() {
    let tokens = Tokenizer.characters("山𡵓水，\n云")
    #expect(tokens == ["山", "𡵓", "水", "，", "云"])
    #expect(tokens[1].unicodeScalars.first?.value == 0x21D53)
  }

  @Test func punctuationCanBeDropped() {
    #expect(Tokenizer.characters("春眠不觉晓，处处闻啼鸟。", includingPunctuation: false).count == 10)
  }

  @Test func combiningSequencesStayWhole() {
    #expect(Tokenizer.characters("e\u{301}a") == ["e\u{301}", "a"])
  }

  @Test func wordsAreLowerCasedRunsOfLettersAndApostrophes() {
    let text = "\"It is a truth,\" said Mr. Bennet's wife — don’t 'tis well-known; 42 sisters'"
    #expect(
      Tokenizer.words(text)
        == [
          "it", "is", "a", "truth", "said", "mr", "bennet's", "wife", "don't", "tis", "well",
          "known", "sisters",
        ])
  }

  @Test func emptyAndSymbolOnlyTextGiveNoTokens() {
    #expect(Tokenizer.words("").isEmpty)
    #expect(Tokenizer.words("... 123 — ''").isEmpty)
    #expect(Tokenizer.characters(" \n\t").isEmpty)
  }
}
