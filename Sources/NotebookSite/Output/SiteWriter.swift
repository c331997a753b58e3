import Foundation
import NotebookSupport

/// Writes rendered files into the site directory: only files whose bytes changed, each
/// atomically (a temporary file in the same folder, then `rename`), and removes pages, assets
/// and notebook sources that the build no longer produces.
struct SiteWriter {
  let root: URL

  /// What a write did.
  struct Outcome {
    /// A file that could not be written: it keeps its old contents (or stays absent).
    struct Failure {
      var path: String
      var error: SiteError
    }

    var written: [String] = []
    var removed: [String] = []
    var failures: [Failure] = []
  }

  /// Writes `files` (relative path → bytes) and removes stale ones; `unchanged` files are kept as they are.
  ///
  /// Stale means: a top-level `*.html` or a file under `assets/` or `source/` that is not in `files`, or a
  /// temporary file left by an interrupted build. Nothing else in the directory is touched. A
  /// file that cannot be written is a failure of that file; the others are still written.
  /// - Returns: The relative paths written and removed, sorted, and the failures.
  func write(_ files: [String: Data], keeping unchanged: Set<String> = []) -> Outcome {
    var outcome = Outcome()
    for (path, data) in files.sorted(by: { $0.key < $1.key }) {
      let url = root.appendingPathComponent(path)
      if FileManager.default.contents(atPath: url.path) == data { continue }
      do {
        try writeAtomically(data, to: url, relativePath: path)
        outcome.written.append(path)
      } catch let error as SiteError {
        outcome.failures.append(Outcome.Failure(path: path, error: error))
      } catch {
        outcome.failures.append(
          Outcome.Failure(path: path, error: SiteError(.writeFailed(path: path, underlying: "\(error)"))))
      }
    }
    outcome.removed = removeStale(keeping: Set(files.keys).union(unchanged))
    return outcome
  }

  private func writeAtomically(_ data: Data, to url: URL, relativePath: String) throws {
    do {
      try NotebookSupport.writeAtomically(data, to: url.path)
    } catch {
      throw SiteError(.writeFailed(path: relativePath, underlying: error.reason))
    }
  }

  private func removeStale(keeping kept: Set<String>) -> [String] {
    var candidates: [String] = []
    let topLevel = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    candidates += topLevel.filter { $0.hasSuffix(".html") || isAtomicWriteTemporary($0) }
    for folder in ["assets", SourceFiles.folder] {
      guard let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else {
        continue
      }
      while let path = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let full = root.appendingPathComponent("\(folder)/" + path).path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
          candidates.append("\(folder)/" + path)
        }
      }
    }
    var removed: [String] = []
    for path in candidates.sorted() where !kept.contains(path) {
      try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
      removed.append(path)
    }
    return removed
  }
}
