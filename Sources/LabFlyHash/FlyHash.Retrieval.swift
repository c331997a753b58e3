import Lab

extension FlyHash {
  /// Ranking metrics for nearest-neighbour search with binary codes.
  public enum Retrieval {
    /// How two codes are compared when ranking a database.
    public enum Similarity: Sendable, Hashable {
      /// Fewer differing bits rank first (for dense codes such as SimHash).
      case hamming
      /// More shared active bits rank first (for sparse winner-take-all codes).
      case overlap
    }

    /// Average precision of a ranking: the mean, over the relevant items, of the precision at
    /// the rank where each appears; relevant items missing from the ranking count as precision 0.
    ///
    /// In [0, 1]; 1 exactly when every relevant item precedes every other one.
    public static func averagePrecision(ranking: [Int], relevant: Set<Int>) -> Double {
      guard !relevant.isEmpty else { return 0 }
      var hits = 0
      var sum = 0.0
      for (rank, item) in ranking.enumerated() where relevant.contains(item) {
        hits += 1
        sum += Double(hits) / Double(rank + 1)
      }
      return sum / Double(relevant.count)
    }

    /// The fraction of the first `k` ranked items that are relevant (k ≥ 1).
    public static func precision(at k: Int, ranking: [Int], relevant: Set<Int>) -> Double {
      require(k >= 1, "precision needs k ≥ 1, got \(k)")
      return Double(ranking.prefix(k).filter(relevant.contains).count) / Double(k)
    }

    /// The database indices other than `query`, best first under `similarity`.
    ///
    /// Ties keep index order, so the ranking is deterministic. A counting sort on the integer
    /// distances: O(n + L) for n codes of length L.
    public static func ranking(of query: Int, codes: [Code], by similarity: Similarity) -> [Int] {
      PackedCodes(codes).ranking(of: query, by: similarity)
    }

    /// Mean average precision over `queries`.
    ///
    /// Each query ranks every other code (as ``ranking(of:codes:by:)``) and is scored against its
    /// true neighbours (aligned with `queries`; a query listed among its own neighbours is
    /// ignored). O(n + L) per query, without building the rankings.
    public static func meanAveragePrecision(
      codes: [Code], queries: [Int], neighbours: [[Int]], by similarity: Similarity
    ) -> Double {
      require(queries.count == neighbours.count, "one neighbour list per query")
      let packed = PackedCodes(codes)
      let scores = zip(queries, neighbours).map { query, truth in
        packed.averagePrecision(of: query, relevant: truth, by: similarity)
      }
      return scores.reduce(0, +) / Double(Swift.max(scores.count, 1))
    }

    /// Mean precision at `k` over `queries`, each ranking every other code as
    /// ``ranking(of:codes:by:)`` does and scored against its `relevant` set (aligned with
    /// `queries`); the codes are packed once rather than once per query.
    public static func meanPrecision(
      at k: Int, codes: [Code], queries: [Int], relevant: [Set<Int>], by similarity: Similarity
    ) -> Double {
      require(queries.count == relevant.count, "one relevant set per query")
      let packed = PackedCodes(codes)
      let scores = zip(queries, relevant).map { query, truth in
        precision(at: k, ranking: packed.ranking(of: query, by: similarity), relevant: truth)
      }
      return scores.reduce(0, +) / Double(Swift.max(scores.count, 1))
    }

    /// The `count` points nearest to `points[query]` in Euclidean distance, nearest first,
    /// excluding the query itself (ties to the lower index).
    public static func nearestNeighbours(of query: Int, in points: [[Double]], count: Int) -> [Int] {
      let distances = points.map { point -> Double in
        var sum = 0.0
        for (a, b) in zip(point, points[query]) { sum += (a - b) * (a - b) }
        return sum
      }
      return points.indices.filter { $0 != query }
        .sorted { (distances[$0], $0) < (distances[$1], $1) }
        .prefix(count).map { $0 }
    }

    /// The area under the ROC curve: the probability that a random positive scores above a
    /// random negative, ties counting one half (the Mann–Whitney statistic over n₊·n₋).
    ///
    /// Exact for any input; 0.5 for indistinguishable scores, 1 for perfect separation.
    public static func areaUnderROC(positives: [Double], negatives: [Double]) -> Double {
      require(!positives.isEmpty && !negatives.isEmpty, "AUC needs both classes")
      let sortedNegatives = negatives.sorted()
      var total = 0.0
      for score in positives {
        let below = lowerBound(sortedNegatives, score)
        let notAbove = upperBound(sortedNegatives, score)
        total += Double(below) + 0.5 * Double(notAbove - below)
      }
      return total / (Double(positives.count) * Double(negatives.count))
    }

    private static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
      var (low, high) = (0, sorted.count)
      while low < high {
        let mid = (low + high) / 2
        if sorted[mid] < value { low = mid + 1 } else { high = mid }
      }
      return low
    }

    private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
      var (low, high) = (0, sorted.count)
      while low < high {
        let mid = (low + high) / 2
        if sorted[mid] <= value { low = mid + 1 } else { high = mid }
      }
      return low
    }
  }
}
