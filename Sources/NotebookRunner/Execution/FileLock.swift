import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An advisory lock on a file (`flock`), released when the value is released or `unlock()` is called.
///
/// Two builds of the same project take the same lock, so they never write the
/// cache or the site at the same time; the second waits.
public final class FileLock {
  private let descriptor: Int32

  /// Takes the lock, waiting for it; `onWait` is called once if another process holds it.
  public init(path: String, onWait: () -> Void = {}) throws {
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw RunnerError.io("Cannot open the lock file '\(path)'") }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      onWait()
      while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }
  }

  deinit { close(descriptor) }
}

/// Writes a file atomically: a temporary file in the same folder, then `rename`.
///
/// A reader sees the old bytes or the new bytes, never a mixture; a crash leaves
/// at most a stray temporary file.
func writeAtomically(_ data: Data, to path: String) throws {
  let directory = (path as NSString).deletingLastPathComponent
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  let temporary = "\(directory)/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
  guard FileManager.default.createFile(atPath: temporary, contents: data) else {
    throw RunnerError.io("Cannot write '\(temporary)' (is the disk full?)")
  }
  guard rename(temporary, path) == 0 else {
    unlink(temporary)
    throw RunnerError.io("Cannot replace '\(path)': \(String(cString: strerror(errno)))")
  }
}
