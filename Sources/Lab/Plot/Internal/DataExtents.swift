/// The data values each axis must show, gathered from a figure's marks.
struct DataExtents {
  var xs: [Double] = []
  var ys: [Double] = []
  var categories: [String] = []
  var needsZero = false
  var heatmap: HeatmapCells?
  var hasHeatmap: Bool { heatmap != nil }

  init(_ marks: [Mark], xScale: Figure.Scale, yScale: Figure.Scale) {
    for mark in marks {
      switch mark {
      case .line(let series, _, _), .scatter(let series, _):
        // A point counts only if both coordinates can be drawn.
        for (px, py) in zip(series.xs, series.ys)
        where Self.drawable(px, xScale) && Self.drawable(py, yScale) {
          xs.append(px)
          ys.append(py)
        }
      case .bars(let names, let heights, _):
        for name in names where !categories.contains(name) { categories.append(name) }
        ys += heights
        needsZero = true
      case .histogram(let edges, let heights, _):
        if let first = edges.first, let last = edges.last { xs += [first, last] }
        ys += heights.filter { $0 > 0 || yScale == .linear }
        needsZero = true
      case .horizontalLine(let value, _): ys.append(value)
      case .verticalLine(let value, _): xs.append(value)
      case .annotation(let px, let py, _):
        xs.append(px)
        ys.append(py)
      case .heatmap(let cells):
        heatmap = cells
        xs += [0, Double(cells.sourceColumns)]
        ys += [0, Double(cells.sourceRows)]
      }
    }
    if !categories.isEmpty { xs += [0, Double(categories.count - 1)] }
  }

  static func drawable(_ value: Double, _ scale: Figure.Scale) -> Bool {
    value.isFinite && (scale == .linear || value > 0)
  }
}

/// The mapping from values to colours shared by a heatmap or value-coloured points.
struct ColorScale {
  static let levels = 64
  var low: Double
  var high: Double
  var map: ColorStops

  /// `nil` unless some mark is coloured by value.
  init?(_ marks: [Mark], map kind: Figure.ColorMap) {
    var values: [Double] = []
    var fixed: (Double, Double)?
    for mark in marks {
      if case .scatter(_, let colouring?) = mark { values += colouring.filter(\.isFinite) }
      if case .heatmap(let cells) = mark { fixed = (cells.low, cells.high) }
    }
    guard
      fixed != nil
        || marks.contains(where: { if case .scatter(_, _?) = $0 { true } else { false } })
    else { return nil }
    var (low, high) = fixed ?? (values.min() ?? 0, values.max() ?? 1)
    if kind == .diverging && fixed == nil {
      let extent = max(abs(low), abs(high))
      (low, high) = (-extent, extent)
    }
    if !(high > low) {
      (low, high) = low == 0 ? (-1, 1) : (low - abs(low) * 0.1, high + abs(high) * 0.1)
    }
    self.low = low
    self.high = high
    self.map = kind == .viridis ? .viridis : .diverging
  }

  /// The quantised level (0 ..< `levels`) of a value; `nil` for NaN.
  func level(_ value: Double) -> Int? {
    guard !value.isNaN else { return nil }
    let fraction = (value - low) / (high - low)
    return min(max(Int(fraction * Double(Self.levels)), 0), Self.levels - 1)
  }

  func color(level: Int) -> String { map.color((Double(level) + 0.5) / Double(Self.levels)) }

  /// Horizontal room the colour bar needs to the right of the plot.
  func width(label: String) -> Double {
    let ticks = Ticks.linear(low, high, target: 5)
    let widest = ticks.map { TextMetrics.width($0.label, size: ChartRenderer.tickSize) }.max() ?? 0
    return 16 + 14 + 7 + widest + (label.isEmpty ? 0 : 24)
  }
}
