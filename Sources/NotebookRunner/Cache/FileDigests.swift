import Foundation
import NotebookSupport

/// SHA-256 digests of files, remembered between builds by each file's size and modification time.
///
/// A no-change build must not read megabytes of data files and library sources again to learn
/// that nothing changed. A file modified in the last two seconds is always read, and never
/// remembered: file times are coarse, so a second write in the same tick would look unchanged.
public final class FileDigests: @unchecked Sendable {
  private struct Entry: Codable, Equatable {
    var stamp: String
    var digest: String
  }

  private let memoPath: String?
  private let lock = NSLock()
  private var entries: [String: Entry]
  private var changed = false

  /// Digests remembered in the file at `memoPath`, or nowhere when it is `nil`.
  public init(memoPath: String?) {
    self.memoPath = memoPath
    let stored = memoPath.flatMap { FileManager.default.contents(atPath: $0) }
    entries = stored.flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
  }

  /// The digests remembered in a project's cache.
  public convenience init(project: Project) {
    self.init(memoPath: project.cache.fileDigests)
  }

  /// The hex SHA-256 of the file's bytes, or `nil` when it cannot be read.
  public func digest(ofFileAt path: String) -> String? {
    let status = FileStamp.status(path)
    let stamp = FileStamp.of(status: status)
    if let known = lock.withLock({ entries[path] }), known.stamp == stamp { return known.digest }
    guard let contents = FileManager.default.contents(atPath: path) else { return nil }
    let digest = SHA256.hexBytes(Array(contents))
    if let modified = status?.modified, Date().timeIntervalSince1970 - modified > 2 {
      lock.withLock {
        entries[path] = Entry(stamp: stamp, digest: digest)
        changed = true
      }
    }
    return digest
  }

  /// Writes the memo if a digest was added; a failure to write only costs time next build.
  public func save() {
    guard let memoPath else { return }
    let data: Data? = lock.withLock {
      guard changed else { return nil }
      changed = false
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      return try? encoder.encode(entries)
    }
    if let data { try? writeAtomically(data, to: memoPath) }
  }
}
