/// Whether a cell ran in a build, and why.
public struct CellRun: Sendable, Equatable, CustomStringConvertible {
  /// Why a cell ran or did not.
  public enum Reason: Sendable, Equatable {
    /// Its code, options or inputs changed, or it has no stored result.
    case changed
    /// A cell it depends on, at this fence line, changed.
    case dependsOn(line: Int)
    /// It is unchanged, but the changed cell at this fence line needs the state it builds.
    case neededBy(line: Int)
    /// Its stored result was used; it did not run.
    case cached
    /// Every cell ran (`--force`, `check`, or the digit audit).
    case forced
    /// It has `eval: false`.
    case notEvaluated
    /// Every cell ran: the program without the cached cells did not compile (the graph missed a dependency).
    case wholeNotebook
  }

  /// The cell's index.
  public var index: Int
  /// The cell's fence line.
  public var line: Int
  /// Why it ran or did not.
  public var reason: Reason

  /// Creates a record.
  public init(index: Int, line: Int, reason: Reason) {
    self.index = index
    self.line = line
    self.reason = reason
  }

  /// Whether the cell was part of the program that ran.
  public var executed: Bool {
    switch reason {
    case .changed, .dependsOn, .neededBy, .forced, .wholeNotebook: true
    case .cached, .notEvaluated: false
    }
  }

  /// `changed`, `depends on line 12`, `needed by line 30`, `cached`, `forced`, `eval: false`,
  /// `whole notebook ran`.
  public var description: String {
    switch reason {
    case .changed: "changed"
    case .dependsOn(let line): "depends on line \(line)"
    case .neededBy(let line): "needed by line \(line)"
    case .cached: "cached"
    case .forced: "forced"
    case .notEvaluated: "eval: false"
    case .wholeNotebook: "whole notebook ran"
    }
  }
}
