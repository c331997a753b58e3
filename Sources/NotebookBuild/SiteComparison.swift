import Foundation
import NotebookCore
import NotebookSite

/// Compares a fresh in-memory render with the files in `site/` and describes each difference.
///
/// A notebook page made on another numerical platform is compared with tolerance
/// (``PageComparison``); every other file byte for byte.
public struct SiteComparison: Sendable {
  let rendered: [String: Data]
  let siteDirectory: String
  /// The notebook of each page, by its file name in the site (`rnn-gradients.html`).
  let notebooks: [String: Notebook]

  /// What the comparison found.
  public struct Findings: Sendable {
    /// One readable paragraph per file that is missing, extra or different.
    public internal(set) var differences: [String] = []
    /// One line per page from another platform that agreed within tolerance.
    public internal(set) var notes: [String] = []
  }

  /// Compares every file.
  func findings() -> Findings {
    var findings = Findings()
    for path in rendered.keys.sorted() {
      let expected = rendered[path] ?? Data()
      guard let committed = FileManager.default.contents(atPath: "\(siteDirectory)/\(path)") else {
        findings.differences.append("site/\(path): missing (a fresh render creates it)")
        continue
      }
      guard committed != expected else { continue }
      compare(path, committed: committed, fresh: expected, into: &findings)
    }
    for path in existingFiles() where rendered[path] == nil {
      findings.differences.append("site/\(path): not produced by a fresh render (stale file)")
    }
    return findings
  }

  private func compare(_ path: String, committed: Data, fresh: Data, into findings: inout Findings) {
    let bytesDiffer = "site/\(path): differs from a fresh render\n" + Self.firstDifference(committed, fresh)
    guard let notebook = notebooks[path] else { return findings.differences.append(bytesDiffer) }
    let old = String(decoding: committed, as: UTF8.self)
    let new = String(decoding: fresh, as: UTF8.self)
    let platforms =
      "recorded on '\(PageComparison.platform(ofPage: old) ?? "?")', "
      + "now '\(PageComparison.platform(ofPage: new) ?? "?")'"
    switch PageComparison(notebook: notebook).compare(committed: old, fresh: new) {
    case .identical: break
    case .bytesDiffer: findings.differences.append(bytesDiffer)
    case .agrees(0, _, _):
      findings.notes.append("site/\(path): \(platforms): the same but for the platform")
    case .agrees(let numbers, let largest, let lines):
      let at = lines.map { "\(notebook.path):\($0)" }.joined(separator: ", ")
      findings.notes.append(
        "site/\(path): \(platforms): agrees within tolerance; \(numbers) numbers differ, "
          + "at most \(Self.format(largest)) relative\(at.isEmpty ? "" : ", at \(at)")")
    case .differs(let line, let difference):
      let location = "\(notebook.path):\(line ?? 1)"
      findings.differences.append(
        "\(location): site/\(path) differs beyond tolerance (\(platforms)): \(Self.describe(difference))")
    }
  }

  private static func describe(_ difference: NumericComparison.Difference) -> String {
    switch difference {
    case .number(let old, let new): return "'\(old)' changes to '\(new)'"
    case .text(let old, let new): return "text '\(old)' changes to '\(new)'"
    }
  }

  private static func format(_ value: Double) -> String { String(format: "%.1e", value) }

  private func existingFiles() -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: siteDirectory) else { return [] }
    var files: [String] = []
    while let item = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: "\(siteDirectory)/\(item)", isDirectory: &isDirectory),
        !isDirectory.boolValue, !(item as NSString).lastPathComponent.hasPrefix("."),
        // Pagefind makes the search index from the pages after the build; `scripts/search-index --check`
        // compares it with a fresh one, so here it is neither produced nor stale.
        !item.hasPrefix(SiteBuilder.searchIndexFolder + "/")
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
