import Lab

extension Positions.HierarchicalDecomposition {
  /// The number of unordered pairs of distinct positions among all n² whose embeddings are
  /// bit-for-bit equal (entries compared as `Double`s, so 0 and −0 count as equal).
  ///
  /// At α = ½ every pair (i, j), (j, i) with i ≠ j coincides exactly, because floating-point
  /// addition is commutative: the count is then n(n − 1)/2. Runs in O(n²·d) time and O(n²)
  /// memory: each code is hashed as it is generated and only candidates with equal hashes
  /// are compared entry by entry.
  public func coincidentPairs() -> Int {
    let n = trainedCount
    let hashes = codeHashes()
    let order = (0..<(n * n)).map { (hash: hashes[$0], position: $0) }.sorted { $0.hash < $1.hash }
    var pairs = 0
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && order[end].hash == order[start].hash { end += 1 }
      if end - start > 1 { pairs += equalPairs(among: order[start..<end].map(\.position)) }
      start = end
    }
    return pairs
  }

  private func code(block i: Int, offset j: Int) -> [Double] {
    (0..<dimension).map { t in alpha * bases[i, t] + (1 - alpha) * bases[j, t] }
  }

  /// One FNV-1a hash per position over its entries' bit patterns (deterministic, unlike
  /// `Hasher`), computing each entry exactly as ``code(block:offset:)`` does.
  private func codeHashes() -> [UInt64] {
    let (n, d, a) = (trainedCount, dimension, alpha)
    var hashes = [UInt64](repeating: 0, count: n * n)
    bases.elements.withUnsafeBufferPointer { u in
      for i in 0..<n {
        for j in 0..<n {
          var hash: UInt64 = 0xcbf2_9ce4_8422_2325
          for t in 0..<d {
            let value = a * u[i * d + t] + (1 - a) * u[j * d + t]
            hash = (hash ^ (value == 0 ? 0 : value.bitPattern)) &* 0x0000_0100_0000_01b3
          }
          hashes[i * n + j] = hash
        }
      }
    }
    return hashes
  }

  private func equalPairs(among positions: [Int]) -> Int {
    let n = trainedCount
    let codes = positions.map { code(block: $0 / n, offset: $0 % n) }
    var count = 0
    for a in 0..<codes.count {
      for b in (a + 1)..<codes.count where codes[a] == codes[b] { count += 1 }
    }
    return count
  }
}
