/// One legend entry: a swatch in the series colour and its label.
struct LegendItem {
  enum Swatch {
    case line(dash: Figure.Dash, markers: Bool)
    case dot, block
    /// Points coloured by value: three dots in low, middle and high colours.
    case valueDots
  }
  var swatch: Swatch
  var color: SeriesColor
  var label: String

  static let swatchWidth = 20.0
  static let gap = 16.0

  var width: Double {
    Self.swatchWidth + 5 + TextMetrics.width(label, size: ChartRenderer.tickSize) + Self.gap
  }

  /// The labelled series of `marks`, in order, with their colours.
  static func items(_ marks: [Mark]) -> [LegendItem] {
    var items: [LegendItem] = []
    var index = 0
    for mark in marks where mark.isSeries {
      defer { index += 1 }
      guard let label = mark.label, !label.isEmpty else { continue }
      let swatch: Swatch
      switch mark {
      case .line(_, let markers, let dash): swatch = .line(dash: dash, markers: markers)
      case .scatter(_, let values): swatch = values == nil ? .dot : .valueDots
      default: swatch = .block
      }
      items.append(LegendItem(swatch: swatch, color: Palette.color(of: mark, index: index), label: label))
    }
    return items
  }

  /// How many rows the items need when wrapped to `width`.
  static func rows(_ items: [LegendItem], width: Double) -> Int {
    placements(items, width: width).last.map { $0.row + 1 } ?? 0
  }

  /// Each item's row and horizontal offset.
  static func placements(_ items: [LegendItem], width: Double) -> [(row: Int, x: Double)] {
    var result: [(row: Int, x: Double)] = []
    var row = 0
    var cursor = 0.0
    for item in items {
      if cursor > 0 && cursor + item.width - gap > width {
        row += 1
        cursor = 0
      }
      result.append((row, cursor))
      cursor += item.width
    }
    return result
  }
}

extension ChartRenderer {
  func drawLegend(into svg: inout SVGWriter) {
    guard !legend.isEmpty else { return }
    let firstRow = headerHeight + 6
    svg.open("g", ["font-size": PlotNumber.coordinate(Self.tickSize)])
    for (item, place) in zip(legend, LegendItem.placements(legend, width: right - left)) {
      let sx = left + place.x
      let sy = firstRow + Double(place.row) * Self.legendRowHeight
      switch item.swatch {
      case .line(let dash, let markers):
        var attributes = [
          ("d", "M\(PlotNumber.coordinate(sx)) \(PlotNumber.coordinate(sy))h20"),
          ("stroke-width", "2"),
        ]
        attributes += item.color.paint("stroke")
        if let pattern = dash.pattern { attributes.append(("stroke-dasharray", pattern)) }
        if dash == .dotted { attributes.append(("stroke-linecap", "round")) }
        svg.element("path", pairs: attributes)
        if markers { circle(&svg, sx + 10, sy, radius: 2.5, color: item.color) }
      case .valueDots:
        for (offset, fraction) in [(3.0, 0.1), (10.0, 0.5), (17.0, 0.9)] {
          let fill = colors?.map.color(fraction) ?? "#999999"
          svg.element(
            "circle",
            [
              "cx": PlotNumber.coordinate(sx + offset), "cy": PlotNumber.coordinate(sy), "r": "3",
              "fill": fill,
            ])
        }
      case .dot:
        circle(&svg, sx + 10, sy, radius: 4, color: item.color)
      case .block:
        svg.element(
          "rect",
          pairs: [
            ("x", PlotNumber.coordinate(sx + 4)), ("y", PlotNumber.coordinate(sy - 5)),
            ("width", "12"),
            ("height", "10"),
          ] + item.color.paint("fill"))
      }
      svg.text(item.label, x: sx + LegendItem.swatchWidth + 5, y: sy + 5)
    }
    svg.close("g")
  }

  func circle(
    _ svg: inout SVGWriter, _ cx: Double, _ cy: Double, radius: Double, color: SeriesColor
  ) {
    svg.element(
      "circle",
      pairs: [
        ("cx", PlotNumber.coordinate(cx)), ("cy", PlotNumber.coordinate(cy)),
        ("r", PlotNumber.coordinate(radius)),
      ] + color.paint("fill"))
  }

  /// A vertical bar of the colour levels, with value ticks and the colour-bar label.
  func drawColorbar(into svg: inout SVGWriter) {
    guard let colors else { return }
    let barLeft = right + 16
    // One unit-high stroke per level, stacked upwards in a scaled coordinate system.
    let step = (bottom - top) / Double(ColorScale.levels)
    svg.open(
      "g",
      [
        "transform": PlotNumber.transform(x: barLeft, y: bottom, scaleX: 14, scaleY: -step),
        "fill": "none", "shape-rendering": "crispEdges",
      ])
    for level in 0..<ColorScale.levels {
      svg.append(raw: "<path stroke=\"\(colors.color(level: level))\" d=\"M0 \(level).5h1\"/>")
    }
    svg.close("g")
    var scale = Axis(scale: .linear, values: [], range: colors.low...colors.high)
    (scale.start, scale.end) = (bottom, top)
    scale.ticks = Ticks.linear(colors.low, colors.high, target: max(2, Int((bottom - top) / 55)))
    var path = PathData()
    path.move(barLeft + 14, top)
    path.command("V" + PlotNumber.coordinate(bottom))
    for tick in scale.ticks {
      if let py = scale.position(tick.value) {
        path.move(barLeft + 14, py)
        path.command("h4")
      }
    }
    svg.element("path", ["d": path.d, "fill": "none", "stroke": "currentColor"])
    svg.open("g", ["font-size": PlotNumber.coordinate(Self.tickSize)])
    for tick in scale.ticks {
      if let py = scale.position(tick.value) { svg.text(tick.label, x: barLeft + 21, y: py + 5) }
    }
    svg.close("g")
    if !figure.colorbarLabel.isEmpty {
      let widest = scale.ticks.map { TextMetrics.width($0.label, size: Self.tickSize) }.max() ?? 0
      svg.text(
        figure.colorbarLabel, x: -(top + bottom) / 2, y: barLeft + 21 + widest + 16,
        ["transform": "rotate(-90)", "text-anchor": "middle"])
    }
  }
}
