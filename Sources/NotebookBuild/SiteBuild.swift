import Foundation
import NotebookCore
public import NotebookRunner
import NotebookSite

/// The build of a project: the one pipeline from notebook sources to the written site.
///
/// ``run(_:force:jobs:render:)`` reads top-down: execute what changed (``NotebookBuilder``), gather a page for
/// every notebook, render them when anything they show changed (``RenderStamp``), and render the pages of
/// notebooks outside `notebooks/` in memory so that their errors are reported too. `notebook build`,
/// `check`, `list` and `preview` are thin commands over it.
public struct SiteBuild: Sendable {
  /// The project built.
  public let project: Project
  /// The compiler that builds the programs.
  public let toolchain: Toolchain
  /// Where the site is written.
  public let siteDirectory: String
  /// A shared result cache, consulted on local misses and given every successful execution.
  public var sharedCache: RemoteResultCache?
  /// Receives each notebook's progress while it builds.
  public var progress = NotebookBuilder.Progress()

  /// A build of `project` that writes its site to `siteDirectory` (default: the project's `site/`).
  public init(project: Project, toolchain: Toolchain, siteDirectory: String? = nil) {
    self.project = project
    self.toolchain = toolchain
    self.siteDirectory = siteDirectory ?? project.siteDirectory
  }

  /// Builds the notebooks at `paths` and renders the whole site (or, with `render` false, only builds them).
  ///
  /// - Parameters:
  ///   - force: Execute every notebook even when its result is cached.
  ///   - jobs: How many notebooks execute at once.
  public func run(_ paths: [String], force: Bool, jobs: Int, render: Bool = true) throws -> SiteBuildOutcome {
    let start = Date()
    let katex = EarlyKaTeX()
    defer { katex.stop() }
    let builder = notebookBuilder()
    var outcome = SiteBuildOutcome()
    outcome.notebooks = try builder.build(paths, force: force, jobs: jobs, progress: startingKaTeX(katex))
    if render {
      let renderStart = Date()
      let pages = sitePages(for: outcome.notebooks, builder: builder)
      try renderIfChanged(pages, katex: katex.process, into: &outcome)
      try renderOffSite(outcome.notebooks, sitePages: pages, into: &outcome)
      outcome.renderSeconds = Date().timeIntervalSince(renderStart)
    }
    outcome.totalSeconds = Date().timeIntervalSince(start)
    return outcome
  }

  func notebookBuilder(perturbed: Bool = false) -> NotebookBuilder {
    var builder = NotebookBuilder(project: project, toolchain: toolchain, perturbed: perturbed)
    builder.remoteCache = perturbed ? nil : sharedCache
    return builder
  }

  /// The progress receiver, which also starts KaTeX when the first notebook starts executing: a build that
  /// executes something renders new results, and loading KaTeX then overlaps the compile.
  private func startingKaTeX(_ katex: EarlyKaTeX) -> NotebookBuilder.Progress {
    var progress = progress
    let reportStart = progress.executionStarted
    progress.executionStarted = { path in
      katex.start()
      reportStart(path)
    }
    return progress
  }

  /// Renders `pages` into the site unless the stored ``RenderStamp`` says the site already shows them.
  private func renderIfChanged(
    _ pages: [SitePage], katex: KaTeXProcess?, into outcome: inout SiteBuildOutcome
  ) throws {
    let stampPath = project.cache.renderStamp(siteDirectory: siteDirectory)
    let stamp = RenderStamp(pages: pages, siteDirectory: siteDirectory)
    guard outcome.notebooks.contains(where: \.executed) || !stamp.matches(storedAt: stampPath) else { return }
    var siteBuilder = SiteBuilder(siteDirectory: siteDirectory, cacheDirectory: project.cache.site)
    siteBuilder.katexProcess = katex
    let report = try siteBuilder.build(pages)
    outcome.mathSeconds = report.mathSeconds
    outcome.highlightSeconds = report.highlightSeconds
    outcome.pageSeconds = report.pageSeconds
    outcome.siteDiagnostics = report.diagnostics
    outcome.failedWrites = report.failedWrites
    if !report.diagnostics.contains(where: { $0.severity == .error }) && report.failedWrites.isEmpty {
      stamp.store(at: stampPath, siteDirectory: siteDirectory, pages: pages)
    }
  }

  /// Notebooks outside `notebooks/` get no page, but their pages are still rendered in memory so
  /// that a TeX error in them is reported like anywhere else.
  private func renderOffSite(
    _ outcomes: [NotebookBuilder.Outcome], sitePages: [SitePage], into outcome: inout SiteBuildOutcome
  ) throws {
    let onSite = Set(sitePages.map(\.notebook.path))
    let offSite = outcomes.filter { !onSite.contains($0.notebook.path) }
    guard !offSite.isEmpty else { return }
    outcome.notes += offSite.map { "note: '\($0.notebook.path)' is not in notebooks/, so it has no page in the site" }
    let pages = offSite.map { SitePage(notebook: $0.notebook, result: $0.result) }
    let report = try SiteBuilder(siteDirectory: "unused").renderWithReport(pages).report
    outcome.siteDiagnostics += report.diagnostics
    outcome.pageSeconds.merge(report.pageSeconds) { first, _ in first }
  }
}

/// A KaTeX process started when the first notebook starts executing.
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
