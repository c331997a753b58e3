import ArgumentParser
import Foundation
import NotebookCore
import NotebookRunner

/// The CLI's side of the shared result cache: opening it, sharding by its times, keeping them current.
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

  /// The notebooks of `paths` that `shard` executes, partitioned by the shared cache's times.
  static func share(of paths: [String], shard: Shard, cache: RemoteResultCache?) -> [String] {
    if cache == nil {
      Console.error(
        "note: '--shard' without a shared cache ('--cache-url'): results stay in this machine's .notebook-cache/")
    }
    let times = cache?.executionTimes() ?? [:]
    let selected = shard.select(paths, knownSeconds: times)
    let basis = times.isEmpty ? "by path hash (no stored execution times)" : "balanced by stored execution times"
    Console.line("shard \(shard): \(selected.count) of \(paths.count) notebooks, \(basis)")
    return selected
  }

  /// Stores every built notebook's execution time for the next sharded build, if they changed.
  ///
  /// Only full (unsharded) builds write them, so that the shards of one build, started at
  /// different moments, all read the same times and compute the same partition.
  static func recordTimes(of outcomes: [NotebookBuilder.Outcome], project: Project, cache: RemoteResultCache) {
    guard cache.isAvailable else { return }
    let stored = cache.executionTimes() ?? [:]
    var times = stored
    for outcome in outcomes where outcome.result.platform != nil {
      times[outcome.notebook.path] = outcome.result.compileSeconds + outcome.result.runSeconds
    }
    let current = Set(project.notebookPaths())
    times = times.filter { current.contains($0.key) }
    if times != stored { cache.storeExecutionTimes(times) }
  }

  /// `shared cache http://…: 3 fetched, 2 uploaded`
  static func summary(_ cache: RemoteResultCache) -> String {
    let counts = cache.counts
    let state = cache.isAvailable ? "" : " (unavailable)"
    return "shared cache \(cache.displayURL)\(state): \(counts.hits) fetched, \(counts.uploads) uploaded"
  }
}
