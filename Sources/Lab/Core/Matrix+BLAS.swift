import CBLAS

extension Matrix {
  /// The product `self · other`, by `cblas_dgemm`.
  public func multiplied(by other: Matrix) -> Matrix {
    require(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
    guard rows > 0, other.columns > 0, columns > 0 else { return Matrix(rows: rows, columns: other.columns) }
    // dgemm with β = 0 writes every entry of C, so the storage need not be zeroed first.
    let product = [Double](unsafeUninitializedCapacity: rows * other.columns) { c, initialized in
      elements.withUnsafeBufferPointer { a in
        other.elements.withUnsafeBufferPointer { b in
          cblas_dgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(other.columns),
            Int32(columns), 1, a.baseAddress, Int32(columns), b.baseAddress,
            Int32(other.columns), 0, c.baseAddress, Int32(other.columns))
        }
      }
      initialized = rows * other.columns
    }
    return Matrix(rows: rows, columns: other.columns, elements: product)
  }

  /// The product `self · vector`, by `cblas_dgemv`.
  public func multiplied(by vector: [Double]) -> [Double] {
    require(columns == vector.count, "cannot multiply \(rows)×\(columns) by a vector of \(vector.count)")
    var result = [Double](repeating: 0, count: rows)
    guard rows > 0, columns > 0 else { return result }
    elements.withUnsafeBufferPointer { a in
      vector.withUnsafeBufferPointer { x in
        result.withUnsafeMutableBufferPointer { y in
          cblas_dgemv(
            CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns), 1, a.baseAddress,
            Int32(columns), x.baseAddress, 1, 0, y.baseAddress, 1)
        }
      }
    }
    return result
  }

  /// The product `selfᵀ · vector`, by `cblas_dgemv`, without forming the transpose.
  public func transposeMultiplied(by vector: [Double]) -> [Double] {
    require(rows == vector.count, "cannot multiply the transpose of \(rows)×\(columns) by \(vector.count)")
    var result = [Double](repeating: 0, count: columns)
    guard rows > 0, columns > 0 else { return result }
    elements.withUnsafeBufferPointer { a in
      vector.withUnsafeBufferPointer { x in
        result.withUnsafeMutableBufferPointer { y in
          cblas_dgemv(
            CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1, a.baseAddress,
            Int32(columns), x.baseAddress, 1, 0, y.baseAddress, 1)
        }
      }
    }
    return result
  }

  /// Matrix product.
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.multiplied(by: rhs) }

  /// Matrix–vector product.
  public static func * (lhs: Matrix, rhs: [Double]) -> [Double] { lhs.multiplied(by: rhs) }
}
