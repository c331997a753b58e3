import Lab

extension FlyHash {
  /// The leading singular triplets of a dense matrix by randomized subspace iteration
  /// (Halko, Martinsson & Tropp, 2011), with LAPACK only on a small (rank + oversampling)² matrix.
  ///
  /// With `powerIterations` q, the error of σⱼ shrinks like (σ_{rank+p+1}/σⱼ)^{2q+1}; for the
  /// leading values of a matrix with a decaying spectrum it is at round-off level after a few
  /// iterations. Left vectors are orthonormal to about 1e-12 (two Gram–Schmidt passes).
  public struct TruncatedSVD: Sendable {
    /// The leading singular values, descending.
    public let values: [Double]
    /// The matching left singular vectors, one per column (`rows × rank`).
    public let leftVectors: Matrix

    /// Computes the `rank` leading singular values and left vectors of `matrix`.
    public init(
      _ matrix: Matrix, rank: Int, oversampling: Int = 10, powerIterations: Int = 3,
      using generator: inout SeededGenerator
    ) {
      let width = Swift.min(rank + oversampling, Swift.min(matrix.rows, matrix.columns))
      require(rank <= width, "rank \(rank) exceeds the matrix size")
      var basis = Self.orthonormalColumns(
        matrix * Matrix.random(rows: matrix.columns, columns: width, using: &generator))
      for _ in 0..<powerIterations {
        let back = Self.orthonormalColumns(matrix.transposed * basis)
        basis = Self.orthonormalColumns(matrix * back)
      }
      let projected = basis.transposed * matrix  // width × columns
      let gram = projected * projected.transposed
      let eigen = gram.symmetricEigen()
      let order = Array((0..<width).reversed().prefix(rank))
      values = order.map { Swift.max(eigen.values[$0], 0).squareRoot() }
      let small = Matrix(rows: width, columns: rank) { i, j in eigen.vectors[i, order[j]] }
      leftVectors = basis * small
    }

    /// The columns of `m` made orthonormal by modified Gram–Schmidt.
    ///
    /// The process runs twice ("twice is enough", Kahan–Parlett); a dependent column becomes zero.
    public static func orthonormalColumns(_ m: Matrix) -> Matrix {
      var columns = (0..<m.columns).map { m.column($0) }
      for _ in 0..<2 {
        for j in columns.indices {
          for i in 0..<j {
            let projection = columns[i].dot(columns[j])
            for r in columns[j].indices { columns[j][r] -= projection * columns[i][r] }
          }
          let norm = columns[j].norm
          columns[j] = norm > 0 ? columns[j].map { $0 / norm } : columns[j]
        }
      }
      return Matrix(rows: m.rows, columns: m.columns) { i, j in columns[j][i] }
    }
  }
}
