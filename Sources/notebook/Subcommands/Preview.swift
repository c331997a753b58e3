import ArgumentParser
import Foundation

/// `notebook preview`: serve the site locally and rebuild it when sources change.
struct Preview: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "preview",
    abstract: "Serve site/ on 127.0.0.1, rebuild on change (prose edits execute nothing), reload the page.")

  @Option(help: "The port to listen on.")
  var port: UInt16 = 8000

  @Flag(help: "Serve without watching for changes.")
  var noWatch = false

  @Flag(help: "Print a line for each request (method, path, status).")
  var verbose = false

  func run() async throws {
    let session = try Session.open()
    let state = PreviewState()
    if !noWatch {
      let watcher = SourceWatcher(project: session.project, toolchain: session.toolchain)
      Thread.detachNewThread {
        watcher.watch {
          Console.line("Change detected: rebuilding…")
          do {
            let lock = try session.lockBuilds()
            defer { withExtendedLifetime(lock) {} }
            let paths = session.project.notebookPaths()
            let outcome = try session.siteBuild(notebookCount: paths.count).run(paths, force: false, jobs: 2)
            BuildPrinter.printProblems(of: outcome, asked: paths)
            Console.line(outcome.summary)
          } catch {
            Console.error("Rebuild failed: \(error)")
          }
          state.bump()
        }
      }
    }
    let server = PreviewServer(
      siteDirectory: session.project.siteDirectory, port: port, state: state, isVerbose: verbose)
    try await server.run()
  }
}
