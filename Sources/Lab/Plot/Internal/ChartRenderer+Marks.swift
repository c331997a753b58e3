extension ChartRenderer {
  func drawMarks(into svg: inout SVGWriter) {
    let box = [left, top, right - left, bottom - top].map(PlotNumber.coordinate).joined(
      separator: " ")
    let parts = box.split(separator: " ").map(String.init)
    // A nested <svg> clips marks to the plot area without needing a document-unique id.
    svg.open(
      "svg", ["x": parts[0], "y": parts[1], "width": parts[2], "height": parts[3], "viewBox": box])
    let barSeries = figure.marks.filter { if case .bars = $0 { true } else { false } }.count
    var seriesIndex = 0
    var barIndex = 0
    for mark in figure.marks {
      let color = Palette.color(of: mark, index: seriesIndex)
      switch mark {
      case .line(let series, let markers, let dash):
        drawLine(series, markers: markers, dash: dash, color: color, into: &svg)
      case .scatter(let series, let values):
        drawScatter(series, values: values, color: color, into: &svg)
      case .bars(let names, let heights, _):
        drawBars(names, heights, group: barIndex, of: barSeries, color: color, into: &svg)
        barIndex += 1
      case .histogram(let edges, let heights, _):
        drawHistogram(edges, heights, color: color, into: &svg)
      case .heatmap(let cells):
        drawHeatmap(cells, into: &svg)
      case .horizontalLine, .verticalLine, .annotation:
        break
      }
      if mark.isSeries { seriesIndex += 1 }
    }
    for mark in figure.marks { drawReference(mark, into: &svg) }
    svg.close("svg")
  }

  private func point(_ px: Double, _ py: Double) -> (Double, Double)? {
    guard let sx = x.position(px), let sy = y.position(py) else { return nil }
    return (sx, sy)
  }

  private func drawLine(
    _ series: Mark.Series, markers: Bool, dash: Figure.Dash, color: SeriesColor,
    into svg: inout SVGWriter
  ) {
    var path = PathData()
    var dots: [(Double, Double)] = []
    for (px, py) in zip(series.xs, series.ys) {
      guard let (sx, sy) = point(px, py) else {
        path.lift()
        continue
      }
      path.line(sx, sy)
      dots.append((sx, sy))
    }
    if path.hasSegments {
      var attributes = [("d", path.d), ("fill", "none"), ("stroke-width", "1.75")]
      if let pattern = dash.pattern { attributes.append(("stroke-dasharray", pattern)) }
      if dash == .dotted { attributes.append(("stroke-linecap", "round")) }
      svg.element("path", pairs: attributes + color.paint("stroke"))
    }
    if markers { drawDots(dots, radius: 2.5, into: &svg, color.paint("fill")) }
  }

  private func drawDots(
    _ dots: [(Double, Double)], radius: Double, into svg: inout SVGWriter,
    _ group: [(String, String)]
  ) {
    guard !dots.isEmpty else { return }
    svg.open("g", pairs: group)
    let r = PlotNumber.coordinate(radius)
    for (cx, cy) in dots {
      svg.append(
        raw:
          "<circle cx=\"\(PlotNumber.coordinate(cx))\" cy=\"\(PlotNumber.coordinate(cy))\" r=\"\(r)\"/>"
      )
    }
    svg.close("g")
  }

  private func drawScatter(
    _ series: Mark.Series, values: [Double]?, color: SeriesColor, into svg: inout SVGWriter
  ) {
    guard let values, let colors else {
      let dots = zip(series.xs, series.ys).compactMap { point($0, $1) }
      return drawDots(dots, radius: 3, into: &svg, [("fill-opacity", "0.8")] + color.paint("fill"))
    }
    var byLevel: [Int: [(Double, Double)]] = [:]
    for ((px, py), value) in zip(zip(series.xs, series.ys), values) {
      guard let dot = point(px, py) else { continue }
      byLevel[colors.level(value) ?? -1, default: []].append(dot)
    }
    for level in byLevel.keys.sorted() {
      let fill = level < 0 ? "#999999" : colors.color(level: level)
      drawDots(byLevel[level] ?? [], radius: 3.5, into: &svg, [("fill", fill)])
    }
  }

  private func drawBars(
    _ names: [String], _ heights: [Double], group: Int, of groups: Int, color: SeriesColor,
    into svg: inout SVGWriter
  ) {
    let slot = 0.8 / Double(max(groups, 1))
    let base = y.clampedPosition(y.scale == .log ? y.low : 0)
    var path = PathData()
    for (name, height) in zip(names, heights) {
      guard let index = categories.firstIndex(of: name), let top = y.position(height) else {
        continue
      }
      let start = Double(index) - 0.4 + slot * Double(group)
      guard let x0 = x.position(start), let x1 = x.position(start + slot) else { continue }
      path.move(x0, base)
      path.command("V" + PlotNumber.coordinate(top) + "H" + PlotNumber.coordinate(x1))
      path.command("V" + PlotNumber.coordinate(base) + "z")
    }
    guard !path.isEmpty else { return }
    svg.element("path", pairs: [("d", path.d)] + color.paint("fill"))
  }

  private func drawHistogram(
    _ edges: [Double], _ heights: [Double], color: SeriesColor, into svg: inout SVGWriter
  ) {
    guard let first = edges.first, let start = x.position(first) else { return }
    let base = y.clampedPosition(y.scale == .log ? y.low : 0)
    var path = PathData()
    path.move(start, base)
    for (edge, height) in zip(edges.dropFirst(), heights) {
      let top = y.position(height) ?? base
      guard let next = x.position(edge) else { continue }
      path.command("V" + PlotNumber.coordinate(top) + "H" + PlotNumber.coordinate(next))
    }
    path.command("V" + PlotNumber.coordinate(base) + "z")
    svg.element(
      "path",
      pairs: [("d", path.d), ("fill-opacity", "0.4"), ("stroke-width", "1.25")]
        + color.paint("fill", "stroke"))
  }
}
