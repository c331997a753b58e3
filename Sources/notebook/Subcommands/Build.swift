import ArgumentParser
import Foundation
import NotebookBuild
import NotebookRunner

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
    var build = session.siteBuild(siteDirectory: siteDirectory, notebookCount: selected.count)
    build.sharedCache = shared
    let wholeProject = paths.isEmpty && shard == nil && !force
    if wholeProject && report == nil && replayedNoChange(build, selected) { return }
    let started = Date()
    let outcome: SiteBuildOutcome
    if let shard = try shard.map(Shard.init(parsing:)) {
      outcome = try build.run(share(of: selected, shard: shard, build: build), force: force, jobs: jobs, render: false)
    } else {
      outcome = try build.run(selected, force: force, jobs: jobs)
      BuildPrinter.printProblems(of: outcome, asked: selected)
      build.recordExecutionTimes(of: outcome.notebooks)
      if wholeProject { build.recordUnchanged(outcome, started: started) }
    }
    if let shared = build.sharedCache { Console.line(SharedCache.summary(shared)) }
    if let report {
      try BuildReport(outcome).write(
        to: URL(fileURLWithPath: report, relativeTo: URL(fileURLWithPath: cwd + "/")).path)
    }
    Console.line(outcome.summary)
    if !outcome.succeeded { throw ExitCode.failure }
  }

  /// The notebooks of `selected` this shard executes, with a line saying how they were chosen.
  private func share(of selected: [String], shard: Shard, build: SiteBuild) -> [String] {
    if build.sharedCache == nil {
      Console.error(
        "note: '--shard' without a shared cache ('--cache-url'): results stay in this machine's .notebook-cache/")
    }
    let share = build.share(of: selected, shard: shard)
    Console.line("shard \(shard): \(share.paths.count) of \(selected.count) notebooks, \(share.basis)")
    return share.paths
  }

  /// Prints what the last build printed when nothing changed since (see ``NoChangeRecord``).
  private func replayedNoChange(_ build: SiteBuild, _ selected: [String]) -> Bool {
    let start = Date()
    guard let stored = build.unchangedSinceLastBuild(selected) else { return false }
    for entry in stored.notebooks {
      for diagnostic in entry.diagnostics { Console.error(diagnostic) }
      Console.line(entry.line)
    }
    if let shared = build.sharedCache { Console.line(SharedCache.summary(shared)) }
    let count = stored.notebooks.count
    Console.line(
      "\(count) notebooks: \(count) ok, 0 failed, 0 executed, \(count) cached "
        + "(\(String(format: "%.2f", Date().timeIntervalSince(start))) s)")
    return true
  }
}
