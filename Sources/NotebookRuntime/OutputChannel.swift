import Foundation

/// Writes framed records into the program's standard output, interleaved with `print`.
///
/// The wire format, which the runner parses back, is one record per output:
///
///     "\n" U+0001 <nonce> " " <kind> " " <byte count> "\n" <payload>
///
/// The nonce is a random token the runner passes in `NOTEBOOK_NONCE` for each run,
/// so printed text cannot forge a record. The leading newline lets a record follow
/// text that did not end with one; the runner removes exactly that newline.
/// Records go through `print` so they stay ordered with the cell's own prints.
enum OutputChannel {
  /// The nonce of this run, or `nil` when the program runs outside the runner.
  static let nonce: String? = ProcessInfo.processInfo.environment["NOTEBOOK_NONCE"]

  /// Sends one record; outside the runner, prints a readable form instead.
  static func send(kind: String, payload: String) {
    guard let nonce else {
      print("[\(kind)] \(payload)")
      return
    }
    print("\n\u{1}\(nonce) \(kind) \(payload.utf8.count)\n\(payload)", terminator: "")
    fflush(nil)
  }
}

/// Marks the start of a cell.
///
/// Called by generated notebook programs only.
public func _notebookCellBegin(_ index: Int) {
  OutputChannel.send(kind: "cell", payload: String(index))
}

/// The `error: true` cells this run leaves out, from `NOTEBOOK_SKIP_CELLS` (indices separated by commas):
/// after such a cell traps, the runner runs the same program again without it instead of compiling a new one.
private let skippedCells = Set(
  (ProcessInfo.processInfo.environment["NOTEBOOK_SKIP_CELLS"] ?? "").split(separator: ",").compactMap { Int($0) })

/// Whether this run leaves out the `error: true` cell `index`.
///
/// Called by generated notebook programs only.
public func _notebookSkips(_ index: Int) -> Bool { skippedCells.contains(index) }

/// Prepares the output stream.
///
/// Called once at the top of a generated program.
public func _notebookStart() {
  // Line buffering keeps a crashing cell's last printed lines. (Swift 5 mode: `stdout` is a C global.)
  setvbuf(stdout, nil, _IOLBF, 0)
  exitWhenOrphaned()
}

/// Ends the program if the runner that started it dies (say, killed with SIGKILL):
/// nobody would read its output or stop it, so it must not keep the machine busy.
///
/// The runner passes its pid in `NOTEBOOK_RUNNER_PID`, so a runner that died before this
/// line ran is noticed too (the parent is then another process). The kernel sends SIGKILL
/// when the parent dies (`PR_SET_PDEATHSIG`); the check after setting it closes the gap
/// before, and a watchdog thread covers kernels without it.
private func exitWhenOrphaned() {
  guard OutputChannel.nonce != nil,
    let runner = ProcessInfo.processInfo.environment["NOTEBOOK_RUNNER_PID"].flatMap(Int32.init)
  else { return }
  killWhenParentDies()
  if getppid() != runner { endProcessGroup() }
  Thread.detachNewThread {
    while true {
      Thread.sleep(forTimeInterval: 0.25)
      if getppid() != runner { endProcessGroup() }
    }
  }
}

/// Ends the program and, when it leads its process group (as the runner starts it), the
/// children it forked in that group.
private func endProcessGroup() -> Never {
  if getpgrp() == getpid() { kill(0, SIGKILL) }
  _exit(137)
}

/// `prctl(PR_SET_PDEATHSIG, SIGKILL)`; `prctl` is variadic in C, so it is called through its address.
private func killWhenParentDies() {
  typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
  guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
  let prctl = unsafeBitCast(symbol, to: Prctl.self)
  let setParentDeathSignal: Int32 = 1
  _ = prctl(setParentDeathSignal, UInt(SIGKILL), 0, 0, 0)
}

/// Marks the normal end of the program.
///
/// Called by generated notebook programs only.
public func _notebookEnd() {
  OutputChannel.send(kind: "end", payload: "")
}

/// Reports an error thrown by a cell marked `//| error: true`.
public func _notebookReport(_ error: any Error) {
  OutputChannel.send(kind: "thrown", payload: String(describing: error))
}
