import Foundation
import NotebookWire

/// Writes framed records (``RecordFraming``) into the program's standard output, interleaved with `print`.
///
/// Records go through `print` so they stay ordered with the cell's own prints.
enum OutputChannel {
  /// The nonce of this run, or `nil` when the program runs outside the runner.
  static let nonce: String? = ProcessInfo.processInfo.environment[RunEnvironment.nonce]

  /// Sends one record; outside the runner, prints a readable form instead.
  static func send(_ kind: RecordKind, payload: String) {
    guard let nonce else {
      print("[\(kind.wireName)] \(payload)")
      return
    }
    print(RecordFraming.record(kind, payload: payload, nonce: nonce), terminator: "")
    fflush(nil)
  }

  /// Sends `value` as JSON with sorted keys.
  static func send(_ kind: RecordKind, json value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    send(kind, payload: String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self))
  }
}

/// Marks the start of a cell.
///
/// Called by generated notebook programs only.
public func _notebookCellBegin(_ index: Int) {
  OutputChannel.send(.cellStarted, payload: String(index))
}

/// The `error: true` cells this run leaves out (``RunEnvironment/skippedCells``).
private let skippedCells = Set(
  (ProcessInfo.processInfo.environment[RunEnvironment.skippedCells] ?? "").split(separator: ",").compactMap { Int($0) })

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
    let runner = ProcessInfo.processInfo.environment[RunEnvironment.runnerProcess].flatMap(Int32.init)
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
  OutputChannel.send(.programEnded, payload: "")
}

/// Reports an error thrown by a cell marked `//| error: true`.
public func _notebookReport(_ error: any Error) {
  OutputChannel.send(.thrown, payload: String(describing: error))
}
