import NotebookCore

/// One notebook seen cell by cell in one build: its graph, its cells' keys, and what the cell cache
/// holds for them.
struct NotebookCells {
  let notebook: Notebook
  let graph: CellGraph
  let keys: CellKeys

  /// - Parameter context: ``CacheKey/executionContext(for:project:toolchainVersion:libraryFingerprint:platform:digests:)``.
  /// - Parameter valueTypes: The libraries' value types, whose constants never change (``LibraryValueTypes``).
  init(notebook: Notebook, context: String, valueTypes: LibraryValueTypes) {
    self.notebook = notebook
    graph = CellGraph(notebook: notebook, valueTypes: valueTypes)
    keys = CellKeys(
      notebook: notebook, graph: graph, context: context, optimized: OptimizationChoice.optimizes(notebook))
  }

  /// The plan given what `cache` holds.
  func plan(_ cache: CellCache) -> CellPlan {
    var found: [Int: CellCache.Entry] = [:]
    for cell in graph.cells {
      guard let key = keys.keys[cell] else { continue }
      found[cell] = cache.lookup(key, for: notebook.cells[cell], in: notebook, codeLines: codeLines(of: cell))
    }
    return CellPlan(notebook: notebook, graph: graph, found: found)
  }

  /// Stores the result of every cell that ran to its end in this execution.
  func store(_ result: NotebookResult, ran runs: [CellRun], in cache: CellCache) {
    let finished: Set<CellResult.Status> = [.ok, .checkFailed, .expectedError]
    for run in runs where run.executed {
      let cellResult = result.cells[run.index]
      guard finished.contains(cellResult.status), let key = keys.keys[run.index] else { continue }
      let lines = lineRange(of: notebook.cells[run.index])
      let entry = CellCache.Entry(
        key: key, result: cellResult, diagnostics: result.diagnostics.filter { lines.contains($0.line) },
        codeLines: codeLines(of: run.index))
      try? cache.store(entry, in: notebook)
    }
    cache.prune(notebook)
  }

  /// A warning for each cell that ran again with an unchanged key but printed something else.
  func nondeterminism(in result: NotebookResult, rerun: [Int: CellCache.Entry]) -> [Diagnostic] {
    rerun.sorted { $0.key < $1.key }.compactMap { index, stored in
      let fresh = result.cells[index]
      guard fresh.status == stored.result.status, fresh.outputs != stored.result.outputs else { return nil }
      return Diagnostic(
        .warning, file: notebook.path, line: fresh.line,
        "This cell printed something different from its stored run of the same code: the notebook is not "
          + "deterministic (a generator seeded from the clock, say), so cells taken from the cache may not "
          + "match it; the page shows this run's outputs")
    }
  }

  private func codeLines(of cell: Int) -> [Int] {
    (keys.members[cell] ?? []).map { notebook.cells[$0].codeLine }
  }

  /// The lines from the cell's fence to its last line of code.
  private func lineRange(of cell: Cell) -> ClosedRange<Int> {
    cell.fenceLine...(cell.codeLine + cell.code.split(separator: "\n", omittingEmptySubsequences: false).count)
  }
}
