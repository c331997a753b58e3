import Foundation

/// Lays out and draws one chart (everything but grids).
struct ChartRenderer {
  let figure: Figure
  var x: Axis
  var y: Axis
  /// Category names when the figure has bars (the x axis is then categorical).
  var categories: [String] = []
  var colors: ColorScale?
  var legend: [LegendItem] = []
  var legendRows = 0
  /// The plot area in view-box px.
  var left = 0.0, top = 0.0, right = 0.0, bottom = 0.0

  // Text sizes in view-box px. A 640-wide figure shrinks to about 0.6 of its size on a phone,
  // so ticks, legends and notes drawn at 15 stay about 9 px there.
  static let tickSize = 15.0
  static let labelSize = 16.0
  static let titleSize = 18.0
  /// Labels of reference lines and annotations.
  static let noteSize = 15.0

  /// Room above the legend: the title's line, or a small margin without a title.
  var headerHeight: Double { figure.title.isEmpty ? 12 : 38 }
  static let legendRowHeight = 22.0

  init(figure: Figure) {
    self.figure = figure
    let extents = DataExtents(figure.marks, xScale: figure.xScale, yScale: figure.yScale)
    categories = extents.categories
    x = Axis(
      scale: figure.xScale, values: extents.xs, range: figure.xRange,
      padding: extents.hasHeatmap ? 0 : 0.04)
    if !categories.isEmpty, figure.xRange == nil, figure.xScale == .linear {
      (x.low, x.high) = (-0.5, Double(categories.count) - 0.5)
    }
    y = Axis(
      scale: figure.yScale, values: extents.ys, range: figure.yRange,
      padding: extents.hasHeatmap ? 0 : 0.04, includeZero: extents.needsZero)
    colors = ColorScale(figure.marks, map: figure.colorMap)
    legend = LegendItem.items(figure.marks)
    layout(heatmap: extents.heatmap)
  }

  private mutating func layout(heatmap: HeatmapCells?) {
    let width = figure.width
    let height = figure.height
    right = width - 16 - (colors.map { $0.width(label: figure.colorbarLabel) } ?? 0)
    legendRows = LegendItem.rows(legend, width: right - 60)
    top = headerHeight + Double(legendRows) * Self.legendRowHeight + (legendRows > 0 ? 4 : 0)
    bottom = height - 30 - (figure.xLabel.isEmpty ? 0 : 22)
    // Tiny view boxes still get a (cramped) plot area rather than a negative one.
    bottom = max(bottom, top + 20)
    y.start = heatmap == nil ? bottom : top
    y.end = heatmap == nil ? top : bottom
    if let heatmap {
      y.ticks = Self.indexTicks(heatmap.sourceRows, target: Int((bottom - top) / 40))
    } else {
      y.makeTicks(target: max(2, Int((bottom - top) / 55)))
    }
    let labelWidth = y.ticks.map { TextMetrics.width($0.label, size: Self.tickSize) }.max() ?? 0
    left = 10 + labelWidth + 8 + (figure.yLabel.isEmpty ? 0 : 24)
    right = max(right, left + 20)
    (x.start, x.end) = (left, right)
    if let heatmap {
      x.ticks = Self.indexTicks(heatmap.sourceColumns, target: Int((right - left) / 60))
    } else if !categories.isEmpty {
      x.ticks = categoryTicks()
    } else {
      x.makeTicks(target: max(2, Int((right - left) / 90)))
    }
  }

  /// Integer ticks 0…n−1 at cell centres.
  static func indexTicks(_ count: Int, target: Int) -> [Tick] {
    guard count > 1 else { return count == 1 ? [Tick(value: 0.5, label: "0")] : [] }
    let step = max(1, Ticks.niceStep(Double(count - 1) / Double(max(target, 1))))
    return stride(from: 0.0, through: Double(count - 1), by: step).map {
      Tick(value: $0 + 0.5, label: PlotNumber.fixed($0, decimals: 0))
    }
  }

  private func categoryTicks() -> [Tick] {
    let widest = categories.map { TextMetrics.width($0, size: Self.tickSize) }.max() ?? 0
    let room = (right - left) / Double(max(categories.count, 1))
    let every = max(1, Int(((widest + 6) / room).rounded(.up)))
    return categories.indices.filter { $0 % every == 0 }.map {
      Tick(value: Double($0), label: categories[$0])
    }
  }

  /// The complete `<svg>` element.
  func standalone() -> String {
    var svg = SVGWriter()
    svg.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox":
          "0 0 \(PlotNumber.coordinate(figure.width)) \(PlotNumber.coordinate(figure.height))",
        "width": "100%", "role": "img", "font-family": "inherit",
        "font-size": PlotNumber.coordinate(Self.labelSize),
        "fill": "currentColor",
      ])
    svg.element("title", [:], text: figure.title.isEmpty ? "Figure" : figure.title)
    svg.element("desc", [:], text: FigureSummary.describe(figure))
    draw(into: &svg)
    svg.close("svg")
    return svg.markup
  }

  /// Everything inside the root element, in view-box coordinates.
  func draw(into svg: inout SVGWriter) {
    if !figure.title.isEmpty {
      svg.text(
        figure.title, x: figure.width / 2, y: 24,
        ["text-anchor": "middle", "font-size": PlotNumber.coordinate(Self.titleSize), "font-weight": "600"])
    }
    drawLegend(into: &svg)
    drawGrid(into: &svg)
    drawMarks(into: &svg)
    drawAxes(into: &svg)
    drawColorbar(into: &svg)
  }

  private func drawGrid(into svg: inout SVGWriter) {
    guard
      colors == nil
        || !figure.marks.contains(where: { if case .heatmap = $0 { true } else { false } })
    else { return }
    var path = PathData()
    for tick in x.ticks {
      if let px = x.position(tick.value) {
        path.move(px, top)
        path.command("V" + PlotNumber.coordinate(bottom))
      }
    }
    for tick in y.ticks {
      if let py = y.position(tick.value) {
        path.move(left, py)
        path.command("H" + PlotNumber.coordinate(right))
      }
    }
    guard !path.isEmpty else { return }
    svg.element(
      "path", ["d": path.d, "fill": "none", "stroke": "currentColor", "stroke-opacity": "0.12"])
  }

  private func drawAxes(into svg: inout SVGWriter) {
    var path = PathData()
    path.move(left, top)
    path.command("V" + PlotNumber.coordinate(bottom) + "H" + PlotNumber.coordinate(right))
    for tick in x.ticks {
      if let px = x.position(tick.value) {
        path.move(px, bottom)
        path.command("v4")
      }
    }
    for tick in y.ticks {
      if let py = y.position(tick.value) {
        path.move(left, py)
        path.command("h-4")
      }
    }
    for value in x.minorTicks {
      if let px = x.position(value) {
        path.move(px, bottom)
        path.command("v2")
      }
    }
    for value in y.minorTicks {
      if let py = y.position(value) {
        path.move(left, py)
        path.command("h-2")
      }
    }
    svg.element("path", ["d": path.d, "fill": "none", "stroke": "currentColor"])
    let tickFont = PlotNumber.coordinate(Self.tickSize)
    svg.open("g", ["font-size": tickFont, "text-anchor": "middle"])
    for tick in x.ticks {
      if let px = x.position(tick.value) { svg.text(tick.label, x: px, y: bottom + 19) }
    }
    svg.close("g")
    svg.open("g", ["font-size": tickFont, "text-anchor": "end"])
    for tick in y.ticks {
      if let py = y.position(tick.value) { svg.text(tick.label, x: left - 7, y: py + 5) }
    }
    svg.close("g")
    if !figure.xLabel.isEmpty {
      svg.text(figure.xLabel, x: (left + right) / 2, y: bottom + 43, ["text-anchor": "middle"])
    }
    if !figure.yLabel.isEmpty {
      svg.text(
        figure.yLabel, x: -(top + bottom) / 2, y: 18,
        ["transform": "rotate(-90)", "text-anchor": "middle"])
    }
  }
}
