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
      precondition(k >= 1, "precision needs k ≥ 1, got \(k)")
      return Double(ranking.prefix(k).filter(relevant.contains).count) / Double(k)
    }

    /// The database indices other than `query`, best first under `similarity`; ties keep index
    /// order, so the ranking is deterministic. A counting sort on the integer distances: O(n + L).
    public static func ranking(of query: Int, codes: [Code], by similarity: Similarity) -> [Int] {
      PackedCodes(codes).ranking(of: query, by: similarity)
    }

    /// Mean average precision over `queries`: each query ranks every other code (as
    /// ``ranking(of:codes:by:)``) and is scored against its true neighbours (aligned with
    /// `queries`; a query listed among its own neighbours is ignored). O(n + L) per query.
    public static func meanAveragePrecision(
      codes: [Code], queries: [Int], neighbours: [[Int]], by similarity: Similarity
    ) -> Double {
      precondition(queries.count == neighbours.count, "one neighbour list per query")
      let packed = PackedCodes(codes)
      let scores = zip(queries, neighbours).map { query, truth in
        packed.averagePrecision(of: query, relevant: truth, by: similarity)
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
      precondition(!positives.isEmpty && !negatives.isEmpty, "AUC needs both classes")
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

/// Codes of one length in one contiguous buffer, so that a query scans memory linearly.
struct PackedCodes {
  let length: Int
  let stride: Int
  let words: [UInt64]

  init(_ codes: [FlyHash.Code]) {
    let length = codes.first?.length ?? 0
    precondition(codes.allSatisfy { $0.length == length }, "codes of different lengths")
    self.length = length
    stride = (length + 63) / 64
    words = codes.flatMap(\.packedWords)
  }

  var count: Int { stride == 0 ? 0 : words.count / stride }

  /// The same value as ``FlyHash/Retrieval/averagePrecision(ranking:relevant:)`` of
  /// ``ranking(of:by:)``, in O(n + L) without building the ranking: an item's rank is the number
  /// of items with a smaller key plus those with its key and a lower index.
  func averagePrecision(of query: Int, relevant: [Int], by similarity: FlyHash.Retrieval.Similarity) -> Double {
    let relevantSet = Set(relevant).subtracting([query])
    guard !relevantSet.isEmpty else { return 0 }
    let keys = self.keys(of: query, by: similarity)
    var below = [Int](repeating: 0, count: (keys.max() ?? 0) + 2)
    for i in 0..<count where i != query { below[keys[i] + 1] += 1 }
    for key in 1..<below.count { below[key] += below[key - 1] }
    var isRelevant = [Bool](repeating: false, count: count)
    for item in relevantSet { isRelevant[item] = true }
    var seen = [Int](repeating: 0, count: below.count)
    var ranks: [Int] = []
    for i in 0..<count where i != query {
      if isRelevant[i] { ranks.append(below[keys[i]] + seen[keys[i]] + 1) }
      seen[keys[i]] += 1
    }
    ranks.sort()
    var sum = 0.0
    for (hits, rank) in ranks.enumerated() { sum += Double(hits + 1) / Double(rank) }
    return sum / Double(relevantSet.count)
  }

  func ranking(of query: Int, by similarity: FlyHash.Retrieval.Similarity) -> [Int] {
    let keys = self.keys(of: query, by: similarity)
    var buckets = [[Int]](repeating: [], count: (keys.max() ?? 0) + 1)
    for i in 0..<count where i != query { buckets[keys[i]].append(i) }
    return Array(buckets.joined())
  }

  /// Distances to `query`: differing bits, or `length` minus shared on-bits.
  func keys(of query: Int, by similarity: FlyHash.Retrieval.Similarity) -> [Int] {
    var keys = [Int](repeating: 0, count: count)
    words.withUnsafeBufferPointer { w in
      let q = query * stride
      for i in 0..<count {
        var total = 0
        for j in 0..<stride {
          switch similarity {
          case .hamming: total += (w[i * stride + j] ^ w[q + j]).nonzeroBitCount
          case .overlap: total += (w[i * stride + j] & w[q + j]).nonzeroBitCount
          }
        }
        keys[i] = similarity == .hamming ? total : length - total
      }
    }
    return keys
  }
}
