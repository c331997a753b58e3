import CBLAS

extension Matrix {
  /// The eigenvalues of a general square matrix, by the QR algorithm (`dgeev`),
  /// in LAPACK's order; complex pairs appear as adjacent conjugates, positive imaginary part first.
  ///
  /// Each eigenvalue is accurate to about ε·‖A‖ divided by its condition number's
  /// reciprocal: well-separated eigenvalues of normal matrices to ~ε·‖A‖, defective
  /// ones much worse (a Jordan block of size k to ~ε^(1/k)). Traps if LAPACK fails to converge.
  public func eigenvalues() -> [Complex] {
    require(isSquare, "eigenvalues needs a square matrix, got \(rows)×\(columns)")
    guard rows > 0 else { return [] }
    var a = elements
    var re = [Double](repeating: 0, count: rows)
    var im = [Double](repeating: 0, count: rows)
    var left = [Double](repeating: 0, count: 1)
    var right = [Double](repeating: 0, count: 1)
    let n = LAPACKInt(rows)
    let info = LAPACKE_dgeev(
      LAPACK_ROW_MAJOR, lapackChar("N"), lapackChar("N"), n, &a, n, &re, &im, &left, 1,
      &right, 1)
    require(info == 0, "dgeev failed with info \(info) (non-finite input?)")
    return zip(re, im).map { Complex($0, $1) }
  }

  /// The spectral radius max |λᵢ|, from ``eigenvalues()``; 0 for an empty matrix.
  public var spectralRadius: Double {
    eigenvalues().reduce(0) { Swift.max($0, $1.magnitude) }
  }

  /// The singular values, descending, by divide and conquer (`dgesdd`, no vectors).
  ///
  /// There are min(rows, columns) of them, all ≥ 0; each is accurate to about ε·σ₁.
  /// Traps if LAPACK fails to converge.
  public func singularValues() -> [Double] {
    let count = Swift.min(rows, columns)
    guard count > 0 else { return [] }
    var a = elements
    var s = [Double](repeating: 0, count: count)
    var left = [Double](repeating: 0, count: 1)
    var right = [Double](repeating: 0, count: 1)
    // LAPACKE checks ldvt ≥ columns in row-major order even when no vectors are wanted.
    let info = LAPACKE_dgesdd(
      LAPACK_ROW_MAJOR, lapackChar("N"), LAPACKInt(rows), LAPACKInt(columns), &a,
      LAPACKInt(columns), &s, &left, 1, &right, LAPACKInt(columns))
    require(info == 0, "dgesdd failed with info \(info) (non-finite input?)")
    return s
  }

  /// The spectral (operator 2-) norm σ₁ = max ‖A·x‖/‖x‖, the largest singular value; 0 if empty.
  ///
  /// Always ≤ ``frobeniusNorm`` and ≥ ``spectralRadius`` for square matrices.
  public var spectralNorm: Double { singularValues().first ?? 0 }
}
