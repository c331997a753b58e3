import ArgumentParser
import Foundation
import NotebookRunner

/// `notebook clean`: remove cached results and compiled programs.
struct Clean: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean",
    abstract: "Remove the cache (.notebook-cache/): results, compiled libraries and programs. site/ is kept.")

  func run() throws {
    let session = try Session.open()
    let lock = try session.lockBuilds()
    defer { withExtendedLifetime(lock) {} }
    try session.project.cache.removeAll()
    Console.line("Removed the cache in .notebook-cache/")
  }
}
