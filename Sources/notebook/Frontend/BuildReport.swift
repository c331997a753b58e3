import Foundation
import NotebookBuild
import NotebookRunner

/// The `--report` JSON: per notebook, its status, whether it executed, and per-cell timings.
struct BuildReport: Encodable {
  struct Cell: Encodable {
    var line: Int
    var status: String
    var seconds: Double
    /// Whether the cell was part of the program that ran in this build.
    var executed: Bool
    /// Why it ran or did not: `changed`, `depends on line N`, `needed by line N`, `cached`, `forced`, `eval: false`.
    var reason: String
  }

  struct Entry: Encodable {
    var path: String
    var status: String
    var executed: Bool
    var checksPassed: Int
    var checksTotal: Int
    var sanityChecksPassed: Int
    var sanityChecksTotal: Int
    /// Whether the notebook's own code was compiled with `-O` (chosen, or set by `optimize:`).
    var optimized: Bool
    /// How many programs were compiled (0 when nothing ran).
    var compilations: Int
    var compileSeconds: Double
    var runSeconds: Double
    /// Seconds rendering this notebook's page; 0 when the page was not rendered again.
    var renderSeconds: Double
    var cells: [Cell]
    /// Expressions slow to type-check, as `file:line:column: warning: …`.
    var typeCheckWarnings: [String]
  }

  var notebooks: [Entry]
  /// Seconds rendering the whole site (math, highlighting, pages, index).
  var renderSeconds: Double
  /// Seconds typesetting math (one batched KaTeX process; 0 when every formula was cached).
  var mathSeconds: Double
  /// Seconds highlighting code (0 when every cell was cached).
  var highlightSeconds: Double
  var totalSeconds: Double

  init(_ run: SiteBuildOutcome) {
    notebooks = run.notebooks.map { outcome in
      let checks = outcome.result.checkCounts
      return Entry(
        path: outcome.notebook.path, status: run.succeeded(outcome) ? "ok" : "failed", executed: outcome.executed,
        checksPassed: checks.passed, checksTotal: checks.total,
        sanityChecksPassed: outcome.result.sanityCheckCounts.passed,
        sanityChecksTotal: outcome.result.sanityCheckCounts.total,
        optimized: OptimizationChoice.optimizes(outcome.notebook),
        compilations: outcome.executed ? outcome.result.compilations : 0,
        compileSeconds: outcome.executed ? outcome.result.compileSeconds : 0,
        runSeconds: outcome.executed ? outcome.result.runSeconds : 0,
        renderSeconds: run.pageSeconds[outcome.notebook.path] ?? 0,
        cells: Self.cells(of: outcome), typeCheckWarnings: outcome.result.compileWarnings.map(\.description))
    }
    renderSeconds = run.renderSeconds
    mathSeconds = run.mathSeconds
    highlightSeconds = run.highlightSeconds
    totalSeconds = run.totalSeconds
  }

  private static func cells(of outcome: NotebookBuilder.Outcome) -> [Cell] {
    outcome.result.cells.map { cell in
      let run = outcome.cellRuns.first { $0.index == cell.index }
      let executed = run?.executed ?? false
      return Cell(
        line: cell.line, status: cell.status.rawValue, seconds: executed ? cell.seconds : 0, executed: executed,
        reason: run?.description ?? "cached")
    }
  }

  func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
