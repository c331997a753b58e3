import Lab

extension Summarization {
  /// Which source clause each summary clause was matched to, and the extraction labels that follow.
  public struct ExtractionAlignment: Sendable, Hashable {
    /// One matched pair: a summary clause and the source clause chosen for it.
    public struct Match: Sendable, Hashable {
      /// Index into the summary's clauses.
      public var summaryClause: Int
      /// Index into the source's clauses.
      public var sourceClause: Int
      /// The similarity of the two clauses (weighted ROUGE by default).
      public var similarity: Double

      /// Creates a match.
      public init(summaryClause: Int, sourceClause: Int, similarity: Double) {
        self.summaryClause = summaryClause
        self.sourceClause = sourceClause
        self.similarity = similarity
      }
    }

    /// One match per summary clause, in summary order.
    public var matches: [Match]

    /// Creates an alignment from its matches (sorted by summary clause).
    public init(matches: [Match]) {
      self.matches = matches.sorted { $0.summaryClause < $1.summaryClause }
    }

    /// The extraction labels: the distinct matched source clauses, ascending.
    public var labels: [Int] { Array(Set(matches.map(\.sourceClause))).sorted() }

    /// Whether the matched source index never decreases along the summary.
    ///
    /// That is, the alignment preserves order; one source clause may serve several summary clauses.
    public var isMonotone: Bool {
      zip(matches, matches.dropFirst()).allSatisfy { $0.sourceClause <= $1.sourceClause }
    }

    /// The labelled source clauses' tokens, concatenated in source order: the oracle extract.
    public func extract<Token>(from sourceClauses: [[Token]]) -> [Token] {
      labels.flatMap { sourceClauses[$0] }
    }
  }

  /// Aligns summary clauses to source clauses by recursive divide and conquer, the way
  /// extraction labels are built for an extract-then-generate summarizer.
  ///
  /// Take the longest summary clause `i` (the first on ties); match it to the source clause `j`
  /// of highest similarity (the first on ties); then align summary clauses before `i` within
  /// source clauses `0…j`, and those after `i` within source clauses `j…`. The clause `j` is shared
  /// by both halves, so the result is monotone by construction and a source clause may be reused.
  /// No pruning: every summary clause gets a match, because the extract should be complete.
  ///
  /// Cost: each (summary clause, source clause) similarity is computed at most once.
  ///
  /// - Parameters:
  ///   - source: The source clauses as token sequences.
  ///   - summary: The summary clauses as token sequences.
  ///   - similarity: Similarity of (source clause, summary clause); the weighted ROUGE of the
  ///     source clause as candidate against the summary clause as reference by default.
  /// - Returns: One match per summary clause; no matches when either side is empty.
  public static func extractionAlignment<Token: Hashable>(
    source: [[Token]], summary: [[Token]],
    similarity: ([Token], [Token]) -> Double = { rouge(candidate: $0, reference: $1).weighted }
  ) -> ExtractionAlignment {
    var matches: [ExtractionAlignment.Match] = []
    var pending: [(source: Range<Int>, summary: Range<Int>)] = [(source.indices, summary.indices)]
    while let (sourceRange, summaryRange) = pending.popLast() {
      guard !sourceRange.isEmpty, !summaryRange.isEmpty else { continue }
      var i = summaryRange.lowerBound
      for candidate in summaryRange where summary[candidate].count > summary[i].count {
        i = candidate
      }
      var best = sourceRange.lowerBound
      var bestScore = -Double.infinity
      for j in sourceRange {
        let score = similarity(source[j], summary[i])
        if score > bestScore { (best, bestScore) = (j, score) }
      }
      matches.append(.init(summaryClause: i, sourceClause: best, similarity: bestScore))
      pending.append((sourceRange.lowerBound..<(best + 1), summaryRange.lowerBound..<i))
      pending.append((best..<sourceRange.upperBound, (i + 1)..<summaryRange.upperBound))
    }
    return ExtractionAlignment(matches: matches)
  }

  /// The lead baseline: the first `count` tokens of the source (all of it if shorter).
  public static func lead<Token>(_ source: [Token], count: Int) -> [Token] {
    Array(source.prefix(max(count, 0)))
  }
}
