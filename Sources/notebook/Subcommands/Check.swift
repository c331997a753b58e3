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
    discussion: "site/ is not modified. Rebuild it with 'notebook build' (or 'make site') and commit it.")

  @Option(help: "How many notebooks execute at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func run() throws {
    let session = try Session.open()
    let lock = try session.lockBuilds()
    defer { withExtendedLifetime(lock) {} }
    let builder = NotebookBuilder(project: session.project, toolchain: session.toolchain)
    let outcomes = try builder.build(
      session.project.notebookPaths(), force: true, jobs: jobs,
      progress: ProgressPrinter.progress(total: session.project.notebookPaths().count))
    let pages = session.sitePages(for: outcomes, builder: builder)
    let rendered = try SiteBuilder(siteDirectory: session.project.siteDirectory).renderWithReport(pages)
    for diagnostic in rendered.report.diagnostics { Console.error(diagnostic.description) }
    let differences = SiteComparison(rendered: rendered.files, siteDirectory: session.project.siteDirectory)
      .differences()
    for difference in differences { Console.error(difference) }
    let failed = outcomes.filter { !$0.succeeded }.count
    Console.line(
      "check: \(outcomes.count) notebooks executed, \(failed) failed; "
        + "\(rendered.files.count) site files compared, \(differences.count) differ")
    if failed > 0 || !differences.isEmpty || rendered.report.diagnostics.contains(where: { $0.severity == .error }) {
      throw ExitCode.failure
    }
  }
}
