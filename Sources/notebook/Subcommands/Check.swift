import ArgumentParser
import Foundation
import NotebookBuild

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
      try auditDigits(session, paths: try session.notebookPaths(paths, from: FileManager.default.currentDirectoryPath))
    } else {
      try compareWithSite(session)
    }
  }

  private func compareWithSite(_ session: Session) throws {
    let report = try session.siteBuild(notebookCount: session.project.notebookPaths().count)
      .checkAgainstSite(jobs: jobs)
    for diagnostic in report.renderDiagnostics { Console.error(diagnostic.description) }
    for note in report.findings.notes { Console.line("note: \(note)") }
    for difference in report.findings.differences { Console.error(difference) }
    Console.line(report.summary)
    if !report.succeeded { throw ExitCode.failure }
  }

  /// Each notebook on its platform and on a perturbed one, every changed digit reported.
  private func auditDigits(_ session: Session, paths: [String]) throws {
    let build = session.siteBuild(notebookCount: paths.count)
    let platforms: (pinned: String, perturbed: String)
    do { platforms = try build.auditPlatforms() } catch { throw ValidationError(error.description) }
    Console.line("Auditing shown digits: '\(platforms.pinned)' against '\(platforms.perturbed)'")
    let report = try build.auditDigits(paths, jobs: jobs)
    for finding in report.findings { Console.error(finding.description) }
    Console.line(report.summary)
    if !report.succeeded { throw ExitCode.failure }
  }
}
