import Foundation
import NotebookCore

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

  /// Creates an executor that links the given prebuilt libraries.
  public init(
    project: Project, toolchain: Toolchain, libraries: LibraryBuilder.Libraries,
    limits: ExecutionLimits = ExecutionLimits()
  ) {
    self.project = project
    self.toolchain = toolchain
    self.libraries = libraries
    self.limits = limits
  }

  /// Executes `notebook`, reporting progress as (cell index, cell count).
  public func execute(
    _ notebook: Notebook, codeHash: String, progress: @escaping (Int, Int) -> Void = { _, _ in }
  ) throws -> NotebookResult {
    guard notebook.cells.contains(where: \.options.eval) else {
      // Nothing to run: no program to compile (saves the ~0.5 s compile of an empty program).
      return NotebookResult(
        cells: ExecutionState(notebook: notebook).cellResults(), diagnostics: [], codeHash: codeHash,
        labFingerprint: libraries.fingerprint, swiftVersion: toolchain.version, compileSeconds: 0, runSeconds: 0)
    }
    // A folder of its own per execution: two builds of one notebook at once (say, from two
    // processes that do not share the CLI's lock) must not overwrite each other's program.
    StaleRunFolders.remove(under: "\(project.cacheDirectory)/programs")
    let workDirectory =
      "\(project.cacheDirectory)/programs/\(notebook.slug)-\(SHA256.hex(notebook.path).prefix(8))"
      + "/run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: workDirectory) }
    var state = ExecutionState(notebook: notebook)
    var compileSeconds = 0.0
    var runSeconds = 0.0
    let attempts = notebook.cells.filter(\.options.error).count + 1

    for _ in 0..<attempts {
      let compileStart = Date()
      let compiled = try compile(notebook, excluding: state.excludedCells, in: workDirectory)
      compileSeconds += Date().timeIntervalSince(compileStart)
      guard compiled.errors.isEmpty else {
        if state.acceptExpectedCompileErrors(compiled.errors) { continue }
        state.recordCompileErrors(compiled.errors)
        break
      }
      let run = ProgramRun(
        executable: compiled.executable, notebook: notebook, limits: limits, environment: environment())
      let runStart = Date()
      let outcome = try run.run { progress($0, notebook.cells.count) }
      runSeconds += Date().timeIntervalSince(runStart)
      if state.recordRun(outcome) { break }
    }
    return NotebookResult(
      cells: state.cellResults(), diagnostics: state.diagnostics, codeHash: codeHash,
      labFingerprint: libraries.fingerprint, swiftVersion: toolchain.version,
      compileSeconds: compileSeconds, runSeconds: runSeconds)
  }

  private struct Compiled {
    var executable: String
    var errors: [CompilerDiagnostics.Entry]
  }

  private func compile(_ notebook: Notebook, excluding excluded: Set<Int>, in directory: String) throws -> Compiled {
    let source = "\(directory)/main.swift"
    let executable = "\(directory)/program"
    try writeAtomically(Data(ProgramGenerator.source(for: notebook, excluding: excluded).utf8), to: source)
    let result = try ProgramCompiler(toolchain: toolchain, libraries: libraries).compile(
      source: source, executable: executable, optimize: notebook.frontMatter.optimize ?? false,
      timeout: limits.compileTimeout)
    if result.status == .exited(0) { return Compiled(executable: executable, errors: []) }
    var errors = CompilerDiagnostics.errors(in: result.text, path: notebook.path)
    if errors.isEmpty {
      // An error outside the notebook's lines (the generated glue, or the linker).
      let line = notebook.cells.first?.fenceLine ?? 1
      errors = [
        CompilerDiagnostics.Entry(
          diagnostic: Diagnostic(.error, file: notebook.path, line: line, "The notebook program did not compile"),
          context: String(result.text.suffix(4000)))
      ]
    }
    return Compiled(executable: executable, errors: errors)
  }

  private func environment() -> [String: String] {
    let inherited = ProcessInfo.processInfo.environment
    var environment = [
      "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
      "HOME": inherited["HOME"] ?? "/tmp",
      "LANG": "C.UTF-8",
      "SWIFT_DETERMINISTIC_HASHING": "1",
      "SWIFT_BACKTRACE": "enable=no",
      "OPENBLAS_NUM_THREADS": "1",
      "OMP_NUM_THREADS": "1",
    ]
    // Some processors need these for OpenBLAS to compute correctly; keep them.
    for key in ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"] { environment[key] = inherited[key] }
    return environment
  }
}
