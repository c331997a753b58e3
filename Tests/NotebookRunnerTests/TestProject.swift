import Foundation
import NotebookCore

@testable import NotebookRunner

/// The repository this test file lives in, with scratch notebooks written inside it.
enum TestProject {
  static let project: Project = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    return Project(root: root)
  }()

  static let toolchain: Toolchain = {
    do { return try Toolchain.locate() } catch { preconditionFailure("swiftc is needed for these tests: \(error)") }
  }()

  /// Writes notebooks into a fresh folder under the cache; returns their root-relative paths.
  static func write(_ files: [String: String]) throws -> [String: String] {
    let folder = ".notebook-cache/test-notebooks/\(UUID().uuidString.prefix(8))"
    var paths: [String: String] = [:]
    for (name, text) in files {
      let path = "\(folder)/\(name)"
      try FileManager.default.createDirectory(
        atPath: project.path(folder), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: project.path(path)))
      paths[name] = path
    }
    return paths
  }

  /// Builds notebooks with the real runner.
  static func build(
    _ paths: [String], force: Bool = false, limits: ExecutionLimits = ExecutionLimits(),
    machine: Machine = .current, perturbed: Bool = false
  ) throws -> [NotebookBuilder.Outcome] {
    let builder = NotebookBuilder(
      project: project, toolchain: toolchain, limits: limits, machine: machine, perturbed: perturbed)
    return try builder.build(paths, force: force, jobs: 2, progress: NotebookBuilder.Progress())
  }

  /// Builds one notebook from its text.
  static func run(_ text: String, name: String = "t.md", limits: ExecutionLimits = ExecutionLimits()) throws
    -> NotebookBuilder.Outcome
  {
    let paths = try write([name: text])
    guard let path = paths[name], let outcome = try build([path], limits: limits).first else {
      preconditionFailure("no outcome")
    }
    return outcome
  }

  /// All text a cell printed.
  static func text(_ cell: CellResult) -> String {
    cell.outputs.map { if case .text(let text) = $0 { return text } else { return "" } }.joined()
  }

  /// All error messages of a cell.
  static func errors(_ cell: CellResult) -> [String] {
    cell.outputs.compactMap { if case .error(let error) = $0 { return error.description } else { return nil } }
  }
}
