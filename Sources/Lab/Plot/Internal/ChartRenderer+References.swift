extension ChartRenderer {
  /// Reference lines and annotations, drawn above every series.
  func drawReference(_ mark: Mark, into svg: inout SVGWriter) {
    let dashed: KeyValuePairs<String, String> = [
      "fill": "none", "stroke": "currentColor", "stroke-opacity": "0.7", "stroke-dasharray": "5 4",
    ]
    switch mark {
    case .horizontalLine(let value, let label):
      guard let py = y.position(value) else { return }
      referencePath(
        "M\(PlotNumber.coordinate(left)) \(PlotNumber.coordinate(py))H\(PlotNumber.coordinate(right))",
        dashed, &svg)
      if let label, !label.isEmpty {
        let above = py - top > 18
        svg.text(
          label, x: right - 4, y: above ? py - 4 : py + 15,
          ["font-size": PlotNumber.coordinate(Self.noteSize), "text-anchor": "end"])
      }
    case .verticalLine(let value, let label):
      guard let px = x.position(value) else { return }
      referencePath(
        "M\(PlotNumber.coordinate(px)) \(PlotNumber.coordinate(top))V\(PlotNumber.coordinate(bottom))",
        dashed, &svg)
      if let label, !label.isEmpty {
        let roomRight = right - px > TextMetrics.width(label, size: Self.noteSize) + 8
        svg.text(
          label, x: roomRight ? px + 4 : px - 4, y: top + 14,
          ["font-size": PlotNumber.coordinate(Self.noteSize), "text-anchor": roomRight ? "start" : "end"])
      }
    case .annotation(let ax, let ay, let text):
      guard let px = x.position(ax), let py = y.position(ay) else { return }
      svg.element(
        "circle",
        [
          "cx": PlotNumber.coordinate(px), "cy": PlotNumber.coordinate(py), "r": "3",
          "fill": "none", "stroke": "currentColor",
        ])
      let roomRight = right - px > TextMetrics.width(text, size: Self.noteSize) + 10
      // Above the point in the lower half of the plot, below it in the upper half.
      let textY = py > (top + bottom) / 2 ? py - 7 : py + 17
      svg.text(
        text, x: roomRight ? px + 6 : px - 6, y: textY,
        ["font-size": PlotNumber.coordinate(Self.noteSize), "text-anchor": roomRight ? "start" : "end"])
    default:
      return
    }
  }

  private func referencePath(
    _ d: String, _ style: KeyValuePairs<String, String>, _ svg: inout SVGWriter
  ) {
    svg.element("path", pairs: [("d", d)] + style.map { ($0.key, $0.value) })
  }

  /// Cells as horizontal runs of equal colour level, one path per level, in a unit-cell
  /// coordinate system so each run costs only a few bytes.
  func drawHeatmap(_ cells: HeatmapCells, into svg: inout SVGWriter) {
    guard let colors, cells.rows > 0, cells.columns > 0 else { return }
    var runs = [String](repeating: "", count: ColorScale.levels)
    for row in 0..<cells.rows {
      var column = 0
      while column < cells.columns {
        let level = colors.level(cells.values[row * cells.columns + column])
        var end = column + 1
        while end < cells.columns, colors.level(cells.values[row * cells.columns + end]) == level {
          end += 1
        }
        if let level { runs[level] += "M\(column) \(row).5h\(end - column)" }
        column = end
      }
    }
    let sx = (right - left) / Double(cells.columns)
    let sy = (bottom - top) / Double(cells.rows)
    svg.open(
      "g",
      [
        "transform": PlotNumber.transform(x: left, y: top, scaleX: sx, scaleY: sy),
        "fill": "none", "shape-rendering": "crispEdges",
      ])
    for (level, d) in runs.enumerated() where !d.isEmpty {
      svg.append(raw: "<path stroke=\"\(colors.color(level: level))\" d=\"\(d)\"/>")
    }
    svg.close("g")
  }
}
