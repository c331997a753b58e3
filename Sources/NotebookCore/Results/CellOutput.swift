public import NotebookWire

/// One captured output of a cell, in the order the cell produced it.
public enum CellOutput: Sendable, Hashable, Codable {
  /// Printed text (decoded as UTF-8, invalid bytes replaced); always escaped on the page.
  case text(String)
  /// A shown value, which the page renders by its kind.
  case display(kind: DisplayKind, content: String)
  /// A `check` or `checkClose` claim and its verdict.
  case check(passed: Bool, claim: String, detail: String)
  /// A `sanityCheck`: a property the code holds by construction (an identity, a bound of the method itself).
  /// It fails the notebook like a claim, but pages and the index count it apart from the claims.
  case sanityCheck(passed: Bool, claim: String, detail: String)
  /// A compile error, trap, timeout or thrown error, with its location kept apart from its message.
  case error(CellError)
  /// Output was cut here; `droppedBytes` more bytes were discarded.
  case truncated(droppedBytes: Int)

  /// Whether this is a claim or a sanity check that failed.
  public var isFailedCheck: Bool {
    switch self {
    case .check(let passed, _, _), .sanityCheck(let passed, _, _): return !passed
    default: return false
    }
  }
}
