import ArgumentParser
import Foundation
import NotebookCore
import NotebookRunner

/// `notebook list`: every notebook with its status.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "List notebooks: fresh, stale (code or inputs changed since the last run, or text since its page "
      + "was rendered), failed, or never run.")

  func run() throws {
    let session = try Session.open()
    let builder = NotebookBuilder(project: session.project, toolchain: session.toolchain)
    let cache = ResultCache(directory: session.project.cache.results)
    // Without a readable Package.swift nothing can run: every notebook shows as stale or never run.
    let plan = try? LibraryBuilder(project: session.project, toolchain: session.toolchain).plan()
    let digests = FileDigests(memoPath: nil)
    let rendered = RenderStamp.renderedDigests(
      storedAt: RenderStamp.path(project: session.project, siteDirectory: session.project.siteDirectory))
    for path in session.project.notebookPaths() {
      let notebook = builder.parse(path)
      let fingerprint = plan?.fingerprint(for: notebook) ?? "unavailable"
      let key = builder.cacheKey(for: notebook, libraryFingerprint: fingerprint, digests: digests)
      let status = Self.status(notebook, cache: cache, key: key, renderedDigest: rendered[path])
      Console.line(
        "\(status.padding(toLength: 10, withPad: " ", startingAt: 0)) \(path)  \(notebook.frontMatter.title)")
    }
  }

  /// The status of one notebook; `renderedDigest` is the digest of the text its page in `site/`
  /// was rendered from, when a build recorded one.
  static func status(_ notebook: Notebook, cache: ResultCache, key: String, renderedDigest: String? = nil) -> String {
    guard let stored = cache.anyResult(for: notebook) else { return "never run" }
    if stored.key != key { return "stale" }
    if let renderedDigest, renderedDigest != notebook.sourceDigest { return "stale" }
    return stored.result.succeeded && !notebook.hasErrors ? "fresh" : "failed"
  }
}
