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
    let cache = session.project.cacheDirectory
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
    for entry in entries where entry != "build.lock" {
      try FileManager.default.removeItem(atPath: "\(cache)/\(entry)")
    }
    Console.line("Removed the cache in .notebook-cache/")
  }
}
