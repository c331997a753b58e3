import Lab

/// Slow, obviously correct references for the core tests.
enum CoreReference {
  static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
    Matrix(rows: a.rows, columns: b.columns) { i, j in
      (0..<a.columns).reduce(0) { $0 + a[i, $1] * b[$1, j] }
    }
  }

  static func randomMatrix(_ rows: Int, _ columns: Int, _ generator: inout SeededGenerator) -> Matrix {
    Matrix.random(rows: rows, columns: columns, using: &generator)
  }

  /// A random symmetric positive-definite matrix B·Bᵀ + n·I.
  static func randomSPD(_ n: Int, _ generator: inout SeededGenerator) -> Matrix {
    let b = randomMatrix(n, n, &generator)
    return b * b.transposed + Double(n) * Matrix.identity(n)
  }

  static func maxDifference(_ a: Matrix, _ b: Matrix) -> Double { (a - b).maxAbs }

  static func maxDifference(_ a: [Double], _ b: [Double]) -> Double { a.subtracting(b).maxAbs }
}
