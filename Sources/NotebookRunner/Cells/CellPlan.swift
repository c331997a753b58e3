import NotebookCore

/// Which cells of a notebook must run after an edit, and which results come from the cell cache.
///
/// The cells without a stored result must run, and so must every cell they depend on, to rebuild
/// the state they work on. A cell that depends on a changed cell has a new key (its key covers the
/// code of what it depends on), so it is among those without a result. Every other cell's stored
/// result is used and the cell is left out of the program.
struct CellPlan {
  /// What happens to each cell, in order.
  let runs: [CellRun]
  /// The stored results used in place of running, by cell index.
  let reused: [Int: CellCache.Entry]
  /// The stored results of cells that run anyway (needed by a changed cell): their fresh outputs
  /// should be the same, or the notebook is not deterministic.
  let rerun: [Int: CellCache.Entry]

  /// Every cell runs; nothing stored is used. `reason` says why: ``CellRun/Reason/forced`` or
  /// ``CellRun/Reason/wholeNotebook``.
  init(forcing notebook: Notebook, reason: CellRun.Reason = .forced) {
    runs = notebook.cells.map {
      CellRun(index: $0.index, line: $0.fenceLine, reason: $0.options.eval ? reason : .notEvaluated)
    }
    reused = [:]
    rerun = [:]
  }

  /// The plan for `notebook` given the stored results found (`found`, by cell index).
  init(notebook: Notebook, graph: CellGraph, found: [Int: CellCache.Entry]) {
    let changed = graph.cells.filter { found[$0] == nil }
    var neededBy: [Int: Int] = [:]
    for cell in changed {
      for ancestor in graph.ancestors(of: cell) where neededBy[ancestor] == nil { neededBy[ancestor] = cell }
    }
    let changedSet = Set(changed)
    let line = { (index: Int) in notebook.cells[index].fenceLine }
    var runs: [CellRun] = []
    var reused: [Int: CellCache.Entry] = [:]
    var rerun: [Int: CellCache.Entry] = [:]
    for cell in notebook.cells {
      let reason: CellRun.Reason
      if !cell.options.eval {
        reason = .notEvaluated
      } else if changedSet.contains(cell.index) {
        let changedAncestor = graph.ancestors(of: cell.index).intersection(changedSet).max()
        reason = changedAncestor.map { .dependsOn(line: line($0)) } ?? .changed
      } else if let needing = neededBy[cell.index] {
        reason = .neededBy(line: line(needing))
        rerun[cell.index] = found[cell.index]
      } else {
        reason = .cached
        reused[cell.index] = found[cell.index]
      }
      runs.append(CellRun(index: cell.index, line: cell.fenceLine, reason: reason))
    }
    self.runs = runs
    self.reused = reused
    self.rerun = rerun
  }
}
