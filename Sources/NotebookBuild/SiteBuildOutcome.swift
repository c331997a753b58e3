public import NotebookCore
public import NotebookRunner

/// What one ``SiteBuild`` did: every notebook's outcome, the render's problems and its timings.
public struct SiteBuildOutcome: Sendable {
  /// One outcome per notebook built, in the order asked for.
  public internal(set) var notebooks: [NotebookBuilder.Outcome] = []
  /// Problems found while rendering pages (a TeX error, an unknown cross-reference).
  public internal(set) var siteDiagnostics: [Diagnostic] = []
  /// Site files other than pages (the index, assets) that could not be written.
  public internal(set) var failedWrites: [String] = []
  /// Lines for the author that are not problems (a notebook that gets no page).
  public internal(set) var notes: [String] = []
  /// Seconds rendering the whole site (math, highlighting, pages, index).
  public internal(set) var renderSeconds = 0.0
  /// Seconds typesetting math.
  public internal(set) var mathSeconds = 0.0
  /// Seconds highlighting code.
  public internal(set) var highlightSeconds = 0.0
  /// Seconds rendering each page, by notebook path (empty when the render was skipped).
  public internal(set) var pageSeconds: [String: Double] = [:]
  /// Seconds the whole build took.
  public internal(set) var totalSeconds = 0.0

  /// Whether every notebook succeeded and the site rendered cleanly.
  public var succeeded: Bool {
    notebooks.allSatisfy(succeeded) && !siteDiagnostics.contains { $0.severity == .error } && failedWrites.isEmpty
  }

  /// Whether a notebook ran cleanly and its page rendered without errors (a TeX error fails it).
  public func succeeded(_ outcome: NotebookBuilder.Outcome) -> Bool {
    outcome.succeeded && !siteDiagnostics.contains { $0.severity == .error && $0.file == outcome.notebook.path }
  }

  /// Notebooks reported "ok" as they finished that failed at render time (a TeX error in their page).
  public var failedAtRender: [NotebookBuilder.Outcome] {
    notebooks.filter { $0.succeeded && !succeeded($0) }
  }

  /// The closing line: `9 notebooks: 9 ok, 0 failed, 1 executed, 8 cached (2.10 s)`.
  public var summary: String {
    let failed = notebooks.filter { !succeeded($0) }.count
    let executed = notebooks.filter(\.executed).count
    return "\(notebooks.count) notebooks: \(notebooks.count - failed) ok, \(failed) failed, "
      + "\(executed) executed, \(notebooks.count - executed) cached (\(String(format: "%.2f", totalSeconds)) s)"
  }
}
