extension Matrix {
  /// Entry-wise sum.
  public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shapes differ")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: lhs.elements + rhs.elements)
  }

  /// Entry-wise difference.
  public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shapes differ")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: lhs.elements - rhs.elements)
  }

  /// Scalar multiple.
  public static func * (lhs: Double, rhs: Matrix) -> Matrix {
    Matrix(rows: rhs.rows, columns: rhs.columns, elements: rhs.elements.map { lhs * $0 })
  }

  /// Applies `transform` to every entry.
  public func map(_ transform: (Double) -> Double) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: elements.map(transform))
  }

  /// Multiplies row `i` by `scales[i]`: `diag(scales) · self`, in O(n²).
  public func scalingRows(by scales: [Double]) -> Matrix {
    precondition(scales.count == rows, "need one scale per row")
    var result = self
    for i in 0..<rows {
      for j in 0..<columns { result.elements[i * columns + j] *= scales[i] }
    }
    return result
  }
}

extension Array where Element == Double {
  /// The dot product of two vectors of the same length.
  @inlinable
  public func dot(_ other: [Double]) -> Double {
    precondition(count == other.count, "dot product of vectors of length \(count) and \(other.count)")
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
    var sum = 0.0
    for x in self { sum += x * x }
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

  /// Entry-wise sum.
  public static func + (lhs: [Double], rhs: [Double]) -> [Double] {
    precondition(lhs.count == rhs.count, "vectors of length \(lhs.count) and \(rhs.count)")
    return zip(lhs, rhs).map { $0 + $1 }
  }

  /// Entry-wise difference.
  public static func - (lhs: [Double], rhs: [Double]) -> [Double] {
    precondition(lhs.count == rhs.count, "vectors of length \(lhs.count) and \(rhs.count)")
    return zip(lhs, rhs).map { $0 - $1 }
  }

  /// Scalar multiple.
  public static func * (lhs: Double, rhs: [Double]) -> [Double] {
    rhs.map { lhs * $0 }
  }

  /// Entry-wise (Hadamard) product.
  public func hadamard(_ other: [Double]) -> [Double] {
    precondition(count == other.count, "vectors of length \(count) and \(other.count)")
    return zip(self, other).map { $0 * $1 }
  }
}
