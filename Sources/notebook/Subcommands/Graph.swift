import ArgumentParser
import Foundation
import NotebookCore
import NotebookRunner

/// `notebook graph`: each cell's dependencies, and why.
struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Show which earlier (or later) cells each cell depends on, and through which names.",
    discussion: """
      One line per cell, at the line of its opening fence: the lines of the cells it depends on, each \
      with the names that link them, or the effect the syntax cannot follow (state outside the \
      program, an extension). Nothing is executed.
      """)

  @Argument(help: "The notebooks to analyse.")
  var paths: [String]

  func run() throws {
    let cwd = FileManager.default.currentDirectoryPath
    let session = try Session.open()
    let builder = NotebookBuilder(project: session.project, toolchain: session.toolchain)
    // Without a readable Package.swift the graph knows only the standard library's value types.
    let plan = try? LibraryBuilder(project: session.project, toolchain: session.toolchain).plan()
    let valueTypes = plan.map { LibraryValueTypes.of($0, project: session.project) } ?? LibraryValueTypes()
    var failed = false
    for path in try session.notebookPaths(paths, from: cwd) {
      let notebook = builder.parse(path)
      for diagnostic in notebook.diagnostics { Console.error(diagnostic.description) }
      failed = failed || notebook.hasErrors
      for line in Self.lines(for: notebook, valueTypes: valueTypes) { Console.line(line) }
    }
    if failed { throw ExitCode(1) }
  }

  /// The report for one notebook: a line per cell.
  static func lines(for notebook: Notebook, valueTypes: LibraryValueTypes = LibraryValueTypes()) -> [String] {
    let graph = CellGraph(notebook: notebook, valueTypes: valueTypes)
    return notebook.cells.map { cell in
      let location = "\(notebook.path):\(cell.fenceLine)"
      guard cell.options.eval else { return "\(location): not run (eval: false)" }
      let dependencies = graph.dependencies(of: cell.index)
      guard !dependencies.isEmpty else { return "\(location): depends on no cell" }
      let described = dependencies.map { "line \(notebook.cells[$0.cell].fenceLine) (\(reasons($0)))" }
      return "\(location): depends on " + described.joined(separator: ", ")
    }
  }

  /// `a, b; extension X`: the names the cell uses and the effects; when it uses none of the names
  /// itself, `through c, d`: those reached through the names it uses.
  private static func reasons(_ dependency: CellGraph.Dependency) -> String {
    var parts: [String] = []
    if !dependency.names.isEmpty {
      parts.append(dependency.names.joined(separator: ", "))
    } else if !dependency.through.isEmpty {
      parts.append("through " + dependency.through.joined(separator: ", "))
    }
    parts += dependency.effects
    return parts.joined(separator: "; ")
  }
}
