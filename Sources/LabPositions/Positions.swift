import Foundation
import Lab

/// Absolute position embeddings: sinusoidal tables, trained tables read from disk, the
/// hierarchical decomposition that extends a table of n trained positions to n², and the
/// similarity statistics used to compare constructions.
///
/// A table is a ``Matrix`` with one row per position (row k is position k, 0-based) and
/// one column per embedding dimension.
public enum Positions {
  /// The sinusoidal table of the original Transformer: row k has sin(k·ωₜ) in column 2t and
  /// cos(k·ωₜ) in column 2t + 1, with ωₜ = base^(−2t/d).
  ///
  /// Every row has norm exactly √(d/2) up to rounding (d even). Row 0 is (0, 1, 0, 1, …).
  public static func sinusoidal(count: Int, dimension d: Int, base: Double = 10000) -> Matrix {
    require(d > 0 && d.isMultiple(of: 2), "the sinusoidal table needs an even dimension, got \(d)")
    let frequencies = (0..<(d / 2)).map { pow(base, -2 * Double($0) / Double(d)) }
    return Matrix(rows: count, columns: d) { k, column in
      let angle = Double(k) * frequencies[column / 2]
      return column.isMultiple(of: 2) ? sin(angle) : cos(angle)
    }
  }

  /// A copy of `table` with every row scaled to unit Euclidean norm (zero rows stay zero).
  public static func normalizingRows(_ table: Matrix) -> Matrix {
    table.scalingRows(
      by: table.rowArrays.map { row in
        let norm = row.norm
        return norm > 0 ? 1 / norm : 0
      })
  }

  /// The matrix of cosine similarities between the rows of `table` (m×m, by one BLAS product).
  ///
  /// The diagonal is 1 up to rounding (about 1e-15) for non-zero rows; the matrix is
  /// symmetric up to rounding.
  public static func cosineSimilarities(_ table: Matrix) -> Matrix {
    let unit = normalizingRows(table)
    return unit * unit.transposed
  }

  /// The mean cosine similarity over all pairs of distinct rows, in O(m·d).
  ///
  /// Uses Σ_{i≠j} cos(rᵢ, rⱼ) = ‖Σᵢ r̂ᵢ‖² − m, so it agrees with averaging the off-diagonal of
  /// ``cosineSimilarities(_:)`` to about 1e-12. Needs at least two rows, all non-zero.
  public static func meanPairwiseCosine(_ table: Matrix) -> Double {
    let m = table.rows
    require(m >= 2, "the mean pairwise cosine needs at least two rows, got \(m)")
    let unit = normalizingRows(table)
    var total = [Double](repeating: 0, count: table.columns)
    for i in 0..<m {
      for t in 0..<table.columns { total[t] += unit[i, t] }
    }
    return (total.dot(total) - Double(m)) / Double(m * (m - 1))
  }

  /// Rows `range` of `table` as a new matrix.
  public static func rows(_ range: Range<Int>, of table: Matrix) -> Matrix {
    require(range.lowerBound >= 0 && range.upperBound <= table.rows, "rows \(range) out of 0..<\(table.rows)")
    let width = table.columns
    return Matrix(
      rows: range.count, columns: width,
      elements: Array(table.elements[(range.lowerBound * width)..<(range.upperBound * width)]))
  }

  /// Every `stride`-th row of `table`, starting at row 0: what a heatmap of a long table shows.
  public static func everyRow(_ stride: Int, of table: Matrix) -> Matrix {
    require(stride > 0, "stride must be positive, got \(stride)")
    let picked = Swift.stride(from: 0, to: table.rows, by: stride).map { table.row($0) }
    return Matrix(picked)
  }
}
