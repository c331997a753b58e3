/// Generates the sentence in a figure's `<desc>`: what is drawn and over which ranges.
enum FigureSummary {
  static func describe(_ figure: Figure) -> String {
    var sentences: [String] = []
    var series: [String] = []
    var index = 0
    var kinds: [String] = []
    var heatmapSentence: String?
    var references: [String] = []
    var annotations = 0
    for mark in figure.marks {
      if mark.isSeries { index += 1 }
      let name = mark.label.flatMap { $0.isEmpty ? nil : $0 } ?? "series \(index)"
      switch mark {
      case .line(let data, _, _):
        kinds.append("Line chart")
        series.append("\(name) (\(count(data.xs.count, "point")))")
      case .scatter(let data, let values):
        kinds.append("Scatter plot")
        series.append(
          "\(name) (\(count(data.xs.count, "point"))\(values == nil ? "" : ", coloured by value"))")
      case .bars(let names, _, _):
        kinds.append("Bar chart")
        series.append("\(name) (\(count(names.count, "bar")))")
      case .histogram(_, let heights, _):
        kinds.append("Histogram")
        series.append("\(name) (\(count(heights.count, "bin")))")
      case .heatmap(let cells):
        kinds.append("Heatmap")
        heatmapSentence =
          "Heatmap of a \(cells.sourceRows) × \(cells.sourceColumns) matrix, values from "
          + "\(PlotNumber.short(cells.low)) to \(PlotNumber.short(cells.high))"
          + (figure.colorbarLabel.isEmpty ? "." : " (\(figure.colorbarLabel)).")
      case .horizontalLine(let value, let label):
        references.append("y = \(PlotNumber.short(value))" + (label.map { " (\($0))" } ?? ""))
      case .verticalLine(let value, let label):
        references.append("x = \(PlotNumber.short(value))" + (label.map { " (\($0))" } ?? ""))
      case .annotation:
        annotations += 1
      }
    }
    let distinct = kinds.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    if let heatmapSentence {
      sentences.append(heatmapSentence)
    } else if series.isEmpty {
      sentences.append("Empty chart.")
    } else {
      let kind = distinct.count == 1 ? distinct[0] : "Chart"
      sentences.append(
        "\(kind) with \(count(series.count, "series", plural: "series")): \(series.joined(separator: ", "))."
      )
    }
    if heatmapSentence == nil && !figure.marks.isEmpty {
      let extents = DataExtents(figure.marks, xScale: figure.xScale, yScale: figure.yScale)
      if extents.categories.isEmpty {
        sentences.append(axis("Horizontal", figure.xLabel, figure.xScale, extents.xs))
      } else {
        sentences.append(
          "Horizontal axis\(quoted(figure.xLabel)): categories \(extents.categories.joined(separator: ", "))."
        )
      }
      sentences.append(axis("Vertical", figure.yLabel, figure.yScale, extents.ys))
    }
    if !references.isEmpty {
      sentences.append("Reference lines at \(references.joined(separator: ", ")).")
    }
    if annotations > 0 { sentences.append("\(count(annotations, "annotation")).") }
    return sentences.joined(separator: " ")
  }

  static func describeGrid(_ grid: Figure) -> String {
    var text = "Grid of \(count(grid.panels.count, "panel")) in \(count(grid.columns, "column"))."
    for (number, panel) in grid.panels.enumerated() {
      text +=
        " Panel \(number + 1)\(panel.title.isEmpty ? "" : " (\(panel.title))"): \(describe(panel))"
    }
    return text
  }

  private static func axis(
    _ side: String, _ label: String, _ scale: Figure.Scale, _ values: [Double]
  ) -> String {
    let finite = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
    let scaleName = scale == .log ? "logarithmic" : "linear"
    guard let low = finite.min(), let high = finite.max() else {
      return "\(side) axis\(quoted(label)), \(scaleName), no data."
    }
    return
      "\(side) axis\(quoted(label)), \(scaleName), data from \(PlotNumber.short(low)) to \(PlotNumber.short(high))."
  }

  private static func quoted(_ label: String) -> String { label.isEmpty ? "" : " “\(label)”" }

  private static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
  }
}
