import Foundation
import NotebookRunner
import NotebookSite
import NotebookSupport

/// A fingerprint of everything a site render depends on, to skip rendering when nothing changed.
///
/// It covers the renderer itself (this executable), every page's notebook text and
/// result identity, and the site folder's files (name, size, modification time), so
/// an edited or deleted page in `site/` is rendered again. The text is the one the page was
/// rendered from (``NotebookCore/Notebook/sourceDigest``, the bytes parsed), never the file as
/// it is later: an edit saved while a build runs makes the stored stamp stale, so the next
/// build renders the page again.
struct RenderStamp {
  let value: String
  /// The digest of the text each page was rendered from, by notebook path.
  let digests: [String: String]

  init(pages: [SitePage], siteDirectory: String) {
    var hasher = SHA256()
    hasher.update(Array(Self.executableIdentity().utf8))
    var digests: [String: String] = [:]
    for page in pages {
      let digest = page.notebook.sourceDigest ?? "unread"
      digests[page.notebook.path] = digest
      let result =
        page.result.map { "\($0.codeHash) \($0.labFingerprint) \($0.swiftVersion) \($0.succeeded)" } ?? "none"
      hasher.update(Array("\u{0}\(page.notebook.path)\u{0}\(digest)\u{0}\(result)".utf8))
    }
    hasher.update(Array(Self.folderSignature(siteDirectory).utf8))
    value = hasher.finalizeHex()
    self.digests = digests
  }

  /// Whether the stamp stored at `path` equals this one.
  func matches(storedAt path: String) -> Bool {
    Self.load(path).first.map(String.init) == value
  }

  /// Stores the stamp (after a successful render), with the site folder as the render left it.
  func store(at path: String, siteDirectory: String, pages: [SitePage]) {
    let refreshed = RenderStamp(pages: pages, siteDirectory: siteDirectory)
    let lines = [refreshed.value] + refreshed.digests.sorted { $0.key < $1.key }.map { "\($1)\t\($0)" }
    try? writeAtomically(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
  }

  /// The digests of the texts the last stored render showed, by notebook path (empty when none).
  static func renderedDigests(storedAt path: String) -> [String: String] {
    var digests: [String: String] = [:]
    for line in load(path).dropFirst() {
      let fields = line.split(separator: "\t", maxSplits: 1)
      if fields.count == 2 { digests[String(fields[1])] = String(fields[0]) }
    }
    return digests
  }

  private static func load(_ path: String) -> [Substring] {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n")
  }

  static func executableIdentity() -> String {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return FileStamp.of(executable)
  }

  static func folderSignature(_ directory: String) -> String {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return "missing" }
    var entries: [String] = []
    while let item = enumerator.nextObject() as? String {
      entries.append("\(item) \(FileStamp.of("\(directory)/\(item)"))")
    }
    return entries.sorted().joined(separator: "\n")
  }
}
