import CBLAS

extension Matrix {
  /// Entry-wise sum.
  public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
    require(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shapes differ")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: lhs.elements.adding(rhs.elements))
  }

  /// Entry-wise difference.
  public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
    require(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shapes differ")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: lhs.elements.subtracting(rhs.elements))
  }

  /// Scalar multiple.
  public static func * (lhs: Double, rhs: Matrix) -> Matrix {
    Matrix(rows: rhs.rows, columns: rhs.columns, elements: lhs * rhs.elements)
  }

  /// Multiplies every entry by a scalar, in place.
  public static func *= (lhs: inout Matrix, rhs: Double) { lhs.elements *= rhs }

  /// Divides every entry by a scalar, in place (IEEE division, entry by entry).
  public static func /= (lhs: inout Matrix, rhs: Double) { lhs.elements /= rhs }

  /// Applies `transform` to every entry.
  public func map(_ transform: (Double) -> Double) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: mapElements(elements, transform))
  }

  /// Multiplies row `i` by `scales[i]`: `diag(scales) · self`, in O(n²).
  public func scalingRows(by scales: [Double]) -> Matrix {
    require(scales.count == rows, "need one scale per row")
    let width = columns
    // One pass writing fresh storage: copying `self` first and scaling in place reads and
    // writes the matrix twice, which cost 3 % of the RNN Jacobian chain.
    let scaled = [Double](unsafeUninitializedCapacity: elements.count) { output, count in
      elements.withUnsafeBufferPointer { input in
        for i in 0..<rows {
          let scale = scales[i]
          for j in (i * width)..<((i + 1) * width) { output[j] = input[j] * scale }
        }
      }
      count = elements.count
    }
    return Matrix(rows: rows, columns: columns, elements: scaled)
  }
}

extension Array where Element == Double {
  /// The dot product of two vectors of the same length.
  @inlinable
  public func dot(_ other: [Double]) -> Double {
    require(count == other.count, "dot product of vectors of length \(count) and \(other.count)")
    var sum = 0.0
    for i in indices { sum += self[i] * other[i] }
    return sum
  }

  /// The Euclidean norm, √(Σ xᵢ²), without spurious overflow or underflow.
  ///
  /// One plain pass when the sum of squares is comfortably in range; otherwise a second,
  /// scaled pass, so the result is accurate to a few ulps for any finite input. `+∞` if an
  /// entry is infinite, NaN if an entry is NaN (and none is infinite), 0 for an empty vector.
  public var norm: Double {
    let sum =
      count >= 16
      ? withUnsafeBufferPointer { cblas_ddot(Int32(count), $0.baseAddress, 1, $0.baseAddress, 1) }
      : reduce(0) { $0 + $1 * $1 }
    if sum.isFinite && sum > 0x1p-900 { return sum.squareRoot() }
    if sum == 0 && allSatisfy({ $0 == 0 }) { return 0 }
    if contains(where: \.isInfinite) { return .infinity }
    let largest = reduce(0) { Swift.max($0, abs($1)) }
    guard largest > 0 else { return sum.isNaN ? .nan : 0 }
    // A power of two, so that dividing by it is exact.
    let scale = Double(sign: .plus, exponent: largest.exponent, significand: 1)
    var scaled = 0.0
    for x in self {
      let y = x / scale
      scaled += y * y
    }
    return scale * scaled.squareRoot()
  }

  /// The sum of the entries.
  public var sum: Double { reduce(0, +) }

  /// This vector scaled to unit Euclidean norm (unchanged if it is zero).
  public var normalized: [Double] {
    let n = norm
    return n > 0 ? map { $0 / n } : self
  }

  /// The entry-wise sum `self + other`; both vectors must have the same length.
  ///
  /// A named method rather than `+`, which on arrays means concatenation.
  public func adding(_ other: [Double]) -> [Double] {
    require(count == other.count, "vectors of length \(count) and \(other.count)")
    return combineElements(self, other, +)
  }

  /// The entry-wise difference `self − other`; both vectors must have the same length.
  public func subtracting(_ other: [Double]) -> [Double] {
    require(count == other.count, "vectors of length \(count) and \(other.count)")
    return combineElements(self, other, -)
  }

  /// The entry-wise difference `lhs − rhs` (arrays have no other `-`, so the operator is unambiguous).
  public static func - (lhs: [Double], rhs: [Double]) -> [Double] { lhs.subtracting(rhs) }

  /// Scalar multiple.
  public static func * (lhs: Double, rhs: [Double]) -> [Double] {
    mapElements(rhs) { lhs * $0 }
  }

  /// Multiplies every entry by a scalar, in place.
  public static func *= (lhs: inout [Double], rhs: Double) {
    lhs.withUnsafeMutableBufferPointer { x in
      for i in x.indices { x[i] *= rhs }
    }
  }

  /// Divides every entry by a scalar, in place (IEEE division, entry by entry).
  public static func /= (lhs: inout [Double], rhs: Double) {
    lhs.withUnsafeMutableBufferPointer { x in
      for i in x.indices { x[i] /= rhs }
    }
  }

  /// Entry-wise (Hadamard) product.
  public func hadamard(_ other: [Double]) -> [Double] {
    require(count == other.count, "vectors of length \(count) and \(other.count)")
    return combineElements(self, other, *)
  }
}

/// `transform` applied to every entry, written into fresh storage by index so the loop
/// can vectorise (a plain `map` goes through an iterator and appends).
@inline(__always)
func mapElements(_ x: [Double], _ transform: (Double) -> Double) -> [Double] {
  [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
    x.withUnsafeBufferPointer { input in
      for i in input.indices { out[i] = transform(input[i]) }
    }
    initialized = x.count
  }
}

/// `combine` applied entry by entry to two vectors of the same length.
@inline(__always)
func combineElements(_ x: [Double], _ y: [Double], _ combine: (Double, Double) -> Double) -> [Double] {
  [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
    x.withUnsafeBufferPointer { a in
      y.withUnsafeBufferPointer { b in
        for i in a.indices { out[i] = combine(a[i], b[i]) }
      }
    }
    initialized = x.count
  }
}
