import Foundation
import NotebookSupport

/// One of `count` equal parts of a build, for running a build on several machines.
///
/// Every machine must compute the same partition, so it depends only on the sorted paths and on
/// execution times that every machine sees alike (those stored in the shared cache by the last full
/// build). With times, notebooks are assigned longest first, each to the least loaded shard (ties
/// to the lower shard); notebooks without a known time count as the mean known time. Without any
/// times, a notebook's shard is its path's SHA-256 modulo `count`: unbalanced in the small but
/// stable, since adding a notebook moves no other.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// The shard's number, 1-based.
  public let index: Int
  /// How many shards there are.
  public let count: Int

  /// A bad `K/N`.
  public struct Problem: Error, CustomStringConvertible {
    /// What is wrong with it.
    public var description: String
  }

  /// Parses `K/N` with 1 ≤ K ≤ N.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw Problem(description: "'--shard' takes K/N, such as 2/4 for the second of four shards; got '\(text)'")
    }
    guard count >= 1 else { throw Problem(description: "'--shard \(text)': the number of shards must be at least 1") }
    guard (1...count).contains(index) else {
      throw Problem(description: "'--shard \(text)': the shard number must be between 1 and \(count)")
    }
    self.init(index: index, count: count)
  }

  /// Shard `index` of `count` (1-based).
  public init(index: Int, count: Int) {
    precondition(count >= 1 && (1...count).contains(index), "a shard is K/N with 1 ≤ K ≤ N")
    self.index = index
    self.count = count
  }

  public var description: String { "\(index)/\(count)" }

  /// The paths of `paths` that belong to this shard, in their given order.
  public func select(_ paths: [String], knownSeconds: [String: Double]) -> [String] {
    let assignment = Self.assign(paths, count: count, knownSeconds: knownSeconds)
    return paths.filter { assignment[$0] == index }
  }

  /// The 1-based shard of every path.
  public static func assign(_ paths: [String], count: Int, knownSeconds: [String: Double]) -> [String: Int] {
    let unique = Array(Set(paths)).sorted()
    let known = unique.compactMap { path in knownSeconds[path].flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } }
    guard !known.isEmpty else {
      return Dictionary(uniqueKeysWithValues: unique.map { ($0, hashShard(of: $0, count: count)) })
    }
    let estimate = known.reduce(0, +) / Double(known.count)
    let weighted = unique.map { path in
      (path, knownSeconds[path].flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? estimate)
    }
    let order = weighted.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    var loads = [Double](repeating: 0, count: count)
    var assignment: [String: Int] = [:]
    for (path, seconds) in order {
      let lightest = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 } ?? 0
      loads[lightest] += seconds
      assignment[path] = lightest + 1
    }
    return assignment
  }

  private static func hashShard(of path: String, count: Int) -> Int {
    let prefix = SHA256.hex(path).prefix(15)
    return Int(UInt64(prefix, radix: 16).map { $0 % UInt64(count) } ?? 0) + 1
  }
}
