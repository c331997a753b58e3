import ArgumentParser
import Foundation
import NotebookRunner

/// The command line's side of the shared result cache: opening it from the flag, and its summary line.
enum SharedCache {
  /// The shared cache the build should use, or `nil` when none is set.
  static func open(flag: String?, project: Project) throws -> RemoteResultCache? {
    let settings: RemoteCacheSettings?
    do {
      settings = try RemoteCacheSettings.resolve(
        flag: flag, environment: ProcessInfo.processInfo.environment,
        projectFile: project.path(ProjectSettingsFile.name))
    } catch let problem as RemoteCacheSettings.Problem {
      throw ValidationError(problem.description)
    }
    return settings.map { RemoteResultCache(settings: $0, warn: { Console.error($0) }) }
  }

  /// The summary line: `shared cache http://…: 3 fetched, 2 uploaded`.
  static func summary(_ cache: RemoteResultCache) -> String {
    let counts = cache.counts
    let state = cache.isAvailable ? "" : " (unavailable)"
    return "shared cache \(cache.displayURL)\(state): \(counts.hits) fetched, \(counts.uploads) uploaded"
  }
}
