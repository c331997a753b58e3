import Foundation
import NotebookRunner
import NotebookSite

/// A fingerprint of everything a site render depends on, to skip rendering when nothing changed.
///
/// It covers the renderer itself (this executable), every page's notebook text and
/// result identity, and the site folder's files (name, size, modification time), so
/// an edited or deleted page in `site/` is rendered again.
struct RenderStamp {
  let value: String

  init(pages: [SitePage], siteDirectory: String) {
    var hasher = SHA256()
    hasher.update(Array(Self.executableIdentity().utf8))
    for page in pages {
      let text = (try? Data(contentsOf: URL(fileURLWithPath: page.notebook.path))) ?? Data()
      let result =
        page.result.map { "\($0.codeHash) \($0.labFingerprint) \($0.swiftVersion) \($0.succeeded)" } ?? "none"
      hasher.update(Array("\u{0}\(page.notebook.path)\u{0}\(SHA256.hexBytes(Array(text)))\u{0}\(result)".utf8))
    }
    hasher.update(Array(Self.folderSignature(siteDirectory).utf8))
    value = hasher.finalizeHex()
  }

  /// Whether the stamp stored at `path` equals this one.
  func matches(storedAt path: String) -> Bool {
    (try? String(contentsOfFile: path, encoding: .utf8)) == value
  }

  /// Stores the stamp (after a successful render).
  func store(at path: String, siteDirectory: String, pages: [SitePage]) {
    let refreshed = RenderStamp(pages: pages, siteDirectory: siteDirectory)
    try? FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? Data(refreshed.value.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  private static func executableIdentity() -> String {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return FileStamp.of(executable)
  }

  private static func folderSignature(_ directory: String) -> String {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return "missing" }
    var entries: [String] = []
    while let item = enumerator.nextObject() as? String {
      entries.append("\(item) \(FileStamp.of("\(directory)/\(item)"))")
    }
    return entries.sorted().joined(separator: "\n")
  }
}
