/// Draws small multiples: each panel as a nested `<svg>` in a grid cell.
struct GridRenderer {
  let grid: Figure
  var panelWidth: Double
  var panelHeight: Double
  var titleHeight: Double

  init(grid: Figure) {
    self.grid = grid
    let columns = max(grid.columns, 1)
    panelWidth = columns == 1 ? 640 : max(320, 960 / Double(columns))
    panelHeight = (panelWidth * 0.7).rounded()
    titleHeight = grid.title.isEmpty ? 0 : 34
  }

  var size: (width: Double, height: Double) {
    let columns = max(grid.columns, 1)
    let rows = (grid.panels.count + columns - 1) / columns
    return (
      panelWidth * Double(min(columns, max(grid.panels.count, 1))),
      titleHeight + panelHeight * Double(rows)
    )
  }

  func standalone() -> String {
    let (width, height) = size
    var svg = SVGWriter()
    svg.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": "0 0 \(PlotNumber.coordinate(width)) \(PlotNumber.coordinate(height))",
        "width": "100%", "role": "img", "font-family": "inherit",
        "font-size": PlotNumber.coordinate(ChartRenderer.labelSize),
        "fill": "currentColor",
      ])
    svg.element("title", [:], text: grid.title.isEmpty ? "Figure" : grid.title)
    svg.element("desc", [:], text: FigureSummary.describeGrid(grid))
    if !grid.title.isEmpty {
      svg.text(
        grid.title, x: width / 2, y: 24,
        [
          "text-anchor": "middle", "font-size": PlotNumber.coordinate(ChartRenderer.titleSize + 1),
          "font-weight": "600",
        ])
    }
    let columns = max(grid.columns, 1)
    for (index, var panel) in grid.panels.enumerated() {
      (panel.width, panel.height) = (panelWidth, panelHeight)
      let px = Double(index % columns) * panelWidth
      let py = titleHeight + Double(index / columns) * panelHeight
      svg.open(
        "svg",
        [
          "x": PlotNumber.coordinate(px), "y": PlotNumber.coordinate(py),
          "width": PlotNumber.coordinate(panelWidth), "height": PlotNumber.coordinate(panelHeight),
        ])
      if panel.panels.isEmpty {
        ChartRenderer(figure: panel).draw(into: &svg)
      }
      svg.close("svg")
    }
    svg.close("svg")
    return svg.markup
  }
}
