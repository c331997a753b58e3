/// A sparse vector: sorted, distinct indices with their stored values.
///
/// Made for bag-of-words inputs, where a vector of vocabulary size has a few
/// hundred non-zeros. Stored zeros are allowed (they come from explicit entries),
/// never required.
public struct SparseVector: Sendable, Equatable {
  /// The length of the dense vector this represents.
  public let dimension: Int
  /// The positions of the stored entries, strictly increasing, each in `0..<dimension`.
  public private(set) var indices: [Int]
  /// The stored values, aligned with ``indices``.
  public private(set) var values: [Double]

  /// Creates a sparse vector from `(index, value)` pairs in any order; values at a
  /// repeated index are added (so a list of token ids becomes counts).
  public init(dimension: Int, entries: [(index: Int, value: Double)]) {
    require(dimension >= 0, "dimension must be non-negative, got \(dimension)")
    for entry in entries {
      require(
        (0..<dimension).contains(entry.index),
        "index \(entry.index) out of range for dimension \(dimension)")
    }
    let sorted = entries.enumerated().sorted {
      ($0.element.index, $0.offset) < ($1.element.index, $1.offset)
    }
    var indices: [Int] = []
    var values: [Double] = []
    for (_, entry) in sorted {
      if indices.last == entry.index {
        values[values.count - 1] += entry.value
      } else {
        indices.append(entry.index)
        values.append(entry.value)
      }
    }
    self.dimension = dimension
    self.indices = indices
    self.values = values
  }

  /// The counts of each index in `ids`: entry i is how often i occurs (a bag of words).
  public init(dimension: Int, counting ids: [Int]) {
    self.init(dimension: dimension, entries: ids.map { (index: $0, value: 1) })
  }

  /// The non-zero entries of a dense vector.
  public init(_ dense: [Double]) {
    dimension = dense.count
    indices = dense.indices.filter { dense[$0] != 0 }
    values = indices.map { dense[$0] }
  }

  /// The number of stored entries.
  public var storedCount: Int { indices.count }

  /// Entry `index` (0 where nothing is stored), by binary search: O(log nnz).
  public subscript(index: Int) -> Double {
    require((0..<dimension).contains(index), "index \(index) out of range for \(dimension)")
    var low = 0
    var high = indices.count
    while low < high {
      let mid = (low + high) / 2
      if indices[mid] < index { low = mid + 1 } else { high = mid }
    }
    return low < indices.count && indices[low] == index ? values[low] : 0
  }

  /// The dense vector.
  public var dense: [Double] {
    var result = [Double](repeating: 0, count: dimension)
    for (i, v) in zip(indices, values) { result[i] = v }
    return result
  }

  /// The dot product with a dense vector of the same dimension, in O(nnz).
  public func dot(_ other: [Double]) -> Double {
    require(other.count == dimension, "dimension \(dimension) vs \(other.count)")
    var sum = 0.0
    for (i, v) in zip(indices, values) { sum += v * other[i] }
    return sum
  }

  /// The dot product with another sparse vector, by merging the index lists: O(nnz₁ + nnz₂).
  public func dot(_ other: SparseVector) -> Double {
    require(other.dimension == dimension, "dimension \(dimension) vs \(other.dimension)")
    var (a, b, sum) = (0, 0, 0.0)
    while a < indices.count && b < other.indices.count {
      if indices[a] == other.indices[b] {
        sum += values[a] * other.values[b]
        a += 1
        b += 1
      } else if indices[a] < other.indices[b] {
        a += 1
      } else {
        b += 1
      }
    }
    return sum
  }

  /// The Euclidean norm of the stored values, without spurious overflow or underflow.
  public var norm: Double { values.norm }

  /// The sum of the stored values.
  public var sum: Double { values.reduce(0, +) }

  /// The vector with every stored value transformed (the pattern is kept, even where
  /// `transform` returns 0).
  public func mapValues(_ transform: (Double) -> Double) -> SparseVector {
    var result = self
    result.values = values.map(transform)
    return result
  }

  /// Scalar multiple.
  public static func * (lhs: Double, rhs: SparseVector) -> SparseVector {
    rhs.mapValues { lhs * $0 }
  }
}
