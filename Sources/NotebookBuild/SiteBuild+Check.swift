public import NotebookCore
public import NotebookRunner
import NotebookSite

/// What `notebook check` found: a fresh execution of every notebook, rendered in memory and compared
/// with the committed site.
public struct SiteCheckReport: Sendable {
  /// Every notebook's fresh outcome.
  public var notebooks: [NotebookBuilder.Outcome]
  /// Problems found rendering the pages.
  public var renderDiagnostics: [Diagnostic]
  /// How many site files the fresh render produced.
  public var filesCompared: Int
  /// Differences from the committed site, and pages from another platform that agree within tolerance.
  public var findings: SiteComparison.Findings

  /// How many notebooks failed to run or pass their checks.
  public var failedNotebooks: Int { notebooks.filter { !$0.succeeded }.count }

  /// Whether everything ran, rendered and matched.
  public var succeeded: Bool {
    failedNotebooks == 0 && findings.differences.isEmpty && !renderDiagnostics.contains { $0.severity == .error }
  }

  /// The closing line.
  public var summary: String {
    "check: \(notebooks.count) notebooks executed, \(failedNotebooks) failed; "
      + "\(filesCompared) site files compared, \(findings.differences.count) differ"
      + (findings.notes.isEmpty ? "" : ", \(findings.notes.count) agree within tolerance")
  }
}

extension SiteBuild {
  /// Executes every notebook afresh, renders the site in memory and compares it with the committed one;
  /// writes nothing to the site.
  public func checkAgainstSite(jobs: Int) throws -> SiteCheckReport {
    let builder = notebookBuilder()
    let paths = project.notebookPaths()
    let outcomes = try builder.build(paths, force: true, jobs: jobs, progress: progress)
    let pages = sitePages(for: outcomes, builder: builder)
    let rendered = try SiteBuilder(siteDirectory: siteDirectory).renderWithReport(pages)
    let notebooks = Dictionary(pages.map { ($0.notebook.slug + ".html", $0.notebook) }) { first, _ in first }
    let findings = SiteComparison(rendered: rendered.files, siteDirectory: siteDirectory, notebooks: notebooks)
      .findings()
    return SiteCheckReport(
      notebooks: outcomes, renderDiagnostics: rendered.report.diagnostics, filesCompared: rendered.files.count,
      findings: findings)
  }
}
