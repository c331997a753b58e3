import Foundation
import NotebookCore
import NotebookSupport
import NotebookWire

/// Compiles and runs one notebook, turning everything that happens into a ``NotebookResult``.
///
/// A cell marked `error: true` that fails to compile or traps is recorded as an
/// expected failure; the program is then rebuilt without it and run again, so
/// the cells after it still run. Any other failure stops the notebook at that
/// cell: the cells before it keep their outputs, the cells after it are `notRun`.
public struct NotebookExecutor: Sendable {
  let project: Project
  let toolchain: Toolchain
  let libraries: LibraryBuilder.Libraries
  let limits: ExecutionLimits
  let machine: Machine
  let perturbed: Bool

  /// Creates an executor that links the given prebuilt libraries.
  ///
  /// - Parameters:
  ///   - machine: Where programs run: its CPU decides which platforms can run, and its environment
  ///     is what programs inherit from (only `PATH`, `HOME` and the OpenBLAS settings that win).
  ///   - perturbed: Run on ``ProgramPlatform/perturbation(on:)`` of each notebook's platform.
  public init(
    project: Project, toolchain: Toolchain, libraries: LibraryBuilder.Libraries,
    limits: ExecutionLimits = ExecutionLimits(), machine: Machine = .current, perturbed: Bool = false
  ) {
    self.project = project
    self.toolchain = toolchain
    self.libraries = libraries
    self.limits = limits
    self.machine = machine
    self.perturbed = perturbed
  }

  /// The platform `notebook`'s program runs on.
  public func platform(for notebook: Notebook) -> ProgramPlatform {
    ProgramPlatform.of(notebook, on: machine, perturbed: perturbed)
  }

  /// Executes `notebook`, reporting progress as (cell index, cell count).
  ///
  /// - Parameter reused: Stored results of cells that need not run (``CellPlan``): they are left out
  ///   of the program and their results used as they are. If the program without them does not
  ///   compile although the whole notebook does, the whole notebook runs and a warning says so.
  func execute(
    _ notebook: Notebook, codeHash: String, reusing reused: [Int: CellCache.Entry] = [:],
    progress: @escaping (Int, Int) -> Void = { _, _ in }
  ) throws -> NotebookResult {
    let running = notebook.cells.filter { $0.options.eval && reused[$0.index] == nil }
    guard !running.isEmpty else {
      // Nothing to run: no program to compile (saves the ~0.5 s compile of an empty program).
      let state = ExecutionState(notebook: notebook, reusing: reused)
      return NotebookResult(
        cells: state.cellResults(), diagnostics: state.diagnostics, codeHash: codeHash,
        labFingerprint: libraries.program(for: notebook).fingerprint, swiftVersion: toolchain.version,
        platform: reused.isEmpty ? nil : platform(for: notebook).record, compileSeconds: 0, runSeconds: 0)
    }
    // A folder of its own per execution: two builds of one notebook at once (say, from two
    // processes that do not share the CLI's lock) must not overwrite each other's program.
    StaleRunFolders.remove(under: project.cache.programs)
    let workDirectory =
      CacheLayout.notebookFolder(notebook.path, slug: notebook.slug, under: project.cache.programs)
      + "/run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: workDirectory) }
    var state = ExecutionState(notebook: notebook, reusing: reused)
    var compileSeconds = 0.0
    var compilations = 0
    var runSeconds = 0.0
    var hotSpots: [Diagnostic] = []
    let attempts = notebook.cells.filter(\.options.error).count + 1
    let platform = platform(for: notebook)

    // The program and the cells it was compiled without. After an `error: true` cell traps, the same
    // program runs again with the cell skipped (``RunEnvironment/skippedCells``); only a compile error needs a new one.
    var program: (compiled: Compiled, excluding: Set<Int>)?
    for _ in 0..<attempts {
      if program == nil {
        let compileStart = Date()
        let compiled = try compile(notebook, excluding: state.excludedCells, in: workDirectory)
        compileSeconds += Date().timeIntervalSince(compileStart)
        compilations += 1
        if hotSpots.isEmpty { hotSpots = compiled.hotSpots }
        guard compiled.errors.isEmpty else {
          if state.acceptExpectedCompileErrors(compiled.errors) { continue }
          if !reused.isEmpty {
            return try executeWhole(notebook, codeHash: codeHash, after: compiled, progress: progress)
          }
          state.recordCompileErrors(compiled.errors)
          break
        }
        program = (compiled, state.excludedCells)
      }
      guard let program else { break }
      let crashReport = "\(workDirectory)/crash.json"
      try? FileManager.default.removeItem(atPath: crashReport)
      var environment = environment(platform, crashReport: crashReport)
      environment[RunEnvironment.skippedCells] = state.excludedCells.subtracting(program.excluding).sorted()
        .map(String.init).joined(separator: ",")
      let run = ProgramRun(
        executable: program.compiled.executable, notebook: notebook, limits: limits, environment: environment)
      let runStart = Date()
      let outcome = try run.run { progress($0, notebook.cells.count) }
      runSeconds += Date().timeIntervalSince(runStart)
      let backtrace = TrapBacktrace.read(reportAt: crashReport, notebookPath: notebook.path)
      if state.recordRun(outcome, backtrace: backtrace) { break }
    }
    var result = NotebookResult(
      cells: state.cellResults(), diagnostics: state.diagnostics, codeHash: codeHash,
      labFingerprint: libraries.program(for: notebook).fingerprint, swiftVersion: toolchain.version,
      platform: platform.record,
      compileSeconds: compileSeconds, runSeconds: runSeconds)
    result.compileWarnings = hotSpots
    result.compilations = compilations
    return result
  }

  /// Runs the whole notebook after the program without its reused cells failed to compile; warns
  /// when the whole one compiles, for then the cell graph missed a dependency.
  private func executeWhole(
    _ notebook: Notebook, codeHash: String, after partial: Compiled, progress: @escaping (Int, Int) -> Void
  ) throws -> NotebookResult {
    var result = try execute(notebook, codeHash: codeHash, progress: progress)
    result.ranWholeNotebook = true
    if !result.cells.contains(where: { $0.status == .compileError }), let first = partial.errors.first {
      let message =
        "The cells that had to run did not compile without the others ('\(first.diagnostic.message)'), "
        + "so the whole notebook ran: the cell graph missed a dependency"
      result.compileWarnings.append(
        Diagnostic(.warning, file: notebook.path, line: first.diagnostic.line, message))
    }
    return result
  }

  private struct Compiled {
    var executable: String
    var errors: [CompilerDiagnostics.Entry]
    var hotSpots: [Diagnostic] = []
  }

  private func compile(_ notebook: Notebook, excluding excluded: Set<Int>, in directory: String) throws -> Compiled {
    let source = "\(directory)/main.swift"
    let executable = "\(directory)/program"
    try writeAtomically(Data(ProgramGenerator.source(for: notebook, excluding: excluded).utf8), to: source)
    let linked = libraries.program(for: notebook)
    let compiler = ProgramCompiler(
      toolchain: toolchain, libraries: linked, slowTypeCheckMilliseconds: limits.slowTypeCheckMilliseconds)
    let result = try compiler.compile(
      source: source, executable: executable, optimize: OptimizationChoice.optimizes(notebook),
      timeout: limits.compileTimeout)
    let hotSpots = TypeCheckHotSpots.warnings(in: result.text, path: notebook.path)
    if result.status == .exited(0) { return Compiled(executable: executable, errors: [], hotSpots: hotSpots) }
    var errors = CompilerDiagnostics.errors(in: result.text, path: notebook.path).map {
      CompilerDiagnostics.explainingMissingModule($0, importable: linked.importable)
    }
    if errors.isEmpty {
      // An error outside the notebook's lines (the generated glue, or the linker).
      let line = notebook.cells.first?.fenceLine ?? 1
      errors = [
        CompilerDiagnostics.Entry(
          diagnostic: Diagnostic(.error, file: notebook.path, line: line, "The notebook program did not compile"),
          context: String(result.text.suffix(4000)))
      ]
    }
    return Compiled(executable: executable, errors: errors, hotSpots: hotSpots)
  }

  /// The program's whole environment: nothing else is inherited.
  ///
  /// A trap writes the runtime's backtrace, as JSON, to `crashReport`.
  private func environment(_ platform: ProgramPlatform, crashReport: String) -> [String: String] {
    let inherited = machine.environment
    let environment = [
      "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
      "HOME": inherited["HOME"] ?? "/tmp",
      "LANG": "C.UTF-8",
      "SWIFT_DETERMINISTIC_HASHING": "1",
      "SWIFT_BACKTRACE": TrapBacktrace.environmentValue(reportPath: crashReport),
    ]
    return environment.merging(platform.environment) { _, pinned in pinned }
  }
}
