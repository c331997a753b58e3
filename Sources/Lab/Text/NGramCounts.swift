/// How often each run of `n` consecutive tokens occurs in a set of sequences.
///
/// N-grams never cross from one sequence into the next, so a corpus split into poems or
/// paragraphs counts only the runs inside each; a sequence shorter than `n` adds nothing.
/// Works for any comparable token: strings, characters' strings or vocabulary ids.
public struct NGramCounts<Token: Hashable & Comparable & Sendable>: Sendable {
  /// The length of each n-gram (at least 1).
  public let n: Int
  /// The number of n-grams counted (with repetition).
  public private(set) var total = 0
  private var counts: [[Token]: Int] = [:]

  /// Counts the n-grams of every sequence.
  public init(n: Int, sequences: [[Token]]) {
    require(n >= 1, "n-grams need n ≥ 1, got \(n)")
    self.n = n
    for sequence in sequences where sequence.count >= n {
      for start in 0...(sequence.count - n) {
        counts[Array(sequence[start..<(start + n)]), default: 0] += 1
        total += 1
      }
    }
  }

  /// How often `gram` occurred (0 if never, or if its length is not `n`).
  public func count(of gram: [Token]) -> Int { counts[gram] ?? 0 }

  /// The number of distinct n-grams.
  public var distinctCount: Int { counts.count }

  /// The relative frequency of `gram` among all counted n-grams (0 when nothing was counted).
  public func frequency(of gram: [Token]) -> Double {
    total == 0 ? 0 : Double(count(of: gram)) / Double(total)
  }

  /// The `k` most frequent n-grams, by descending count and then lexicographic order.
  public func mostCommon(_ k: Int) -> [(gram: [Token], count: Int)] {
    Array(sorted.prefix(max(k, 0)))
  }

  /// Every distinct n-gram with its count, by descending count and then lexicographic order.
  public var sorted: [(gram: [Token], count: Int)] {
    counts.map { (gram: $0.key, count: $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.gram.lexicographicallyPrecedes($1.gram)
    }
  }
}
