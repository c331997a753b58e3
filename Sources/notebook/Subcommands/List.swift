import ArgumentParser
import Foundation
import NotebookBuild

/// `notebook list`: every notebook with its status.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "List notebooks: fresh, stale (code or inputs changed since the last run, or text since its page "
      + "was rendered), failed, or never run.")

  func run() throws {
    let session = try Session.open()
    let build = SiteBuild(project: session.project, toolchain: session.toolchain)
    for (notebook, status) in build.statuses() {
      Console.line(
        "\(status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(notebook.path)  "
          + notebook.frontMatter.title)
    }
  }
}
