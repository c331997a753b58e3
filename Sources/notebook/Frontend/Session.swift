import ArgumentParser
import Foundation
import NotebookBuild
import NotebookRunner
import NotebookSupport

/// The shared work of the subcommands: find the project, build notebooks, render the site.
struct Session {
  let project: Project
  let toolchain: Toolchain

  /// Finds the project around the working directory and makes its root the working directory.
  static func open() throws -> Session {
    let cwd = FileManager.default.currentDirectoryPath
    guard let project = Project.find(from: cwd) else {
      throw ValidationError("Not inside a notebook project: no folder above '\(cwd)' has notebooks/ and Sources/Lab/")
    }
    guard FileManager.default.changeCurrentDirectoryPath(project.root) else {
      throw ValidationError("Cannot enter the project folder '\(project.root)'")
    }
    return Session(project: project, toolchain: try Toolchain.locate(cacheDirectory: project.cacheDirectory))
  }

  /// Root-relative notebook paths for command-line arguments (all notebooks when empty).
  func notebookPaths(_ arguments: [String], from cwd: String) throws -> [String] {
    if arguments.isEmpty { return project.notebookPaths() }
    return try arguments.map { argument in
      let absolute = URL(fileURLWithPath: argument, relativeTo: URL(fileURLWithPath: cwd + "/")).standardizedFileURL
        .path
      guard FileManager.default.fileExists(atPath: absolute) else {
        throw ValidationError("No such notebook: '\(argument)'")
      }
      let rootPrefix = project.root.hasSuffix("/") ? project.root : project.root + "/"
      guard absolute.hasPrefix(rootPrefix) else {
        throw ValidationError("'\(argument)' is outside the project '\(project.root)'")
      }
      return String(absolute.dropFirst(rootPrefix.count))
    }
  }

  /// Takes the build lock, telling the user if another build holds it.
  func lockBuilds() throws -> AnyObject {
    try FileManager.default.createDirectory(atPath: project.cacheDirectory, withIntermediateDirectories: true)
    return try FileLock(path: project.cache.buildLock) {
      Console.status("Waiting for another build of this project to finish…")
    }
  }

  /// The project's build, reporting progress on the terminal.
  func siteBuild(siteDirectory: String? = nil, notebookCount: Int) -> SiteBuild {
    var build = SiteBuild(project: project, toolchain: toolchain, siteDirectory: siteDirectory)
    build.progress = ProgressPrinter.progress(total: notebookCount)
    return build
  }
}
