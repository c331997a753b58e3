import ArgumentParser
import Foundation
import NotebookCore
import NotebookRunner

/// `notebook list`: every notebook with its status.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List notebooks: fresh, stale (code or inputs changed since the last run), failed, or never run.")

  func run() throws {
    let session = try Session.open()
    let builder = NotebookBuilder(project: session.project, toolchain: session.toolchain)
    let cache = ResultCache(directory: "\(session.project.cacheDirectory)/results")
    let fingerprint = LibraryBuilder(project: session.project, toolchain: session.toolchain).fingerprint()
    let digests = FileDigests(memoPath: nil)
    for path in session.project.notebookPaths() {
      let notebook = try builder.parse(path)
      let key = builder.cacheKey(for: notebook, libraryFingerprint: fingerprint, digests: digests)
      Console.line(
        "\(Self.status(notebook, cache: cache, key: key).padding(toLength: 10, withPad: " ", startingAt: 0)) \(path)  \(notebook.frontMatter.title)"
      )
    }
  }

  static func status(_ notebook: Notebook, cache: ResultCache, key: String) -> String {
    guard let stored = cache.anyResult(for: notebook) else { return "never run" }
    if stored.key != key { return "stale" }
    return stored.result.succeeded && !notebook.hasErrors ? "fresh" : "failed"
  }
}
