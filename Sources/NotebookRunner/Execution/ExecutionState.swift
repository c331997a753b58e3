import Foundation
import NotebookCore

/// What is known about a notebook's cells across the attempts of one execution.
struct ExecutionState {
  let notebook: Notebook
  /// Cells left out of later attempts because they failed as expected.
  private(set) var excludedCells: Set<Int> = []
  private(set) var diagnostics: [Diagnostic] = []
  private var results: [Int: CellResult] = [:]

  init(notebook: Notebook) { self.notebook = notebook }

  /// A state in which the `reused` cells already have their stored results and are left out of the program.
  init(notebook: Notebook, reusing reused: [Int: CellCache.Entry]) {
    self.notebook = notebook
    for (index, entry) in reused.sorted(by: { $0.key < $1.key }) {
      results[index] = entry.result
      diagnostics += entry.diagnostics
      excludedCells.insert(index)
    }
  }

  /// Records compile errors that all fall in `error: true` cells; returns false if any does not.
  mutating func acceptExpectedCompileErrors(_ errors: [CompilerDiagnostics.Entry]) -> Bool {
    let cells = errors.map { cellIndex(forLine: $0.diagnostic.line) }
    guard cells.allSatisfy({ index in index.map { notebook.cells[$0].options.error } ?? false }) else {
      return false
    }
    for (entry, index) in zip(errors, cells) {
      guard let index else { continue }
      let cell = notebook.cells[index]
      var outputs = results[index]?.outputs ?? []
      outputs.append(.error(Self.cellError(entry)))
      results[index] = CellResult(
        index: index, line: cell.fenceLine, status: .expectedError, outputs: outputs, seconds: 0)
      excludedCells.insert(index)
    }
    return true
  }

  /// Records compile errors that fail the notebook.
  mutating func recordCompileErrors(_ errors: [CompilerDiagnostics.Entry]) {
    for entry in errors {
      diagnostics.append(entry.diagnostic)
      let index = cellIndex(forLine: entry.diagnostic.line) ?? 0
      guard index < notebook.cells.count else { continue }
      var outputs = results[index]?.status == .compileError ? results[index]?.outputs ?? [] : []
      outputs.append(.error(Self.cellError(entry)))
      results[index] = CellResult(
        index: index, line: notebook.cells[index].fenceLine, status: .compileError, outputs: outputs, seconds: 0)
    }
  }

  /// Records a run; returns true when execution is finished, false to try again without a failed `error: true` cell.
  ///
  /// - Parameter backtrace: Where a trapped program stopped, from the runtime's crash report.
  mutating func recordRun(_ outcome: ProgramRun.Outcome, backtrace: TrapBacktrace? = nil) -> Bool {
    let parser = outcome.parser
    let times = cellDurations(parser, end: outcome.endTime)
    for cell in notebook.cells where cell.options.eval && !excludedCells.contains(cell.index) {
      guard let outputs = parser.outputs[cell.index] ?? (parser.cellStartTimes[cell.index] != nil ? [] : nil) else {
        continue
      }
      let failedCheck = outputs.contains(where: \.isFailedCheck)
      let thrown = cell.options.error && outputs.contains { if case .error = $0 { return true } else { return false } }
      let status: CellResult.Status = failedCheck ? .checkFailed : (thrown ? .expectedError : .ok)
      results[cell.index] = CellResult(
        index: cell.index, line: cell.fenceLine, status: status, outputs: outputs, seconds: times[cell.index] ?? 0)
    }
    if parser.reachedEnd, outcome.termination == .exited(0) {
      for failed in parser.failedChecks where failedChecks(failed.cell) {
        diagnostics.append(diagnose(failed))
      }
      return true
    }
    return recordFailure(outcome, backtrace: backtrace)
  }

  private func failedChecks(_ index: Int) -> Bool { results[index]?.status == .checkFailed }

  /// The terminal's message for a failed check, at the line of its call: the claim and what was measured.
  private func diagnose(_ failed: OutputStreamParser.FailedCheck) -> Diagnostic {
    // The program can forge a record: a line outside every cell falls back to the cell's fence.
    let line = failed.line.flatMap { isCodeLine($0) ? $0 : nil } ?? notebook.cells[failed.cell].fenceLine
    let measured = failed.detail.isEmpty ? "" : " — " + Self.shortened(failed.detail, to: 300)
    return Diagnostic(
      .error, file: notebook.path, line: line, "A check failed: " + Self.shortened(failed.claim, to: 300) + measured)
  }

  private static func shortened(_ text: String, to limit: Int) -> String {
    let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return oneLine.count > limit ? String(oneLine.prefix(limit)) + "…" : oneLine
  }

  private mutating func recordFailure(_ outcome: ProgramRun.Outcome, backtrace: TrapBacktrace?) -> Bool {
    // The program can forge a cell record (it may read its nonce): an index that is not a cell falls back to the first.
    let started = outcome.parser.currentCell.flatMap { notebook.cells.indices.contains($0) ? $0 : nil }
    let index = started ?? notebook.cells.first?.index ?? 0
    guard index < notebook.cells.count else { return true }
    let cell = notebook.cells[index]
    var (message, status, kind) = Self.explain(outcome.termination)
    var result =
      results[index]
      ?? CellResult(index: index, line: cell.fenceLine, status: status, outputs: [], seconds: 0)
    result.outputs = result.outputs.map(CrashReport.withoutStackTrace)
    if case .signaled = outcome.termination, let reason = CrashReport.runtimeMessage(in: result.outputs) {
      message += ": " + reason
    }
    // The program could write a report of its own: one naming lines outside the cells is ignored.
    let backtrace = backtrace.flatMap { $0.frames.allSatisfy { isCodeLine($0.line) } ? $0 : nil }
    let trapLine = backtrace?.frames.first?.line ?? cell.fenceLine
    var error = CellError(kind, message)
    if let backtrace {
      error.location = CellError.Location(file: notebook.path, line: trapLine)
      error.function = backtrace.innermostFunction
      error.callerLines = backtrace.callerLines
    }
    result.outputs.append(.error(error))
    if cell.options.error && status == .crashed {
      result.status = .expectedError
      results[index] = result
      excludedCells.insert(index)
      return false
    }
    result.status = status
    results[index] = result
    diagnostics.append(Diagnostic(.error, file: notebook.path, line: trapLine, error.detail))
    return true
  }

  private static func explain(
    _ termination: ChildProcess.Termination
  ) -> (String, CellResult.Status, CellError.Kind) {
    switch termination {
    case .stopped(let reason):
      return (reason.message, reason.kind == .timedOut ? .timedOut : .crashed, .stopped)
    case .signaled(let signal):
      return ("The cell crashed (\(signalName(signal)))", .crashed, .trap)
    case .exited(let code):
      return ("The program exited with status \(code) during this cell", .crashed, .trap)
    }
  }

  private static func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      4: "SIGILL: a Swift runtime trap", 5: "SIGTRAP: a Swift runtime trap",
      6: "SIGABRT", 9: "SIGKILL, likely the memory limit", 11: "SIGSEGV", 8: "SIGFPE",
    ]
    return names[signal] ?? "signal \(signal)"
  }

  private static func cellError(_ entry: CompilerDiagnostics.Entry) -> CellError {
    let diagnostic = entry.diagnostic
    return CellError(
      .compile, diagnostic.message,
      at: CellError.Location(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column),
      context: entry.context)
  }

  /// The cell whose code contains `line`.
  private func isCodeLine(_ line: Int) -> Bool {
    notebook.cells.contains { cell in
      (cell.codeLine..<(cell.codeLine + cell.code.split(separator: "\n", omittingEmptySubsequences: false).count))
        .contains(line)
    }
  }

  private func cellIndex(forLine line: Int) -> Int? {
    notebook.cells.last { $0.fenceLine <= line }?.index
  }

  private func cellDurations(_ parser: OutputStreamParser, end: Date) -> [Int: Double] {
    let starts = parser.cellStartTimes.sorted { $0.value < $1.value }
    var durations: [Int: Double] = [:]
    for (offset, entry) in starts.enumerated() {
      let next = offset + 1 < starts.count ? starts[offset + 1].value : end
      durations[entry.key] = next.timeIntervalSince(entry.value)
    }
    return durations
  }

  /// One result per cell: recorded ones, `skipped` for `eval: false`, `notRun` for the rest.
  func cellResults() -> [CellResult] {
    notebook.cells.map { cell in
      if let result = results[cell.index] { return result }
      let status: CellResult.Status = cell.options.eval ? .notRun : .skipped
      return CellResult(index: cell.index, line: cell.fenceLine, status: status, outputs: [], seconds: 0)
    }
  }
}
