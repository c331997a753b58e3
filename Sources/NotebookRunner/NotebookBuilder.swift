import Foundation
import NotebookCore
import NotebookSupport

/// Builds notebooks: parse, look up the cache, execute what changed, in parallel.
public struct NotebookBuilder: Sendable {
  /// What happened to one notebook.
  public struct Outcome: Sendable {
    /// The parsed notebook.
    public var notebook: Notebook
    /// Its execution result.
    public var result: NotebookResult
    /// Whether it was executed (false on a cache hit).
    public var executed: Bool
    /// Whether its result came from the shared cache (``NotebookBuilder/remoteCache``).
    public var fromSharedCache = false
    /// Per cell, whether it ran and why.
    public var cellRuns: [CellRun] = []
    /// Whether the notebook's whole result was missing but every cell's came from the cell cache.
    public var fromCellCache = false

    /// Parse and execution problems, in line order.
    public var diagnostics: [Diagnostic] {
      (notebook.diagnostics + result.diagnostics + result.compileWarnings).sorted {
        ($0.line, $0.column) < ($1.line, $1.column)
      }
    }

    /// Whether the notebook parsed, ran and passed every check.
    public var succeeded: Bool { !notebook.hasErrors && result.succeeded }
  }

  /// Receives progress while notebooks build; called from worker threads.
  public struct Progress: Sendable {
    /// A notebook started executing (not called on cache hits).
    public var executionStarted: @Sendable (_ path: String) -> Void = { _ in }
    /// A cell started running.
    public var cellStarted: @Sendable (_ path: String, _ cell: Int, _ count: Int) -> Void = { _, _, _ in }
    /// A notebook finished (executed or from the cache).
    public var finished: @Sendable (_ outcome: Outcome) -> Void = { _ in }
    /// A status message.
    public var message: @Sendable (_ text: String) -> Void = { _ in }

    /// Creates a progress receiver.
    public init() {}
  }

  let project: Project
  let toolchain: Toolchain
  let limits: ExecutionLimits
  let machine: Machine
  let perturbed: Bool
  /// A shared cache consulted on local misses and given every successful execution.
  public var remoteCache: RemoteResultCache?

  /// Creates a builder.
  ///
  /// - Parameters:
  ///   - machine: Where programs run (see ``NotebookExecutor``).
  ///   - perturbed: Run every program on its platform's perturbation (``ProgramPlatform/perturbation(on:)``),
  ///     for the digit audit: nothing is looked up in or stored to the cache.
  public init(
    project: Project, toolchain: Toolchain, limits: ExecutionLimits = ExecutionLimits(), machine: Machine = .current,
    perturbed: Bool = false
  ) {
    self.project = project
    self.toolchain = toolchain
    self.limits = limits
    self.machine = machine
    self.perturbed = perturbed
  }

  /// The cache key of `notebook`'s execution on this builder's platform.
  public func cacheKey(for notebook: Notebook, libraryFingerprint: String, digests: FileDigests) -> String {
    CacheKey.key(
      context: executionContext(for: notebook, libraryFingerprint: libraryFingerprint, digests: digests),
      codeHash: CacheKey.codeHash(of: notebook))
  }

  private func executionContext(for notebook: Notebook, libraryFingerprint: String, digests: FileDigests) -> String {
    CacheKey.executionContext(
      for: notebook, project: project, toolchainVersion: toolchain.version, libraryFingerprint: libraryFingerprint,
      platform: ProgramPlatform.of(notebook, on: machine, perturbed: perturbed).record.id, digests: digests)
  }

  /// Builds the notebooks at `paths`, executing those whose cache entry is missing or stale.
  ///
  /// - Parameters:
  ///   - force: Execute even when the cache has a result.
  ///   - jobs: How many notebooks run at once.
  /// - Returns: One outcome per path, in the order given.
  public func build(_ paths: [String], force: Bool, jobs: Int, progress: Progress) throws -> [Outcome] {
    let cache = ResultCache(directory: project.cache.results)
    let cellCache = CellCache(directory: project.cache.cells)
    let libraryBuilder = LibraryBuilder(project: project, toolchain: toolchain)
    let digests = FileDigests(project: project)
    let plan = try libraryBuilder.plan(digests: digests)
    let looked = parallelMap(Array(paths.indices)) {
      index in
      let notebook = parse(paths[index])
      let context = executionContext(
        for: notebook, libraryFingerprint: plan.fingerprint(for: notebook), digests: digests)
      let key = CacheKey.key(context: context, codeHash: CacheKey.codeHash(of: notebook))
      guard !force && !perturbed else { return (notebook, context, key, nil as CachedResult?) }
      return (notebook, context, key, lookUp(notebook, key: key, in: cache))
    }
    digests.save()
    let notebooks = looked.map(\.0)
    let contexts = looked.map(\.1)
    let keys = looked.map(\.2)
    let cached = looked.map(\.3)
    var outcomes = [Outcome?](repeating: nil, count: notebooks.count)
    for (index, found) in cached.enumerated() {
      guard let found else { continue }
      var outcome = Outcome(
        notebook: notebooks[index], result: found.result, executed: false, fromSharedCache: found.shared)
      outcome.cellRuns = notebooks[index].cells.map {
        CellRun(index: $0.index, line: $0.fenceLine, reason: $0.options.eval ? .cached : .notEvaluated)
      }
      outcomes[index] = outcome
      progress.finished(outcome)
    }
    let pending = outcomes.indices.filter { outcomes[$0] == nil }
    guard !pending.isEmpty else { return outcomes.compactMap { $0 } }

    // Only the modules the notebooks to run import are compiled (when their fingerprint is new).
    let imports = pending.reduce(into: Set<String>()) { $0.formUnion(ImportScanner.modules(importedBy: notebooks[$1])) }
    let libraries = try libraryBuilder.prepare(plan: plan, importing: imports, log: progress.message)
    let executor = NotebookExecutor(
      project: project, toolchain: toolchain, libraries: libraries, limits: limits, machine: machine,
      perturbed: perturbed)
    reportPlatformNotes(for: pending.map { notebooks[$0] }, executor: executor, progress: progress)
    let valueTypes = perturbed ? LibraryValueTypes() : LibraryValueTypes.of(plan, project: project)
    let executed = try parallelMap(pending, jobs: jobs) { index in
      let notebook = notebooks[index]
      // A perturbed build neither looks cell results up nor stores them, so it needs no graph.
      let cells =
        perturbed ? nil : NotebookCells(notebook: notebook, context: contexts[index], valueTypes: valueTypes)
      var cellPlan = cells.flatMap { force ? nil : $0.plan(cellCache) } ?? CellPlan(forcing: notebook)
      let executes = cellPlan.runs.contains(where: \.executed)
      if executes { progress.executionStarted(notebook.path) }
      var result = try executor.execute(
        notebook, codeHash: CacheKey.codeHash(of: notebook), reusing: cellPlan.reused
      ) { cell, count in
        progress.cellStarted(notebook.path, cell, count)
      }
      if result.ranWholeNotebook { cellPlan = CellPlan(forcing: notebook, reason: .wholeNotebook) }
      if let cells {
        result.compileWarnings += cells.nondeterminism(in: result, rerun: cellPlan.rerun)
        cells.store(result, ran: cellPlan.runs, in: cellCache)
        try cache.store(result, for: notebook, key: keys[index])
        // A failure may be this machine's (a timeout under load): the render build re-executes it.
        if result.succeeded && !notebook.hasErrors { remoteCache?.store(result, key: keys[index], for: notebook) }
      }
      var outcome = Outcome(notebook: notebook, result: result, executed: executes)
      outcome.cellRuns = cellPlan.runs
      outcome.fromCellCache = !executes && cellPlan.runs.contains { $0.reason == .cached }
      progress.finished(outcome)
      return outcome
    }
    for (index, outcome) in zip(pending, executed) { outcomes[index] = outcome }
    return outcomes.compactMap { $0 }
  }
}

extension NotebookBuilder {
  typealias CachedResult = (result: NotebookResult, shared: Bool)

  /// The local result for `key`, else the shared one (then kept locally too).
  private func lookUp(_ notebook: Notebook, key: String, in cache: ResultCache) -> CachedResult? {
    if let local = cache.lookup(notebook, key: key) { return (local.rebased(to: notebook), false) }
    guard let shared = remoteCache?.lookup(key: key, for: notebook) else { return nil }
    try? cache.store(shared, for: notebook, key: key)
    return (shared.rebased(to: notebook), true)
  }

  /// Says once per build why a platform differs from the one asked for (a CPU without AVX2, say).
  private func reportPlatformNotes(for notebooks: [Notebook], executor: NotebookExecutor, progress: Progress) {
    var said = Set<String>()
    for notebook in notebooks {
      guard let note = executor.platform(for: notebook).record.note, said.insert(note).inserted else { continue }
      progress.message("note: \(note); pages may differ from the committed ones in their last digits")
    }
  }
}
