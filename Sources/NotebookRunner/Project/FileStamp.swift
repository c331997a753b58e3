import Foundation

/// A cheap identity for a file: its size and modification time, as `"size@seconds"`.
///
/// Used where reading the contents would cost more than the decision is worth:
/// memoising the compiler's version, watching sources, skipping an unchanged render.
public enum FileStamp {
  /// The stamp of the file at `path` (not following a final symbolic link), or `"missing"`.
  public static func of(_ path: String) -> String {
    of(attributes: try? FileManager.default.attributesOfItem(atPath: path))
  }

  /// The stamp for attributes already at hand (for example from a directory enumerator).
  public static func of(attributes: [FileAttributeKey: Any]?) -> String {
    guard let attributes else { return "missing" }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(size)@\(modified)"
  }
}
