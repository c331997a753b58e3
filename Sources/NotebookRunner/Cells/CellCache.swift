import Foundation
import NotebookCore
import NotebookSupport

/// Stored results of single cells, several per cell, so that undoing an edit finds the result again.
///
/// Each result is a file named by its ``CellKeys`` key, in one folder per notebook. Writes are atomic
/// (``writeAtomically(_:to:)``); a file that cannot be decoded, or holds another key, is a miss. A
/// folder keeps the ``retained`` most recently used results and forgets older ones.
struct CellCache: Sendable {
  /// A cell's stored result, with the lines it was computed at.
  struct Entry: Codable {
    var key: String
    var result: CellResult
    /// Failed checks' diagnostics, at lines inside the cell.
    var diagnostics: [Diagnostic]
    /// The first code line of each cell the key covers, in order, when the result was stored: where
    /// the lines named in its messages sat.
    var codeLines: [Int]
  }

  /// How many results a notebook's folder keeps.
  static let retained = 256

  let directory: String

  /// The result stored under `key`, moved to the lines the covered cells have now.
  ///
  /// - Parameters:
  ///   - cell: The cell as it is now.
  ///   - codeLines: The first code line of each cell the key covers, in order, as the notebook is now.
  func lookup(_ key: String, for cell: Cell, in notebook: Notebook, codeLines: [Int]) -> Entry? {
    let path = file(key, notebook)
    guard let data = FileManager.default.contents(atPath: path),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key,
      entry.codeLines.count == codeLines.count
    else { return nil }
    // Used results are the newest, so that pruning forgets the least recently used.
    try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
    return entry.moved(to: codeLines, cell: cell)
  }

  /// Stores `entry` (``prune(_:)`` forgets old ones).
  func store(_ entry: Entry, in notebook: Notebook) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try writeAtomically(try encoder.encode(entry), to: file(entry.key, notebook))
  }

  /// Forgets the oldest results of `notebook` beyond ``retained``.
  func prune(_ notebook: Notebook) {
    let folder = folder(notebook)
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: folder), names.count > Self.retained else { return }
    let dated = names.map { name in
      let modified = (try? manager.attributesOfItem(atPath: "\(folder)/\(name)")[.modificationDate]) as? Date
      return (name, modified ?? .distantPast)
    }
    for (name, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.retained) {
      try? manager.removeItem(atPath: "\(folder)/\(name)")
    }
  }

  private func folder(_ notebook: Notebook) -> String {
    CacheLayout.notebookFolder(notebook.path, slug: notebook.slug, under: directory)
  }

  private func file(_ key: String, _ notebook: Notebook) -> String { "\(folder(notebook))/\(key).json" }
}

extension CellCache.Entry {
  /// This entry with its lines moved by how far each covered cell moved.
  fileprivate func moved(to newCodeLines: [Int], cell: Cell) -> Self {
    let shifts = zip(codeLines, newCodeLines).map { (old: $0, delta: $1 - $0) }.sorted { $0.old < $1.old }
    func shifted(_ line: Int) -> Int { line + (shifts.last { $0.old <= line }?.delta ?? 0) }
    var copy = self
    copy.codeLines = newCodeLines
    copy.result.index = cell.index
    copy.result.line = cell.fenceLine
    copy.result.outputs = result.outputs.map { $0.moved(by: shifted) }
    copy.diagnostics = diagnostics.map { $0.moved(by: shifted) }
    return copy
  }
}
