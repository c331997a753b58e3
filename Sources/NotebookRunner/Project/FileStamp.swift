import Foundation

/// A cheap identity for a file: its size and modification time, as `"size@seconds"`.
///
/// Used where reading the contents would cost more than the decision is worth:
/// memoising the compiler's version, watching sources, skipping an unchanged render.
public enum FileStamp {
  /// The stamp of the file at `path` (not following a final symbolic link), or `"missing"`.
  public static func of(_ path: String) -> String {
    of(status: status(path))
  }

  /// The stamp for a status already at hand (from ``status(_:)``).
  static func of(status: (size: Int, modified: Double)?) -> String {
    guard let status else { return "missing" }
    return "\(status.size)@\(status.modified)"
  }

  /// Size and modification time (seconds since 1970) from `lstat`.
  ///
  /// Foundation's `attributesOfItem` also reads `/etc/passwd` and `/etc/group` to name the owner,
  /// on every call; for the hundred files a no-change build looks at, that was a quarter of its time.
  static func status(_ path: String) -> (size: Int, modified: Double)? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return (Int(info.st_size), Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
  }
}
