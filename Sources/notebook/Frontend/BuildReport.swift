import Foundation
import NotebookCore
import NotebookRunner

/// The `--report` JSON: per notebook, its status, whether it executed, and per-cell timings.
struct BuildReport: Encodable {
  struct Cell: Encodable {
    var line: Int
    var status: String
    var seconds: Double
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

  init(run: BuildRun) {
    notebooks = run.outcomes.map { outcome in
      let checks = outcome.result.checkCounts
      return Entry(
        path: outcome.notebook.path, status: run.succeeded(outcome) ? "ok" : "failed", executed: outcome.executed,
        checksPassed: checks.passed, checksTotal: checks.total,
        sanityChecksPassed: outcome.result.sanityCheckCounts.passed,
        sanityChecksTotal: outcome.result.sanityCheckCounts.total,
        optimized: OptimizationChoice.optimizes(outcome.notebook),
        compileSeconds: outcome.executed ? outcome.result.compileSeconds : 0,
        runSeconds: outcome.executed ? outcome.result.runSeconds : 0,
        renderSeconds: run.pageSeconds[outcome.notebook.path] ?? 0,
        cells: outcome.result.cells.map {
          Cell(line: $0.line, status: $0.status.rawValue, seconds: outcome.executed ? $0.seconds : 0)
        }, typeCheckWarnings: outcome.result.compileWarnings.map(\.description))
    }
    renderSeconds = run.renderSeconds
    mathSeconds = run.mathSeconds
    highlightSeconds = run.highlightSeconds
    totalSeconds = run.totalSeconds
  }

  func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
