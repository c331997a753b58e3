/// The outcome of executing one notebook: what the page shows beside the prose.
public struct NotebookResult: Sendable, Hashable, Codable {
  /// One result per cell, in order.
  public var cells: [CellResult]
  /// Problems found while compiling or running, with notebook locations.
  public var diagnostics: [Diagnostic]
  /// The hash of the code and run-affecting options (shown in the provenance footer).
  public var codeHash: String
  /// The fingerprint of the library sources the program linked.
  public var labFingerprint: String
  /// The first line of `swiftc --version`.
  public var swiftVersion: String
  /// The numerical platform the program ran on, or `nil` when nothing ran.
  public var platform: NumericalPlatform?
  /// Warnings about the build rather than the notebook's content (an expression slow to type-check on
  /// this machine, a cell whose outputs differ from its stored run): printed and reported, never
  /// shown on the page.
  public var compileWarnings: [Diagnostic] = []
  /// How many programs were compiled: one, and one more after each `error: true` cell that did not
  /// compile (a cell that traps is skipped in a new run of the same program).
  public var compilations = 0
  /// Whether every cell ran because the program without the cells taken from the cell cache did not
  /// compile (the cell graph missed a dependency).
  public var ranWholeNotebook = false
  /// Seconds spent compiling.
  public var compileSeconds: Double
  /// Seconds spent running.
  public var runSeconds: Double

  /// Creates a result.
  public init(
    cells: [CellResult], diagnostics: [Diagnostic], codeHash: String, labFingerprint: String,
    swiftVersion: String, platform: NumericalPlatform? = nil, compileSeconds: Double, runSeconds: Double
  ) {
    self.cells = cells
    self.diagnostics = diagnostics
    self.codeHash = codeHash
    self.labFingerprint = labFingerprint
    self.swiftVersion = swiftVersion
    self.platform = platform
    self.compileSeconds = compileSeconds
    self.runSeconds = runSeconds
  }

  /// Whether every cell succeeded and nothing went wrong.
  public var succeeded: Bool {
    cells.allSatisfy(\.succeeded) && !diagnostics.contains { $0.severity == .error }
  }

  /// The number of claims that held and the number tested; sanity checks are not counted.
  public var checkCounts: (passed: Int, total: Int) {
    let all = cells.flatMap(\.checks)
    return (all.filter(\.passed).count, all.count)
  }

  /// The number of sanity checks that passed and the number recorded.
  public var sanityCheckCounts: (passed: Int, total: Int) {
    let all = cells.flatMap(\.sanityChecks)
    return (all.filter(\.passed).count, all.count)
  }
}
