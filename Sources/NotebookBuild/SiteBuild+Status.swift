public import NotebookCore
import NotebookRunner

/// Where a notebook stands against its stored result and its page.
public enum NotebookStatus: String, Sendable {
  /// Its stored result is for its code and inputs as they are, passed, and its page shows its text.
  case fresh
  /// Its code or inputs changed since the last run, or its text since its page was rendered.
  case stale
  /// Its stored result is current but failed, or the notebook has errors.
  case failed
  /// No result is stored.
  case neverRun = "never run"
}

extension SiteBuild {
  /// Every notebook of `notebooks/` with its status, in path order.
  public func statuses() -> [(notebook: Notebook, status: NotebookStatus)] {
    let builder = notebookBuilder()
    let cache = ResultCache(directory: project.cache.results)
    // Without a readable Package.swift nothing can run: every notebook shows as stale or never run.
    let plan = try? LibraryBuilder(project: project, toolchain: toolchain).plan()
    let digests = FileDigests(memoPath: nil)
    let rendered = RenderStamp.renderedDigests(storedAt: project.cache.renderStamp(siteDirectory: siteDirectory))
    return project.notebookPaths().map { path in
      let notebook = builder.parse(path)
      let fingerprint = plan?.fingerprint(for: notebook) ?? "unavailable"
      let key = builder.cacheKey(for: notebook, libraryFingerprint: fingerprint, digests: digests)
      return (notebook, Self.status(notebook, cache: cache, key: key, renderedDigest: rendered[path]))
    }
  }

  /// The status of one notebook; `renderedDigest` is the digest of the text its page in the site
  /// was rendered from, when a build recorded one.
  static func status(_ notebook: Notebook, cache: ResultCache, key: String, renderedDigest: String?) -> NotebookStatus {
    guard let stored = cache.anyResult(for: notebook) else { return .neverRun }
    if stored.key != key { return .stale }
    if let renderedDigest, renderedDigest != notebook.sourceDigest { return .stale }
    return stored.result.succeeded && !notebook.hasErrors ? .fresh : .failed
  }
}
