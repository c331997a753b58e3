import Testing

@testable import NotebookRunner

@Suite struct ShardTests {
  private static let paths = (1...23).map { "notebooks/n\($0).md" }

  private static func covers(_ paths: [String], count: Int, times: [String: Double]) -> Bool {
    let shares = (1...count).map { Shard(index: $0, count: count).select(paths, knownSeconds: times) }
    let all = shares.flatMap { $0 }
    return all.count == paths.count && Set(all) == Set(paths)
  }

  @Test(arguments: 1...7) func everyNotebookIsInExactlyOneShard(count: Int) {
    #expect(Self.covers(Self.paths, count: count, times: [:]))
    let someTimes = Dictionary(uniqueKeysWithValues: Self.paths.prefix(9).enumerated().map { ($1, Double($0) + 0.5) })
    #expect(Self.covers(Self.paths, count: count, times: someTimes))
    let allTimes = Dictionary(uniqueKeysWithValues: Self.paths.map { ($0, Double($0.count % 5) * 3) })
    #expect(Self.covers(Self.paths, count: count, times: allTimes))
  }

  @Test func thePartitionIgnoresTheOrderPathsAreGivenIn() {
    let times = ["notebooks/n1.md": 9.0, "notebooks/n2.md": 4.0]
    let forward = Shard.assign(Self.paths, count: 3, knownSeconds: times)
    let backward = Shard.assign(Self.paths.reversed(), count: 3, knownSeconds: times)
    #expect(forward == backward)
  }

  @Test func knownTimesAreBalancedLongestFirst() {
    let times = ["a": 10.0, "b": 6.0, "c": 5.0, "d": 4.0, "e": 1.0]
    let assignment = Shard.assign(Array(times.keys), count: 2, knownSeconds: times)
    // Greedy: a→1 (10), b→2 (6), c→2 (11), d→1 (14), e→2 (12).
    #expect(assignment == ["a": 1, "b": 2, "c": 2, "d": 1, "e": 2])
  }

  @Test func withoutTimesAddingANotebookMovesNoOther() {
    let before = Shard.assign(Self.paths, count: 4, knownSeconds: [:])
    let after = Shard.assign(Self.paths + ["notebooks/new.md"], count: 4, knownSeconds: [:])
    #expect(before.allSatisfy { after[$0.key] == $0.value })
  }

  @Test(arguments: ["0/3", "4/3", "x/y", "1/0", "3", "1/2/3", "", "-1/2", " 1/2"])
  func badShardsAreRejectedClearly(text: String) {
    #expect(throws: Shard.Problem.self) { try Shard(parsing: text) }
  }

  @Test func goodShardsParse() throws {
    #expect(try Shard(parsing: "1/1") == Shard(index: 1, count: 1))
    #expect(try Shard(parsing: "3/8") == Shard(index: 3, count: 8))
  }
}
