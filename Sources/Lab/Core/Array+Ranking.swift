import Foundation

extension Array where Element == Double {
  /// The indices that sort the array ascending; stable (equal values keep their order),
  /// with NaN entries last, as numpy's `argsort`.
  public func argsort() -> [Int] {
    indices.sorted { Self.ascending(self[$0], $0, self[$1], $1) }
  }

  /// The indices of the `k` largest entries, largest first.
  ///
  /// Ties go to the lower index; NaN entries come after every number. `k` larger than the
  /// count gives every index. O(n log k) by a bounded heap, so a top-10 of a vocabulary costs one pass.
  public func topK(_ k: Int) -> [Int] {
    require(k >= 0, "topK needs a non-negative k, got \(k)")
    let k = Swift.min(k, count)
    guard k > 0 else { return [] }
    // A min-heap (under "better than") of the k best seen so far; its root is the worst kept.
    var heap: [Int] = []
    heap.reserveCapacity(k)
    let better = { (a: Int, b: Int) in Self.descending(self[a], a, self[b], b) }
    for i in indices {
      if heap.count < k {
        heap.append(i)
        Self.siftUp(&heap, from: heap.count - 1) { better($1, $0) }
      } else if better(i, heap[0]) {
        heap[0] = i
        Self.siftDown(&heap, from: 0) { better($1, $0) }
      }
    }
    return heap.sorted(by: better)
  }

  /// The index of the largest entry, the first one if tied.
  ///
  /// NaN entries are ignored unless every entry is NaN (then 0). The array must not be empty.
  public func argmax() -> Int {
    require(!isEmpty, "argmax of an empty array")
    var best = 0
    for i in indices.dropFirst() where self[i] > self[best] || (self[best].isNaN && !self[i].isNaN) {
      best = i
    }
    return best
  }

  /// The index of the smallest entry (the first one if tied); NaN as in ``argmax()``.
  public func argmin() -> Int {
    require(!isEmpty, "argmin of an empty array")
    var best = 0
    for i in indices.dropFirst() where self[i] < self[best] || (self[best].isNaN && !self[i].isNaN) {
      best = i
    }
    return best
  }

  /// log Σ exp(xᵢ), without overflow or underflow.
  ///
  /// Computed as m + log Σ exp(xᵢ − m) with m the maximum. Empty → −∞; any +∞ → +∞;
  /// all −∞ → −∞; NaN propagates.
  public func logSumExp() -> Double {
    if contains(where: \.isNaN) { return .nan }
    guard let m = self.max() else { return -.infinity }
    if m.isInfinite { return m }
    return m + log(reduce(0) { $0 + exp($1 - m) })
  }

  /// The softmax exp(xᵢ − m) / Σⱼ exp(xⱼ − m), with m the maximum.
  ///
  /// Non-negative, sums to 1 within a few ulps, never overflows. Entries at −∞ get probability 0. If the maximum is not finite
  /// (an entry is +∞, or every entry is −∞) or an entry is NaN, every entry is NaN. Empty → empty.
  public func softmax() -> [Double] {
    guard let m = self.max(), m.isFinite, !contains(where: \.isNaN) else {
      return isEmpty ? [] : Array(repeating: .nan, count: count)
    }
    let weights = map { exp($0 - m) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }

  /// The running sums: entry i is x₀ + … + xᵢ.
  public var cumulativeSum: [Double] {
    var total = 0.0
    return map {
      total += $0
      return total
    }
  }

  /// Strict-weak order "a at index i comes before b at index j" ascending: numbers by
  /// value, NaN last, ties by index.
  private static func ascending(_ a: Double, _ i: Int, _ b: Double, _ j: Int) -> Bool {
    switch (a.isNaN, b.isNaN) {
    case (false, false): return a < b || (a == b && i < j)
    case (true, true): return i < j
    case (let aIsNaN, _): return !aIsNaN
    }
  }

  /// "a at index i comes before b at index j" descending: numbers by value, NaN last, ties by index.
  private static func descending(_ a: Double, _ i: Int, _ b: Double, _ j: Int) -> Bool {
    switch (a.isNaN, b.isNaN) {
    case (false, false): return a > b || (a == b && i < j)
    case (true, true): return i < j
    case (let aIsNaN, _): return !aIsNaN
    }
  }

  private static func siftUp(_ heap: inout [Int], from index: Int, _ less: (Int, Int) -> Bool) {
    var child = index
    while child > 0 {
      let parent = (child - 1) / 2
      guard less(heap[child], heap[parent]) else { return }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private static func siftDown(_ heap: inout [Int], from index: Int, _ less: (Int, Int) -> Bool) {
    var parent = index
    while true {
      var smallest = parent
      for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && less(heap[child], heap[smallest]) {
        smallest = child
      }
      guard smallest != parent else { return }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
