import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file operation of the support module that failed: which file, and why.
package struct FileOperationError: Error, CustomStringConvertible, Sendable {
  /// The file the operation was about.
  package var path: String
  /// Why it failed, as the system says it ("No space left on device", "Is a directory").
  package var reason: String

  package init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `Cannot write '<path>': <reason>`.
  package var description: String { "Cannot write '\(path)': \(reason)" }
}

/// Writes a file atomically: a temporary file in the same folder, then `rename`.
///
/// A reader sees the old bytes or the new bytes, never a mixture; a crash leaves at most a stray
/// temporary file, named `.<name>.tmp-…` (see ``isAtomicWriteTemporary(_:)``), and a failed write
/// removes its temporary file.
package func writeAtomically(_ data: Data, to path: String) throws(FileOperationError) {
  let directory = (path as NSString).deletingLastPathComponent
  let name = (path as NSString).lastPathComponent
  let temporary = "\(directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  do {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: temporary))
  } catch {
    unlink(temporary)
    throw FileOperationError(path: path, reason: error.localizedDescription)
  }
  guard rename(temporary, path) == 0 else {
    let reason = String(cString: strerror(errno))
    unlink(temporary)
    throw FileOperationError(path: path, reason: reason)
  }
}

/// Whether a file name is one that ``writeAtomically(_:to:)`` leaves behind when it is interrupted.
package func isAtomicWriteTemporary(_ name: String) -> Bool {
  name.hasPrefix(".") && name.contains(".tmp-")
}
