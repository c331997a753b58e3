public import NotebookCore

/// One notebook to put on the site: its parsed source and, when it was executed, its results.
public struct SitePage: Sendable {
  /// The parsed notebook.
  public var notebook: Notebook
  /// The execution results, or `nil` for a notebook that has not run (its page shows code only).
  public var result: NotebookResult?
  /// What identifies `result` across builds (the stamp of the file it is stored in), or `nil`.
  ///
  /// With it, ``SiteBuilder/build(_:)`` keeps a page whose notebook text, result identity and
  /// renderer are those of the page already in the site, instead of rendering it again.
  public var resultIdentity: String?

  /// Creates a page from a notebook and its results.
  public init(notebook: Notebook, result: NotebookResult?) {
    self.notebook = notebook
    self.result = result
  }
}
