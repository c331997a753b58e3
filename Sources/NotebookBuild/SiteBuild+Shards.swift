public import NotebookRunner

/// The notebooks one shard of a build executes, and how they were chosen.
public struct ShardShare: Sendable {
  /// The notebooks this shard executes.
  public var paths: [String]
  /// `balanced by stored execution times`, or `by path hash (no stored execution times)`.
  public var basis: String
}

extension SiteBuild {
  /// The notebooks of `paths` that `shard` executes, partitioned by the shared cache's stored times.
  public func share(of paths: [String], shard: Shard) -> ShardShare {
    let times = sharedCache?.executionTimes() ?? [:]
    let selected = shard.select(paths, knownSeconds: times)
    let basis = times.isEmpty ? "by path hash (no stored execution times)" : "balanced by stored execution times"
    return ShardShare(paths: selected, basis: basis)
  }

  /// Stores every built notebook's execution time in the shared cache for the next sharded build, if they
  /// changed.
  ///
  /// Only full (unsharded) builds write them, so that the shards of one build, started at
  /// different moments, all read the same times and compute the same partition.
  public func recordExecutionTimes(of outcomes: [NotebookBuilder.Outcome]) {
    guard let cache = sharedCache, cache.isAvailable else { return }
    let stored = cache.executionTimes() ?? [:]
    var times = stored
    for outcome in outcomes where outcome.result.platform != nil {
      times[outcome.notebook.path] = outcome.result.compileSeconds + outcome.result.runSeconds
    }
    let current = Set(project.notebookPaths())
    times = times.filter { current.contains($0.key) }
    if times != stored { cache.storeExecutionTimes(times) }
  }
}
