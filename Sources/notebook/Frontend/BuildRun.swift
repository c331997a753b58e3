import Foundation
import NotebookCore
import NotebookRunner
import NotebookSite

/// One build: execute notebooks, render the site, print every problem as `file:line:col`.
struct BuildRun {
  let session: Session
  private(set) var outcomes: [NotebookBuilder.Outcome] = []
  private(set) var siteDiagnostics: [Diagnostic] = []
  /// Site files other than pages (the index, assets) that could not be written.
  private(set) var failedWrites: [String] = []
  private(set) var renderSeconds = 0.0
  private(set) var mathSeconds = 0.0
  private(set) var highlightSeconds = 0.0
  /// Seconds rendering each page, by notebook path (empty when the render was skipped).
  private(set) var pageSeconds: [String: Double] = [:]
  private(set) var totalSeconds = 0.0
  /// The shared result cache, if the build uses one.
  var sharedCache: RemoteResultCache?

  private let siteDirectory: String

  init(session: Session, siteDirectory: String? = nil) {
    self.session = session
    self.siteDirectory = siteDirectory ?? session.project.siteDirectory
  }

  /// Whether every notebook succeeded and the site rendered cleanly.
  var succeeded: Bool {
    outcomes.allSatisfy(succeeded) && !siteDiagnostics.contains { $0.severity == .error } && failedWrites.isEmpty
  }

  /// Whether a notebook ran cleanly and its page rendered without errors (a TeX error fails it).
  func succeeded(_ outcome: NotebookBuilder.Outcome) -> Bool {
    outcome.succeeded && !siteDiagnostics.contains { $0.severity == .error && $0.file == outcome.notebook.path }
  }

  /// The closing line.
  var summary: String {
    let failed = outcomes.filter { !succeeded($0) }.count
    let executed = outcomes.filter(\.executed).count
    return "\(outcomes.count) notebooks: \(outcomes.count - failed) ok, \(failed) failed, "
      + "\(executed) executed, \(outcomes.count - executed) cached (\(String(format: "%.2f", totalSeconds)) s)"
  }

  /// Builds `paths` and renders the whole site (or, with `render` false, only builds them).
  func execute(_ paths: [String], force: Bool, jobs: Int, render: Bool = true) throws -> BuildRun {
    var run = self
    let start = Date()
    var builder = NotebookBuilder(project: session.project, toolchain: session.toolchain)
    builder.remoteCache = sharedCache
    let katex = EarlyKaTeX()
    defer { katex.stop() }
    var progress = ProgressPrinter.progress(total: paths.count)
    let reportStart = progress.executionStarted
    progress.executionStarted = { path in
      katex.start()
      reportStart(path)
    }
    run.outcomes = try builder.build(paths, force: force, jobs: jobs, progress: progress)
    guard render else {
      run.totalSeconds = Date().timeIntervalSince(start)
      return run
    }
    let renderStart = Date()
    let pages = session.sitePages(for: run.outcomes, builder: builder)
    let stampPath = RenderStamp.path(project: session.project, siteDirectory: siteDirectory)
    let stamp = RenderStamp(pages: pages, siteDirectory: siteDirectory)
    if run.outcomes.contains(where: \.executed) || !stamp.matches(storedAt: stampPath) {
      let renderCache = session.project.cache.site
      var siteBuilder = SiteBuilder(siteDirectory: siteDirectory, cacheDirectory: renderCache)
      siteBuilder.katexProcess = katex.process
      let report = try siteBuilder.build(pages)
      run.mathSeconds = report.mathSeconds
      run.highlightSeconds = report.highlightSeconds
      run.pageSeconds = report.pageSeconds
      run.siteDiagnostics = report.diagnostics
      run.failedWrites = report.failedWrites
      if !report.diagnostics.contains(where: { $0.severity == .error }) && report.failedWrites.isEmpty {
        stamp.store(at: stampPath, siteDirectory: siteDirectory, pages: pages)
      }
    }
    if let offSite = try Self.checkOffSite(run.outcomes, sitePages: pages) {
      run.siteDiagnostics += offSite.diagnostics
      run.pageSeconds.merge(offSite.pageSeconds) { first, _ in first }
    }
    run.renderSeconds = Date().timeIntervalSince(renderStart)
    for diagnostic in run.siteDiagnostics where paths.contains(diagnostic.file) {
      Console.error(diagnostic.description)
    }
    for failure in run.failedWrites { Console.error("error: \(failure)") }
    // A notebook reported "ok" as it finished can still fail at render time (a TeX error).
    for outcome in run.outcomes where outcome.succeeded && !run.succeeded(outcome) {
      Console.line("FAILED \(outcome.notebook.path)  its page has errors (listed above)")
    }
    run.totalSeconds = Date().timeIntervalSince(start)
    return run
  }
}

extension BuildRun {
  /// Notebooks outside `notebooks/` get no page, but their pages are still rendered in memory so
  /// that a TeX error in them is reported like anywhere else.
  fileprivate static func checkOffSite(_ outcomes: [NotebookBuilder.Outcome], sitePages: [SitePage]) throws
    -> SiteBuildReport?
  {
    let onSite = Set(sitePages.map(\.notebook.path))
    let offSite = outcomes.filter { !onSite.contains($0.notebook.path) }
    guard !offSite.isEmpty else { return nil }
    for outcome in offSite {
      Console.error("note: '\(outcome.notebook.path)' is not in notebooks/, so it has no page in the site")
    }
    let pages = offSite.map { SitePage(notebook: $0.notebook, result: $0.result) }
    return try SiteBuilder(siteDirectory: "unused").renderWithReport(pages).report
  }
}

/// A KaTeX process started when the first notebook starts executing: a build that executes
/// something renders new results, and loading KaTeX then overlaps the compile.
private final class EarlyKaTeX: @unchecked Sendable {
  private let lock = NSLock()
  private var started: KaTeXProcess?

  var process: KaTeXProcess? { lock.withLock { started } }

  func start() {
    lock.withLock {
      if started == nil { started = KaTeXProcess() }
    }
  }

  func stop() { process?.stop() }
}
