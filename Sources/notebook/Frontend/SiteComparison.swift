import Foundation

/// Compares a fresh in-memory render with the files in `site/` and describes each difference.
struct SiteComparison {
  let rendered: [String: Data]
  let siteDirectory: String

  /// One readable paragraph per file that is missing, extra or different.
  func differences() -> [String] {
    var messages: [String] = []
    for path in rendered.keys.sorted() {
      let expected = rendered[path] ?? Data()
      guard let committed = FileManager.default.contents(atPath: "\(siteDirectory)/\(path)") else {
        messages.append("site/\(path): missing (a fresh render creates it)")
        continue
      }
      if committed != expected {
        messages.append("site/\(path): differs from a fresh render\n" + Self.firstDifference(committed, expected))
      }
    }
    for path in existingFiles() where rendered[path] == nil {
      messages.append("site/\(path): not produced by a fresh render (stale file)")
    }
    return messages
  }

  private func existingFiles() -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: siteDirectory) else { return [] }
    var files: [String] = []
    while let item = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: "\(siteDirectory)/\(item)", isDirectory: &isDirectory),
        !isDirectory.boolValue, !(item as NSString).lastPathComponent.hasPrefix(".")
      {
        files.append(item)
      }
    }
    return files
  }

  /// The first differing line with its nearest preceding cell or heading anchor.
  static func firstDifference(_ committed: Data, _ fresh: Data) -> String {
    let old = String(decoding: committed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let new = String(decoding: fresh, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
    let anchor = new[..<min(index + 1, new.count)].reversed().lazy.compactMap(Self.anchor).first
    let changed = zip(old, new).filter { $0 != $1 }.count + abs(old.count - new.count)
    var text = "  at line \(index + 1)\(anchor.map { " (near #\($0))" } ?? ""), \(changed) lines differ\n"
    if index < old.count { text += "  - committed: \(old[index].prefix(200))\n" }
    if index < new.count { text += "  + fresh:     \(new[index].prefix(200))" }
    return text
  }

  private static func anchor(_ line: Substring) -> String? {
    guard let range = line.range(of: "id=\"") else { return nil }
    let rest = line[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }
}
