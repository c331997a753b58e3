/// A dense matrix of `Double`, stored row-major.
///
/// Products go through CBLAS (OpenBLAS), factorizations through LAPACK; element-wise
/// work is compiled Swift. Vectors are plain `[Double]`.
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The entries, row after row: entry (i, j) is `elements[i * columns + j]`.
  public var elements: [Double]

  /// Creates a matrix from row-major entries.
  public init(rows: Int, columns: Int, elements: [Double]) {
    require(
      elements.count == rows * columns,
      "a \(rows)×\(columns) matrix needs \(rows * columns) entries, got \(elements.count)")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// A matrix with every entry equal to `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
  }

  /// A matrix from an array of equal-length rows.
  public init(_ rowArrays: [[Double]]) {
    let width = rowArrays.first?.count ?? 0
    require(rowArrays.allSatisfy { $0.count == width }, "all rows must have the same length")
    self.init(rows: rowArrays.count, columns: width, elements: rowArrays.flatMap { $0 })
  }

  /// A matrix whose entry (i, j) is `entry(i, j)`.
  public init(rows: Int, columns: Int, entry: (Int, Int) -> Double) {
    var elements = [Double]()
    elements.reserveCapacity(rows * columns)
    for i in 0..<rows {
      for j in 0..<columns { elements.append(entry(i, j)) }
    }
    self.init(rows: rows, columns: columns, elements: elements)
  }

  /// The n×n identity.
  public static func identity(_ n: Int) -> Matrix {
    Matrix(rows: n, columns: n) { i, j in i == j ? 1 : 0 }
  }

  /// A square matrix with `values` on the diagonal.
  public static func diagonal(_ values: [Double]) -> Matrix {
    Matrix(rows: values.count, columns: values.count) { i, j in i == j ? values[i] : 0 }
  }

  /// A matrix of independent N(0, σ²) entries.
  public static func random(
    rows: Int, columns: Int, standardDeviation: Double = 1, using generator: inout SeededGenerator
  ) -> Matrix {
    Matrix(
      rows: rows, columns: columns,
      elements: (0..<rows * columns).map { _ in standardDeviation * generator.normal() })
  }

  /// Entry (i, j).
  @inlinable
  public subscript(i: Int, j: Int) -> Double {
    get { elements[i * columns + j] }
    set { elements[i * columns + j] = newValue }
  }

  /// Row `i` as a vector.
  public func row(_ i: Int) -> [Double] {
    Array(elements[(i * columns)..<((i + 1) * columns)])
  }

  /// Column `j` as a vector.
  public func column(_ j: Int) -> [Double] {
    (0..<rows).map { self[$0, j] }
  }

  /// The rows as arrays.
  public var rowArrays: [[Double]] { (0..<rows).map(row) }

  /// Whether the matrix is square.
  public var isSquare: Bool { rows == columns }

  /// The transpose.
  public var transposed: Matrix {
    Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
  }

  /// The sum of the diagonal.
  public var trace: Double {
    (0..<Swift.min(rows, columns)).reduce(0) { $0 + self[$1, $1] }
  }

  /// The Frobenius norm, √(Σ aᵢⱼ²).
  public var frobeniusNorm: Double { elements.norm }

  /// The largest |aᵢⱼ|.
  public var maxAbs: Double { elements.reduce(0) { Swift.max($0, abs($1)) } }
}
