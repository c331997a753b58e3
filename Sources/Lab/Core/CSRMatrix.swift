/// A sparse matrix in compressed sparse row (CSR) form.
///
/// Row `i`'s entries are `columnIndices[rowOffsets[i]..<rowOffsets[i+1]]` with the
/// matching `values`; column indices within a row are strictly increasing.
/// Products cost O(nnz) (times the dense width for ``*(_:_:)-(CSRMatrix,Matrix)``),
/// and are exact sums in row order, so results are deterministic.
public struct CSRMatrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// `rows + 1` offsets into ``columnIndices`` and ``values``; the last is the stored count.
  public private(set) var rowOffsets: [Int]
  /// The column of each stored entry.
  public private(set) var columnIndices: [Int]
  /// The value of each stored entry.
  public private(set) var values: [Double]

  /// Creates a matrix from `(row, column, value)` triplets in any order (COO form);
  /// values at a repeated position are added.
  public init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Double)]) {
    require(rows >= 0 && columns >= 0, "shape must be non-negative, got \(rows)×\(columns)")
    var perRow = [[(index: Int, value: Double)]](repeating: [], count: rows)
    for entry in entries {
      require(
        (0..<rows).contains(entry.row) && (0..<columns).contains(entry.column),
        "entry (\(entry.row), \(entry.column)) outside a \(rows)×\(columns) matrix")
      perRow[entry.row].append((index: entry.column, value: entry.value))
    }
    self.init(columns: columns, rows: perRow.map { SparseVector(dimension: columns, entries: $0) })
  }

  /// Stacks sparse row vectors of dimension `columns` (one document per row, say).
  public init(columns: Int, rows sparseRows: [SparseVector]) {
    require(sparseRows.allSatisfy { $0.dimension == columns }, "every row needs dimension \(columns)")
    rows = sparseRows.count
    self.columns = columns
    rowOffsets = [0]
    columnIndices = []
    values = []
    for row in sparseRows {
      columnIndices += row.indices
      values += row.values
      rowOffsets.append(columnIndices.count)
    }
  }

  /// The stored entries of a dense matrix that are not zero.
  public init(_ dense: Matrix) {
    self.init(columns: dense.columns, rows: (0..<dense.rows).map { SparseVector(dense.row($0)) })
  }

  /// The number of stored entries.
  public var storedCount: Int { values.count }

  /// Row `i` as a sparse vector.
  public func row(_ i: Int) -> SparseVector {
    require((0..<rows).contains(i), "row \(i) out of range for \(rows) rows")
    let range = rowOffsets[i]..<rowOffsets[i + 1]
    return SparseVector(
      dimension: columns,
      entries: range.map { (index: columnIndices[$0], value: values[$0]) })
  }

  /// Entry (i, j), 0 where nothing is stored.
  public subscript(i: Int, j: Int) -> Double { row(i)[j] }

  /// The dense matrix.
  public var dense: Matrix {
    var result = Matrix(rows: rows, columns: columns)
    for i in 0..<rows {
      for k in rowOffsets[i]..<rowOffsets[i + 1] { result[i, columnIndices[k]] = values[k] }
    }
    return result
  }

  /// The transpose, still in CSR form (a counting sort by column: O(nnz + columns)).
  public var transposed: CSRMatrix {
    var entries: [(row: Int, column: Int, value: Double)] = []
    entries.reserveCapacity(storedCount)
    for i in 0..<rows {
      for k in rowOffsets[i]..<rowOffsets[i + 1] {
        entries.append((row: columnIndices[k], column: i, value: values[k]))
      }
    }
    return CSRMatrix(rows: columns, columns: rows, entries: entries)
  }

  /// Sparse × dense vector, O(nnz).
  public static func * (lhs: CSRMatrix, rhs: [Double]) -> [Double] {
    require(rhs.count == lhs.columns, "cannot multiply \(lhs.rows)×\(lhs.columns) by \(rhs.count)")
    var result = [Double](repeating: 0, count: lhs.rows)
    for i in 0..<lhs.rows {
      var sum = 0.0
      for k in lhs.rowOffsets[i]..<lhs.rowOffsets[i + 1] {
        sum += lhs.values[k] * rhs[lhs.columnIndices[k]]
      }
      result[i] = sum
    }
    return result
  }

  /// Sparse × dense matrix, O(nnz · rhs.columns): each stored entry adds a scaled
  /// row of `rhs` (the access pattern that suits row-major storage).
  public static func * (lhs: CSRMatrix, rhs: Matrix) -> Matrix {
    require(rhs.rows == lhs.columns, "cannot multiply \(lhs.rows)×\(lhs.columns) by \(rhs.rows)×\(rhs.columns)")
    let width = rhs.columns
    var out = [Double](repeating: 0, count: lhs.rows * width)
    rhs.elements.withUnsafeBufferPointer { b in
      out.withUnsafeMutableBufferPointer { c in
        for i in 0..<lhs.rows {
          for k in lhs.rowOffsets[i]..<lhs.rowOffsets[i + 1] {
            let a = lhs.values[k]
            let source = lhs.columnIndices[k] * width
            for j in 0..<width { c[i * width + j] += a * b[source + j] }
          }
        }
      }
    }
    return Matrix(rows: lhs.rows, columns: width, elements: out)
  }

  /// `selfᵀ · vector` without forming the transpose, O(nnz).
  public func transposeMultiplied(by vector: [Double]) -> [Double] {
    require(vector.count == rows, "cannot multiply the transpose of \(rows)×\(columns) by \(vector.count)")
    var result = [Double](repeating: 0, count: columns)
    for i in 0..<rows {
      for k in rowOffsets[i]..<rowOffsets[i + 1] { result[columnIndices[k]] += values[k] * vector[i] }
    }
    return result
  }
}
