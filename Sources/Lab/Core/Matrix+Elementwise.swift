import CBLAS

extension Matrix {
  /// Scalar multiple.
  public static func * (lhs: Matrix, rhs: Double) -> Matrix { rhs * lhs }

  /// Division of every entry by a scalar (IEEE: dividing by 0 gives ±∞ or NaN entries).
  public static func / (lhs: Matrix, rhs: Double) -> Matrix {
    Matrix(rows: lhs.rows, columns: lhs.columns, elements: lhs.elements / rhs)
  }

  /// The entry-wise negation.
  public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }

  /// The entry-wise (Hadamard) product of two matrices of the same shape.
  public func hadamard(_ other: Matrix) -> Matrix {
    require(rows == other.rows && columns == other.columns, "shapes differ")
    return Matrix(rows: rows, columns: columns, elements: elements.hadamard(other.elements))
  }

  /// The sum of each row (a vector of length `rows`).
  public var rowSums: [Double] { (0..<rows).map { row($0).sum } }

  /// The sum of each column (a vector of length `columns`).
  public var columnSums: [Double] {
    var sums = [Double](repeating: 0, count: columns)
    for i in 0..<rows {
      for j in 0..<columns { sums[j] += elements[i * columns + j] }
    }
    return sums
  }

  /// The outer product u·vᵀ, a `u.count`×`v.count` matrix.
  public static func outer(_ u: [Double], _ v: [Double]) -> Matrix {
    Matrix(rows: u.count, columns: v.count) { i, j in u[i] * v[j] }
  }

  /// The product `selfᵀ · other` by `cblas_dgemm`, without forming the transpose.
  public func transposeMultiplied(by other: Matrix) -> Matrix {
    require(
      rows == other.rows, "cannot multiply the transpose of \(rows)×\(columns) by \(other.rows)×\(other.columns)")
    var result = Matrix(rows: columns, columns: other.columns)
    guard columns > 0, other.columns > 0, rows > 0 else { return result }
    elements.withUnsafeBufferPointer { a in
      other.elements.withUnsafeBufferPointer { b in
        result.elements.withUnsafeMutableBufferPointer { c in
          cblas_dgemm(
            CblasRowMajor, CblasTrans, CblasNoTrans, Int32(columns), Int32(other.columns),
            Int32(rows), 1, a.baseAddress, Int32(columns), b.baseAddress,
            Int32(other.columns), 0, c.baseAddress, Int32(other.columns))
        }
      }
    }
    return result
  }
}

extension Array where Element == Double {
  /// Scalar multiple.
  public static func * (lhs: [Double], rhs: Double) -> [Double] { rhs * lhs }

  /// Division of every entry by a scalar.
  public static func / (lhs: [Double], rhs: Double) -> [Double] { mapElements(lhs) { $0 / rhs } }

  /// The entry-wise negation.
  public static prefix func - (operand: [Double]) -> [Double] { operand.map { -$0 } }

  /// The largest |xᵢ| (the ∞-norm); 0 for an empty vector, NaN if an entry is NaN.
  public var maxAbs: Double {
    var result = 0.0
    for x in self {
      if x.isNaN { return .nan }
      result = Swift.max(result, abs(x))
    }
    return result
  }
}
