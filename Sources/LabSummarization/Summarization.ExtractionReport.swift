import Lab

extension Summarization {
  /// The oracle extract of one (source, summary) pair and the lead baseline of the same length,
  /// both scored against the summary.
  public struct ExtractionReport: Sendable, Hashable {
    /// The clause alignment the labels come from.
    public var alignment: ExtractionAlignment
    /// Tokens in the oracle extract (the labelled source clauses).
    public var extractLength: Int
    /// ROUGE of the oracle extract against the whole summary.
    public var oracle: RougeScores
    /// ROUGE of the first `extractLength` source tokens against the whole summary.
    public var lead: RougeScores
  }

  /// Builds the extraction labels of a pair with
  /// ``extractionAlignment(source:summary:similarity:)`` and scores the extract and the lead
  /// baseline of equal token length against the concatenated summary clauses.
  ///
  /// - Parameters:
  ///   - source: The source clauses as token sequences.
  ///   - summary: The summary clauses as token sequences.
  public static func extractionReport<Token: Hashable>(
    source: [[Token]], summary: [[Token]]
  ) -> ExtractionReport {
    let alignment = extractionAlignment(source: source, summary: summary)
    let extract = alignment.extract(from: source)
    let reference = summary.flatMap { $0 }
    return ExtractionReport(
      alignment: alignment, extractLength: extract.count,
      oracle: rouge(candidate: extract, reference: reference),
      lead: rouge(candidate: lead(source.flatMap { $0 }, count: extract.count), reference: reference))
  }
}
