import NotebookCore
import NotebookSupport

/// The per-cell cache keys of a notebook: what can change what one cell prints.
///
/// A cell's key covers the notebook's ``CacheKey/executionContext(for:project:toolchainVersion:libraryFingerprint:platform:digests:)``,
/// the notebook's path, timeout, optimisation level and imports (they apply to every cell), and the
/// comment-free tokens (``CellTokens``) and run-affecting options of the cell and of every cell it
/// depends on (``CellGraph/ancestors(of:)``), in their order. A cell's own position is not part of it,
/// so inserting an unrelated cell above it keeps its key; the one exception is code that prints its own
/// line (`#line`), whose key covers its line.
struct CellKeys {
  /// The key of each cell that runs, by index.
  let keys: [Int: String]
  /// The cells each cell's key covers (its ancestors and itself), by index, in order.
  let members: [Int: [Int]]

  init(notebook: Notebook, graph: CellGraph, context: String, optimized: Bool) {
    let imports = ImportScanner.modules(importedBy: notebook).sorted().joined(separator: ",")
    let shared = [
      context, "path \(notebook.path)", "timeout \(notebook.frontMatter.timeout)", "optimized \(optimized)",
      "imports \(imports)",
    ].joined(separator: "\u{0}")
    let tokens = Dictionary(
      uniqueKeysWithValues: graph.cells.map { index in
        let cell = notebook.cells[index]
        let normalized = CellTokens.normalized(cell.code)
        let line = normalized.contains("#line") ? " line \(cell.codeLine)" : ""
        return (index, "\(cell.options.executionFingerprint)\(line)\n\(normalized)")
      })
    var keys: [Int: String] = [:]
    var members: [Int: [Int]] = [:]
    for cell in graph.cells {
      let covered = (graph.ancestors(of: cell).union([cell])).sorted()
      members[cell] = covered
      let parts = covered.map { ($0 == cell ? "self " : "dependency ") + (tokens[$0] ?? "") }
      keys[cell] = SHA256.hex(([shared] + parts).joined(separator: "\u{0}"))
    }
    self.keys = keys
    self.members = members
  }
}
