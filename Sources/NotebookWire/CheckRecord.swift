/// What a `check` or `sanityCheck` call sends: the claim, what was measured and where it was called.
public struct CheckRecord: Codable, Sendable, Equatable {
  /// Whether the claim held.
  public var passed: Bool
  /// The claim, in words.
  public var claim: String
  /// What was measured, formatted.
  public var detail: String
  /// The line of the call in the notebook (programs are compiled with the notebook's line numbers).
  public var line: Int?
  /// Set for a sanity check; absent for a claim.
  public var sanity: Bool?

  /// A record of one call.
  public init(passed: Bool, claim: String, detail: String, line: Int?, sanity: Bool? = nil) {
    self.passed = passed
    self.claim = claim
    self.detail = detail
    self.line = line
    self.sanity = sanity
  }
}

/// What `showSummary` sends: the summary table's header and caption; the page fills in the rows.
public struct SummaryPlacement: Codable, Sendable, Equatable {
  /// The column headings.
  public var header: [String]
  /// A caption shown above the table.
  public var caption: String?

  /// A placement with `header` and `caption`.
  public init(header: [String], caption: String?) {
    self.header = header
    self.caption = caption
  }
}
