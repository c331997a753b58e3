import Lab
import LabSummarization
import Testing

struct CopyTagTests {
  @Test func postExampleGivesBOBII() {
    let source = ["我", "真的", "非常", "热爱", "我", "的", "祖国"]
    let target = ["我", "爱", "我", "的", "祖国"]
    let tags = Summarization.copyTags(source: source, target: target)
    #expect(tags.map(\.rawValue).joined(separator: " ") == "B O B I I")
    #expect(Summarization.copySpanLengths(tags) == [1, 3])
  }

  @Test func tagsFromTheCommonSubsequencePassTheAudit() {
    var generator = SeededGenerator(seed: 31)
    for _ in 0..<500 {
      let source = (0..<generator.integer(below: 20)).map { _ in generator.integer(below: 5) }
      let target = (0..<generator.integer(below: 12)).map { _ in generator.integer(below: 7) }
      let tags = Summarization.copyTags(source: source, target: target)
      let audit = Summarization.auditCopies(tags: tags, tokens: target, source: source)
      #expect(audit.holds)
      let copied = tags.filter { $0 != .outside }.count
      #expect(copied == Sequences.longestCommonSubsequenceLength(source, target))
    }
  }

  @Test func auditCatchesViolations() {
    let source = [1, 2, 3]
    let notASubstring = Summarization.auditCopies(tags: [.begin, .inside], tokens: [1, 3], source: source)
    #expect(notASubstring.spans == 1 && notASubstring.spansFoundInSource == 0 && !notASubstring.holds)
    let insideAfterOutside = Summarization.auditCopies(tags: [.outside, .inside], tokens: [9, 2], source: source)
    #expect(insideAfterOutside.insideAfterOutside == 1 && !insideAfterOutside.holds)
  }

  @Test func decoderNeverAllowsInsideAfterOutsideOrPastTheSourceEnd() {
    var decoder = Summarization.CopyDecoder(source: [4, 5, 6])
    #expect(decoder.allowedTags == [.begin, .outside])
    decoder.emit(tag: .begin, token: 5)
    #expect(decoder.allowedTags == [.begin, .inside, .outside])
    #expect(decoder.allowedTokens(for: .inside, vocabularySize: 10) == [6])
    decoder.emit(tag: .inside, token: 6)
    #expect(decoder.allowedTags == [.begin, .outside])
    decoder.emit(tag: .outside, token: 9)
    #expect(decoder.allowedTags == [.begin, .outside])
  }

  @Test func decoderTracksEveryPlaceTheSpanOccurs() {
    // "1 2" occurs twice; after copying it the span may continue with 3 or with 4.
    var decoder = Summarization.CopyDecoder(source: [1, 2, 3, 1, 2, 4])
    decoder.emit(tag: .begin, token: 1)
    decoder.emit(tag: .inside, token: 2)
    #expect(decoder.allowedTokens(for: .inside, vocabularySize: 8) == [3, 4])
    #expect(decoder.allowedTokens(for: .begin, vocabularySize: 8) == [1, 2, 3, 4])
  }

  @Test func randomDecodingKeepsTheCopyGuarantee() {
    let summary = Summarization.CopyDecoder.randomTrials(runs: 2_000, seed: 41)
    #expect(summary.audit.holds)
    #expect(summary.audit.spans > 1_000)
    #expect(summary.longestSpan >= 4)
    #expect(summary.tagCounts.values.reduce(0, +) == 2_000 * 20)
  }
}
