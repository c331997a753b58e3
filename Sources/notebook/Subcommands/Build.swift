import ArgumentParser
import Foundation
import NotebookCore
import NotebookRunner
import NotebookSite

/// `notebook build`: execute what changed and render the site.
struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Execute notebooks whose code or inputs changed, then render site/.")

  @Argument(help: "Notebooks to build (default: every notebooks/*.md).")
  var paths: [String] = []

  @Flag(help: "Execute even when a cached result exists.")
  var force = false

  @Option(help: "How many notebooks execute at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Write a JSON report of the build to this file.")
  var report: String?

  @Option(help: "The folder to render the site into (default: site/ in the project).")
  var site: String?

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("'--jobs' must be at least 1, got '\(jobs)'") }
  }

  func run() throws {
    let cwd = FileManager.default.currentDirectoryPath
    let session = try Session.open()
    let selected = try session.notebookPaths(paths, from: cwd)
    let lock = try session.lockBuilds()
    defer { withExtendedLifetime(lock) {} }
    let siteDirectory = site.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: cwd + "/")).path }
    let run = try BuildRun(session: session, siteDirectory: siteDirectory).execute(selected, force: force, jobs: jobs)
    if let report {
      try BuildReport(run: run).write(
        to: URL(fileURLWithPath: report, relativeTo: URL(fileURLWithPath: cwd + "/")).path)
    }
    Console.line(run.summary)
    if !run.succeeded { throw ExitCode.failure }
  }
}
