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

  /// `ok     notebooks/x.md  12/12 claims, 3/3 sanity checks  executed in 3.21 s`
  static func line(for outcome: NotebookBuilder.Outcome) -> String {
    let checks = outcome.result.checkCounts
    let status = outcome.succeeded ? "ok    " : "FAILED"
    let how =
      outcome.executed
      ? String(
        format: "executed in %.2f s (compile %.2f s, run %.2f s)",
        outcome.result.compileSeconds + outcome.result.runSeconds, outcome.result.compileSeconds,
        outcome.result.runSeconds)
      : outcome.fromSharedCache ? "cached (shared)" : "cached"
    let sanity = outcome.result.sanityCheckCounts
    let sanityText = sanity.total == 0 ? "" : ", \(sanity.passed)/\(sanity.total) sanity checks"
    return "\(status) \(outcome.notebook.path)  \(checks.passed)/\(checks.total) claims\(sanityText)  \(how)"
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
