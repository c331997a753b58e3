import Lab

extension Summarization.CopyDecoder {
  /// Totals over many decoding runs driven by random scores.
  public struct TrialSummary: Sendable, Hashable {
    /// Decoding runs performed.
    public var runs: Int
    /// The audit of all outputs together.
    public var audit: Summarization.CopyAudit
    /// How many tokens got each tag, over all runs.
    public var tagCounts: [Summarization.CopyTag: Int]
    /// The longest copied span seen.
    public var longestSpan: Int
  }

  /// Decodes `runs` times with Gaussian tag and token scores (a "model" that knows nothing) and
  /// audits every output with ``Summarization/auditCopies(tags:tokens:source:)``.
  ///
  /// Each run draws a fresh source of `sourceLength` tokens from the first `sourceAlphabet`
  /// vocabulary entries (a small alphabet makes repeated n-grams, so spans can match at several
  /// places), then emits `steps` tokens from a vocabulary of `vocabularySize`. The `I` score gets
  /// `insideBias` added so that long spans occur.
  ///
  /// - Returns: Totals; `audit.holds` is the copy guarantee.
  public static func randomTrials(
    runs: Int, sourceLength: Int = 24, sourceAlphabet: Int = 6, vocabularySize: Int = 10,
    steps: Int = 20, insideBias: Double = 1, seed: UInt64
  ) -> TrialSummary {
    require(sourceAlphabet <= vocabularySize, "The source alphabet must fit in the vocabulary")
    var generator = SeededGenerator(seed: seed)
    var audit = Summarization.CopyAudit()
    var tagCounts: [Summarization.CopyTag: Int] = [:]
    var longestSpan = 0
    for _ in 0..<runs {
      let source = (0..<sourceLength).map { _ in generator.integer(below: sourceAlphabet) }
      var decoder = Summarization.CopyDecoder(source: source)
      for _ in 0..<steps {
        var tagScores = generator.normals(3)
        tagScores[1] += insideBias
        decoder.step(tagScores: tagScores, tokenScores: generator.normals(vocabularySize))
      }
      audit.add(Summarization.auditCopies(tags: decoder.tags, tokens: decoder.tokens, source: source))
      for tag in decoder.tags { tagCounts[tag, default: 0] += 1 }
      longestSpan = max(longestSpan, Summarization.copySpanLengths(decoder.tags).max() ?? 0)
    }
    return TrialSummary(runs: runs, audit: audit, tagCounts: tagCounts, longestSpan: longestSpan)
  }
}
