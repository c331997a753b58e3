import Foundation
import NotebookBuild
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
      Console.line(outcome.statusLine)
    }
    return progress
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
