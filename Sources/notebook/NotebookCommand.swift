import ArgumentParser

/// The `notebook` command: build, check, preview and author literate Swift notebooks.
@main
struct NotebookCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notebook",
    abstract: "Execute Markdown notebooks with Swift cells and render them as a static site.",
    discussion: """
      Run inside a project (a folder with notebooks/ and Sources/Lab/). Results are cached in
      .notebook-cache/; the site is written to site/.
      """,
    version: "notebook 0.2.0",
    subcommands: [Build.self, Check.self, Preview.self, Graph.self, New.self, List.self, Clean.self],
    defaultSubcommand: Build.self)
}
