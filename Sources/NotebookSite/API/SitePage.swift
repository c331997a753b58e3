public import NotebookCore

/// One notebook to put on the site: its parsed source and, when it was executed, its results.
public struct SitePage: Sendable {
  /// The parsed notebook.
  public var notebook: Notebook
  /// The execution results, or `nil` for a notebook that has not run (its page shows code only).
  public var result: NotebookResult?

  /// Creates a page from a notebook and its results.
  public init(notebook: Notebook, result: NotebookResult?) {
    self.notebook = notebook
    self.result = result
  }
}
