import Lab

/// Codes of one length in one contiguous buffer, so that a query scans memory linearly.
struct PackedCodes {
  let length: Int
  let stride: Int
  let words: [UInt64]

  init(_ codes: [FlyHash.Code]) {
    let length = codes.first?.length ?? 0
    require(codes.allSatisfy { $0.length == length }, "codes of different lengths")
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
