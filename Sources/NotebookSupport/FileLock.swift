import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An advisory lock on a file (`flock`), held until the value is released.
///
/// Two builds of the same project take the same lock, so they never write the
/// cache or the site at the same time; the second waits.
package final class FileLock {
  private let descriptor: Int32

  /// Takes the lock, waiting for it; `onWait` is called once if another process holds it.
  package init(path: String, onWait: () -> Void = {}) throws(FileOperationError) {
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileOperationError(path: path, reason: "cannot open the lock file") }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      onWait()
      while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }
  }

  deinit { close(descriptor) }
}
