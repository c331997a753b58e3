/// What happened when one cell ran.
public struct CellResult: Sendable, Hashable, Codable {
  /// How a cell ended.
  public enum Status: String, Sendable, Hashable, Codable {
    /// Ran to the end; every check passed.
    case ok
    /// Ran to the end but a check failed.
    case checkFailed
    /// Did not compile.
    case compileError
    /// Trapped or crashed.
    case crashed
    /// Ran out of time (its own or the notebook's).
    case timedOut
    /// Failed as its `error: true` option said it would.
    case expectedError
    /// Did not run because an earlier cell stopped the program.
    case notRun
    /// Not run because of `eval: false`.
    case skipped
  }

  /// The cell's index.
  public var index: Int
  /// The 1-based line of the cell's fence.
  public var line: Int
  /// How it ended.
  public var status: Status
  /// Its outputs, in order.
  public var outputs: [CellOutput]
  /// Seconds it ran (not shown on pages: they must be reproducible).
  public var seconds: Double

  /// Creates a cell result.
  public init(index: Int, line: Int, status: Status, outputs: [CellOutput], seconds: Double) {
    self.index = index
    self.line = line
    self.status = status
    self.outputs = outputs
    self.seconds = seconds
  }

  /// Whether the cell counts as a success for the build.
  public var succeeded: Bool { [.ok, .expectedError, .skipped].contains(status) }

  /// The claims this cell tested, as (passed, claim) pairs; sanity checks are not among them.
  public var checks: [(passed: Bool, claim: String)] {
    outputs.compactMap {
      if case .check(let passed, let claim, _) = $0 { return (passed, claim) }
      return nil
    }
  }

  /// The sanity checks this cell recorded, as (passed, claim) pairs.
  public var sanityChecks: [(passed: Bool, claim: String)] {
    outputs.compactMap {
      if case .sanityCheck(let passed, let claim, _) = $0 { return (passed, claim) }
      return nil
    }
  }
}
