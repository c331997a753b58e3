import CBLAS

extension Matrix {
  /// The solution `x` of `self · x = b`, by LU with partial pivoting (`dgesv`).
  ///
  /// The matrix must be square with as many rows as `b` has entries. Returns `nil`
  /// when a pivot is exactly zero (the matrix is singular to working precision in
  /// the LU sense). A nearly singular matrix still returns a solution: its relative
  /// error grows like the condition number times machine epsilon, so check the
  /// residual ‖A·x − b‖ if that matters.
  public func solve(_ b: [Double]) -> [Double]? {
    solve(Matrix(rows: b.count, columns: 1, elements: b))?.elements
  }

  /// The solution `X` of `self · X = B`, one right-hand side per column of `B` (`dgesv`).
  ///
  /// Same contract as ``solve(_:)-([Double])``: `nil` for an exactly singular pivot.
  public func solve(_ b: Matrix) -> Matrix? {
    require(isSquare, "solve needs a square matrix, got \(rows)×\(columns)")
    require(b.rows == rows, "right-hand side has \(b.rows) rows, matrix has \(rows)")
    guard rows > 0, b.columns > 0 else { return Matrix(rows: rows, columns: b.columns) }
    var lu = elements
    var x = b.elements
    var pivots = [LAPACKInt](repeating: 0, count: rows)
    let info = LAPACKE_dgesv(
      LAPACK_ROW_MAJOR, LAPACKInt(rows), LAPACKInt(b.columns), &lu, LAPACKInt(rows),
      &pivots, &x, LAPACKInt(b.columns))
    require(info >= 0, "dgesv rejected argument \(-info)")
    return info == 0 ? Matrix(rows: rows, columns: b.columns, elements: x) : nil
  }

  /// The inverse, by LU (`dgetrf` + `dgetri`), or `nil` if a pivot is exactly zero.
  ///
  /// Prefer ``solve(_:)-([Double])`` to multiplying by the inverse: it is cheaper and
  /// more accurate. ‖A·A⁻¹ − I‖ is of order κ(A)·ε.
  public func inverse() -> Matrix? {
    require(isSquare, "inverse needs a square matrix, got \(rows)×\(columns)")
    guard rows > 0 else { return self }
    var a = elements
    var pivots = [LAPACKInt](repeating: 0, count: rows)
    let n = LAPACKInt(rows)
    let factored = LAPACKE_dgetrf(LAPACK_ROW_MAJOR, n, n, &a, n, &pivots)
    require(factored >= 0, "dgetrf rejected argument \(-factored)")
    guard factored == 0 else { return nil }
    let inverted = LAPACKE_dgetri(LAPACK_ROW_MAJOR, n, &a, n, &pivots)
    require(inverted >= 0, "dgetri rejected argument \(-inverted)")
    return inverted == 0 ? Matrix(rows: rows, columns: columns, elements: a) : nil
  }

  /// The lower-triangular Cholesky factor `L` with `self = L · Lᵀ` (`dpotrf`), or `nil`
  /// if the matrix is not positive definite.
  ///
  /// Only the lower triangle of `self` is read: symmetry is assumed, not checked.
  /// `L` has a positive diagonal and exact zeros above it.
  public func cholesky() -> Matrix? {
    require(isSquare, "cholesky needs a square matrix, got \(rows)×\(columns)")
    guard rows > 0 else { return self }
    var a = elements
    let n = LAPACKInt(rows)
    let info = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, lapackChar("L"), n, &a, n)
    require(info >= 0, "dpotrf rejected argument \(-info)")
    guard info == 0 else { return nil }
    for i in 0..<rows {
      for j in (i + 1)..<Swift.max(i + 1, columns) { a[i * columns + j] = 0 }
    }
    return Matrix(rows: rows, columns: columns, elements: a)
  }
}

/// A LAPACK option letter (`"N"`, `"V"`, `"L"`, …) as the C `char` LAPACKE expects.
func lapackChar(_ letter: Unicode.Scalar) -> CChar {
  CChar(bitPattern: UInt8(ascii: letter))
}

/// LAPACKE's `lapack_int` (a C macro, so not imported): 32-bit in Debian's LP64 build.
typealias LAPACKInt = Int32
