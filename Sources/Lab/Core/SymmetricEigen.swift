import CBLAS

/// The eigen-decomposition `A = V · diag(values) · Vᵀ` of a real symmetric matrix.
public struct SymmetricEigen: Sendable, Equatable {
  /// The eigenvalues, ascending.
  public var values: [Double]
  /// The orthonormal eigenvectors, one per column, in the order of ``values``.
  public var vectors: Matrix

  /// Creates a decomposition from its parts.
  public init(values: [Double], vectors: Matrix) {
    self.values = values
    self.vectors = vectors
  }

  /// The eigenvector for `values[index]`, as a unit vector (its sign is arbitrary).
  public func vector(_ index: Int) -> [Double] { vectors.column(index) }
}

extension Matrix {
  /// The eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix,
  /// by divide and conquer (`dsyevd`).
  ///
  /// Only the lower triangle is read; symmetry is assumed, not checked. Backward
  /// stable: residuals ‖A·v − λ·v‖ are of order n·ε·‖A‖ and ‖VᵀV − I‖ of order n·ε.
  /// Traps if LAPACK fails to converge (it does not for finite input).
  public func symmetricEigen() -> SymmetricEigen {
    require(isSquare, "symmetricEigen needs a square matrix, got \(rows)×\(columns)")
    guard rows > 0 else { return SymmetricEigen(values: [], vectors: self) }
    var a = elements
    var values = [Double](repeating: 0, count: rows)
    let n = LAPACKInt(rows)
    let info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, lapackChar("V"), lapackChar("L"), n, &a, n, &values)
    require(info == 0, "dsyevd failed with info \(info) (non-finite input?)")
    return SymmetricEigen(values: values, vectors: Matrix(rows: rows, columns: columns, elements: a))
  }
}
