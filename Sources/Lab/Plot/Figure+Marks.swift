extension Figure {
  /// Adds a line through the points `(xs[i], ys[i])`, in order.
  ///
  /// Each line takes the next series colour unless `color` names one; labelled series appear
  /// in the legend, drawn as they are in the plot. A point with a non-finite coordinate (or ≤ 0
  /// on a log axis) is skipped and breaks the line.
  ///
  /// - Parameters:
  ///   - xs: Horizontal coordinates; must have as many entries as `ys`.
  ///   - ys: Vertical coordinates.
  ///   - label: The legend entry; `nil` keeps the series out of the legend.
  ///   - markers: Draw a dot at every point as well.
  ///   - dashed: Draw the line dashed (for theory curves or bounds); the same as `dash: .dashed`.
  ///   - color: The series colour; `nil` takes the next one. Choosing one does not shift the
  ///     colours of the other series.
  ///   - dash: The stroke pattern; when given, it takes precedence over `dashed`.
  public mutating func line(
    _ xs: [Double], _ ys: [Double], label: String? = nil, markers: Bool = false,
    dashed: Bool = false, color: Color? = nil, dash: Dash? = nil
  ) {
    checkLengths(xs.count, ys.count, "line", label)
    let series = Mark.Series(xs: xs, ys: ys, label: label, color: color)
    marks.append(.line(series, markers: markers, dash: dash ?? (dashed ? .dashed : .solid)))
  }

  /// Adds points `(xs[i], ys[i])`, optionally coloured by `values[i]`.
  ///
  /// With `values`, point colours follow ``colorMap`` over the range of all values in the
  /// figure and a colour bar labelled ``colorbarLabel`` is drawn; NaN values draw grey.
  ///
  /// - Parameters:
  ///   - xs: Horizontal coordinates; must have as many entries as `ys`.
  ///   - ys: Vertical coordinates.
  ///   - label: The legend entry; `nil` keeps the series out of the legend.
  ///   - values: One number per point to colour it by, or `nil` for the series colour.
  ///   - color: The series colour; `nil` takes the next one (see ``line(_:_:label:markers:dashed:color:dash:)``).
  public mutating func scatter(
    _ xs: [Double], _ ys: [Double], label: String? = nil, values: [Double]? = nil,
    color: Color? = nil
  ) {
    checkLengths(xs.count, ys.count, "scatter", label)
    if let values { checkLengths(xs.count, values.count, "scatter values of", label) }
    marks.append(.scatter(Mark.Series(xs: xs, ys: ys, label: label, color: color), values: values))
  }

  /// Adds one bar per category; several calls draw grouped bars side by side.
  ///
  /// The horizontal axis becomes categorical (categories in first-seen order, at positions
  /// 0, 1, 2 …); the vertical axis includes zero. NaN heights are skipped.
  public mutating func bars(categories: [String], heights: [Double], label: String? = nil) {
    checkLengths(categories.count, heights.count, "bars", label)
    marks.append(.bars(categories: categories, heights: heights, label: label))
  }

  /// Adds a histogram of `values` with `bins` equal-width bins; several histograms overlay
  /// translucently.
  ///
  /// Non-finite values are ignored. The bins span `range` if given (values outside it are not
  /// counted), else the values' minimum to maximum (a unit-wide span around a constant).
  ///
  /// - Parameters:
  ///   - values: The sample.
  ///   - bins: The number of bins (at least 1).
  ///   - label: The legend entry.
  ///   - range: The interval the bins cover.
  ///   - density: Scale heights so the area is 1 (a probability density) instead of counts.
  public mutating func histogram(
    _ values: [Double], bins: Int = 30, label: String? = nil, range: ClosedRange<Double>? = nil,
    density: Bool = false
  ) {
    let (edges, heights) = Figure.binned(values, bins: max(bins, 1), range: range, density: density)
    marks.append(.histogram(edges: edges, heights: heights, label: label))
  }

  /// Adds a dashed horizontal reference line across the plot, labelled at its right end.
  public mutating func horizontalLine(at y: Double, label: String? = nil) {
    marks.append(.horizontalLine(y, label: label))
  }

  /// Adds a dashed vertical reference line across the plot, labelled at its top.
  public mutating func verticalLine(at x: Double, label: String? = nil) {
    marks.append(.verticalLine(x, label: label))
  }

  /// Writes `text` next to the data point `(x, y)`, marked with a small ring.
  public mutating func annotate(x: Double, y: Double, _ text: String) {
    marks.append(.annotation(x: x, y: y, text: text))
  }

  private func checkLengths(_ a: Int, _ b: Int, _ kind: String, _ label: String?) {
    require(
      a == b, "\(kind) '\(label ?? "unlabelled")' needs equally long inputs, got \(a) and \(b)")
  }

  static func binned(_ values: [Double], bins: Int, range: ClosedRange<Double>?, density: Bool)
    -> (edges: [Double], heights: [Double])
  {
    let finite = values.filter(\.isFinite)
    var low = range?.lowerBound ?? finite.min() ?? 0
    var high = range?.upperBound ?? finite.max() ?? 1
    if !(high > low) { (low, high) = (low - 0.5, low + 0.5) }
    let width = (high - low) / Double(bins)
    var counts = [Double](repeating: 0, count: bins)
    for value in finite where value >= low && value <= high {
      counts[min(Int((value - low) / width), bins - 1)] += 1
    }
    let edges = (0...bins).map { low + Double($0) * width }
    let total = counts.reduce(0, +)
    if density && total > 0 { counts = counts.map { $0 / (total * width) } }
    return (edges, counts)
  }
}
