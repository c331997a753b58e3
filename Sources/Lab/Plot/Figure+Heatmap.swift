extension Figure {
  /// The largest number of cells drawn along either side of a heatmap; larger matrices are
  /// averaged down to this so the SVG stays small (a 200 × 200 matrix draws as 150 × 150).
  public static let heatmapMaximumCells = 150

  /// A heatmap of a matrix: entry (i, j) is the cell in row i (from the top) and column j.
  ///
  /// Colours follow `colorMap` over `range` (default: the finite entries' minimum to maximum;
  /// for `.diverging`, symmetric about zero), quantised to 64 levels and explained by a colour
  /// bar. NaN entries stay blank. Axes count rows and columns from 0; marks added later use
  /// the same coordinates (column j spans x ∈ [j, j+1], row i spans y ∈ [i, i+1]).
  ///
  /// - Parameters:
  ///   - matrix: The values.
  ///   - title: Heading and accessible title.
  ///   - xLabel: Label of the column axis.
  ///   - yLabel: Label of the row axis.
  ///   - colorbarLabel: What the colours measure.
  ///   - colorMap: `.viridis` (default) or `.diverging`.
  ///   - range: Values mapped to the ends of the colour map; others are clamped.
  public static func heatmap(
    _ matrix: Matrix, title: String = "", xLabel: String = "", yLabel: String = "",
    colorbarLabel: String = "", colorMap: ColorMap = .viridis, range: ClosedRange<Double>? = nil
  ) -> Figure {
    var figure = Figure(title: title, xLabel: xLabel, yLabel: yLabel)
    figure.colorbarLabel = colorbarLabel
    figure.colorMap = colorMap
    figure.width = 560
    figure.height = 480
    figure.marks = [.heatmap(cells(matrix, colorMap: colorMap, range: range))]
    return figure
  }

  /// A heatmap of equal-length rows; see ``heatmap(_:title:xLabel:yLabel:colorbarLabel:colorMap:range:)``.
  public static func heatmap(
    _ rows: [[Double]], title: String = "", xLabel: String = "", yLabel: String = "",
    colorbarLabel: String = "", colorMap: ColorMap = .viridis, range: ClosedRange<Double>? = nil
  ) -> Figure {
    heatmap(
      Matrix(rows), title: title, xLabel: xLabel, yLabel: yLabel, colorbarLabel: colorbarLabel,
      colorMap: colorMap, range: range)
  }

  private static func cells(_ matrix: Matrix, colorMap: ColorMap, range: ClosedRange<Double>?)
    -> HeatmapCells
  {
    let finite = matrix.elements.filter(\.isFinite)
    var low = range?.lowerBound ?? finite.min() ?? 0
    var high = range?.upperBound ?? finite.max() ?? 1
    if colorMap == .diverging && range == nil {
      let extent = max(abs(low), abs(high))
      (low, high) = (-extent, extent)
    }
    if !(high > low) {
      (low, high) = low == 0 ? (-1, 1) : (low - abs(low) * 0.1, high + abs(high) * 0.1)
    }
    let rows = min(matrix.rows, heatmapMaximumCells)
    let columns = min(matrix.columns, heatmapMaximumCells)
    return HeatmapCells(
      rows: rows, columns: columns, sourceRows: matrix.rows, sourceColumns: matrix.columns,
      values: downsampled(matrix, rows: rows, columns: columns), low: low, high: high)
  }

  /// Block means of the finite entries (NaN where a block has none).
  private static func downsampled(_ matrix: Matrix, rows: Int, columns: Int) -> [Double] {
    guard rows != matrix.rows || columns != matrix.columns else {
      return matrix.elements.map { $0.isFinite ? $0 : .nan }
    }
    var sums = [Double](repeating: 0, count: rows * columns)
    var counts = [Int](repeating: 0, count: rows * columns)
    for i in 0..<matrix.rows {
      let target = i * rows / matrix.rows
      for j in 0..<matrix.columns {
        let value = matrix[i, j]
        guard value.isFinite else { continue }
        let cell = target * columns + j * columns / matrix.columns
        sums[cell] += value
        counts[cell] += 1
      }
    }
    return zip(sums, counts).map { $1 == 0 ? .nan : $0 / Double($1) }
  }
}
