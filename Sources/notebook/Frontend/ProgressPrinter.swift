import Foundation
import NotebookCore
import NotebookRunner

/// Progress for a build: a live status line on a terminal, one line per notebook always.
enum ProgressPrinter {
  /// A progress receiver for a build of `total` notebooks.
  static func progress(total: Int) -> NotebookBuilder.Progress {
    let counter = Counter()
    var progress = NotebookBuilder.Progress()
    progress.message = { Console.status($0) }
    progress.executionStarted = { path in
      counter.start(path)
      Console.status("[\(counter.finishedCount)/\(total)] \(path)")
    }
    progress.cellStarted = { path, cell, count in
      let elapsed = counter.elapsed(path)
      Console.status(
        "[\(counter.finishedCount)/\(total)] \(path): cell \(cell + 1)/\(count), \(String(format: "%.1f", elapsed)) s")
    }
    progress.finished = { outcome in
      counter.finish()
      for diagnostic in outcome.diagnostics { Console.error(diagnostic.description) }
      Console.line(line(for: outcome))
    }
    return progress
  }

  /// The line for one notebook: `ok     notebooks/x.md  12/12 claims  executed 2 of 14 cells in 3.21 s (…)`.
  static func line(for outcome: NotebookBuilder.Outcome) -> String {
    let checks = outcome.result.checkCounts
    let status = outcome.succeeded ? "ok    " : "FAILED"
    let sanity = outcome.result.sanityCheckCounts
    let sanityText = sanity.total == 0 ? "" : ", \(sanity.passed)/\(sanity.total) sanity checks"
    return "\(status) \(outcome.notebook.path)  \(checks.passed)/\(checks.total) claims\(sanityText)  \(how(outcome))"
  }

  private static func how(_ outcome: NotebookBuilder.Outcome) -> String {
    let evaluated = outcome.cellRuns.filter { $0.reason != .notEvaluated }.count
    let cells = "\(outcome.cellRuns.filter(\.executed).count) of \(evaluated) cells"
    if outcome.executed {
      let result = outcome.result
      return "executed \(cells) in "
        + String(
          format: "%.2f s (compile %.2f s, run %.2f s)", result.compileSeconds + result.runSeconds,
          result.compileSeconds, result.runSeconds)
    }
    if outcome.fromCellCache { return "executed \(cells): every cell's result was cached" }
    if evaluated == 0 && outcome.cellRuns.contains(where: { $0.reason == .notEvaluated }) {
      return "nothing to execute"
    }
    return outcome.fromSharedCache ? "cached (shared)" : "cached"
  }

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var starts: [String: Date] = [:]
    private var finished = 0

    var finishedCount: Int { lock.withLock { finished } }
    func start(_ path: String) { lock.withLock { starts[path] = Date() } }
    func finish() { lock.withLock { finished += 1 } }
    func elapsed(_ path: String) -> Double {
      lock.withLock { starts[path].map { Date().timeIntervalSince($0) } ?? 0 }
    }
  }
}
