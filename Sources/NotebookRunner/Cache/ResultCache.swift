import Foundation
import NotebookCore
import NotebookSupport

/// Stored execution results, one JSON file per notebook, outside `site/`.
///
/// Writes are atomic (temporary file, then rename). An entry that cannot be
/// decoded, or whose key differs, is a miss — never an error.
public struct ResultCache: Sendable {
  private struct Entry: Codable {
    var key: String
    var result: NotebookResult
  }

  let directory: String

  /// A cache stored in `directory`.
  public init(directory: String) { self.directory = directory }

  /// The stored result for `notebook` if it was computed under `key`.
  public func lookup(_ notebook: Notebook, key: String) -> NotebookResult? {
    guard let data = FileManager.default.contents(atPath: file(for: notebook)),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
    else { return nil }
    return entry.result
  }

  /// The stored result for `notebook` under any key (for `list` and stale pages).
  public func anyResult(for notebook: Notebook) -> (key: String, result: NotebookResult)? {
    guard let data = FileManager.default.contents(atPath: file(for: notebook)),
      let entry = try? JSONDecoder().decode(Entry.self, from: data)
    else { return nil }
    return (entry.key, entry.result)
  }

  /// Stores a result under `key`.
  public func store(_ result: NotebookResult, for notebook: Notebook, key: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(Entry(key: key, result: result))
    try writeAtomically(data, to: file(for: notebook))
  }

  private func file(for notebook: Notebook) -> String { file(forNotebookAt: notebook.path) }

  /// The file holding the result of the notebook at a root-relative path.
  public func file(forNotebookAt path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name  // as Notebook.slug
    return "\(directory)/\(slug)-\(SHA256.hex(path).prefix(8)).json"
  }
}
