import ArgumentParser
import Foundation
import NotebookCore
import NotebookRunner
import NotebookSite

/// `notebook check`: execute everything afresh and compare with the committed site.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Execute every notebook afresh; fail on any failed cell or check, or any difference from site/.",
    discussion: """
      site/ is not modified. Rebuild it with 'notebook build' (or 'make site') and commit it.
      A page made on another numerical platform is compared with tolerance: words exactly, numbers \
      within the notebook's tolerance (default 1e-9 relative, or one unit in the last digit shown).
      With --perturb, the notebooks run again on a deliberately different platform instead, and \
      every shown number whose digits change is reported at the line of the cell that printed it.
      """)

  @Option(help: "How many notebooks execute at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Audit shown digits: re-execute on another numerical platform and flag every number that changes.")
  var perturb = false

  @Argument(help: "With --perturb: the notebooks to audit (default: all).")
  var paths: [String] = []

  func validate() throws {
    if !perturb, !paths.isEmpty { throw ValidationError("Notebook paths are taken only with --perturb") }
  }

  func run() throws {
    let session = try Session.open()
    let lock = try session.lockBuilds()
    defer { withExtendedLifetime(lock) {} }
    if perturb {
      try DigitAuditRun(session: session, jobs: jobs).run(
        paths: try session.notebookPaths(paths, from: FileManager.default.currentDirectoryPath))
    } else {
      try compareWithSite(session)
    }
  }

  private func compareWithSite(_ session: Session) throws {
    let builder = NotebookBuilder(project: session.project, toolchain: session.toolchain)
    let outcomes = try builder.build(
      session.project.notebookPaths(), force: true, jobs: jobs,
      progress: ProgressPrinter.progress(total: session.project.notebookPaths().count))
    let pages = session.sitePages(for: outcomes, builder: builder)
    let rendered = try SiteBuilder(siteDirectory: session.project.siteDirectory).renderWithReport(pages)
    for diagnostic in rendered.report.diagnostics { Console.error(diagnostic.description) }
    let notebooks = Dictionary(pages.map { ($0.notebook.slug + ".html", $0.notebook) }) { first, _ in first }
    let findings = SiteComparison(
      rendered: rendered.files, siteDirectory: session.project.siteDirectory, notebooks: notebooks
    ).findings()
    for note in findings.notes { Console.line("note: \(note)") }
    for difference in findings.differences { Console.error(difference) }
    let failed = outcomes.filter { !$0.succeeded }.count
    Console.line(
      "check: \(outcomes.count) notebooks executed, \(failed) failed; "
        + "\(rendered.files.count) site files compared, \(findings.differences.count) differ"
        + (findings.notes.isEmpty ? "" : ", \(findings.notes.count) agree within tolerance"))
    let renderFailed = rendered.report.diagnostics.contains { $0.severity == .error }
    if failed > 0 || !findings.differences.isEmpty || renderFailed { throw ExitCode.failure }
  }
}
