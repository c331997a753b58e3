public import NotebookCore

/// What a site build did: problems found while rendering, files written, and where time went.
public struct SiteBuildReport: Sendable {
  /// Problems found while rendering.
  ///
  /// TeX errors and warnings (at the formula's `notebooks/x.md:LINE:COL`), unsafe figures and
  /// malformed outputs (at the cell's fence line). Errors also fail the page's status.
  public var diagnostics: [Diagnostic]
  /// Paths written, relative to the site directory, in sorted order; unchanged files are not rewritten.
  public var writtenFiles: [String]
  /// Paths removed because their notebooks no longer exist, relative to the site directory.
  public var removedFiles: [String]
  /// Messages for files other than pages (the index, assets) that could not be written; a
  /// page that cannot be written is an error of its notebook in ``diagnostics``.
  public var failedWrites: [String] = []
  /// Seconds spent typesetting math (the one `node` run).
  public var mathSeconds: Double
  /// Seconds spent highlighting code.
  public var highlightSeconds: Double
  /// Seconds spent rendering each notebook's page (HTML and highlighting; math is typeset for all
  /// pages in one batch, counted in ``mathSeconds``), by notebook path.
  public var pageSeconds: [String: Double] = [:]

  /// Creates a report.
  public init(
    diagnostics: [Diagnostic] = [], writtenFiles: [String] = [], removedFiles: [String] = [],
    mathSeconds: Double = 0, highlightSeconds: Double = 0
  ) {
    self.diagnostics = diagnostics
    self.writtenFiles = writtenFiles
    self.removedFiles = removedFiles
    self.mathSeconds = mathSeconds
    self.highlightSeconds = highlightSeconds
  }
}
