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

  @Option(
    help: ArgumentHelp(
      "A shared result cache (HTTP GET/PUT, Bazel remote-cache layout); overrides NOTEBOOK_CACHE_URL and "
        + "notebook.yml's cache-url. An empty value turns it off.", valueName: "url"))
  var cacheURL: String?

  @Option(
    help: ArgumentHelp(
      "Execute only shard K of N (and upload to the shared cache); render nothing.", valueName: "K/N"))
  var shard: String?

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("'--jobs' must be at least 1, got '\(jobs)'") }
    if let shard {
      do { _ = try Shard(parsing: shard) } catch let problem as Shard.Problem {
        throw ValidationError(problem.description)
      }
    }
  }

  func run() throws {
    let cwd = FileManager.default.currentDirectoryPath
    let session = try Session.open()
    let selected = try session.notebookPaths(paths, from: cwd)
    let shared = try SharedCache.open(flag: cacheURL, project: session.project)
    let lock = try session.lockBuilds()
    defer { withExtendedLifetime(lock) {} }
    let siteDirectory = site.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: cwd + "/")).path }
    let wholeProject = paths.isEmpty && shard == nil && !force
    if wholeProject && report == nil && replayedNoChange(session, siteDirectory, selected, shared) { return }
    let started = Date()
    var buildRun = BuildRun(session: session, siteDirectory: siteDirectory)
    buildRun.sharedCache = shared
    let run: BuildRun
    if let shard = try shard.map(Shard.init(parsing:)) {
      let share = SharedCache.share(of: selected, shard: shard, cache: shared)
      run = try buildRun.execute(share, force: force, jobs: jobs, render: false)
    } else {
      run = try buildRun.execute(selected, force: force, jobs: jobs)
      if let shared { SharedCache.recordTimes(of: run.outcomes, project: session.project, cache: shared) }
      if wholeProject {
        NoChangeShortcut.store(
          run: run, started: started, project: session.project, toolchain: session.toolchain,
          siteDirectory: siteDirectory ?? session.project.siteDirectory)
      }
    }
    if let shared { Console.line(SharedCache.summary(shared)) }
    if let report {
      try BuildReport(run: run).write(
        to: URL(fileURLWithPath: report, relativeTo: URL(fileURLWithPath: cwd + "/")).path)
    }
    Console.line(run.summary)
    if !run.succeeded { throw ExitCode.failure }
  }

  /// Prints what the last build printed when nothing changed since (see ``NoChangeShortcut``).
  private func replayedNoChange(
    _ session: Session, _ siteDirectory: String?, _ selected: [String], _ shared: RemoteResultCache?
  ) -> Bool {
    let start = Date()
    guard
      let stored = NoChangeShortcut.replay(
        project: session.project, toolchain: session.toolchain, paths: selected,
        siteDirectory: siteDirectory ?? session.project.siteDirectory)
    else { return false }
    for entry in stored.notebooks {
      for diagnostic in entry.diagnostics { Console.error(diagnostic) }
      Console.line(entry.line)
    }
    if let shared { Console.line(SharedCache.summary(shared)) }
    let count = stored.notebooks.count
    Console.line(
      "\(count) notebooks: \(count) ok, 0 failed, 0 executed, \(count) cached "
        + "(\(String(format: "%.2f", Date().timeIntervalSince(start))) s)")
    return true
  }
}
