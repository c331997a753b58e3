extension Figure {
  /// Small multiples: `panels` laid out left to right, top to bottom, `columns` per row.
  ///
  /// Each panel keeps its own axes, legend and title but is redrawn at a common panel size
  /// (about 960 px of view box across the row), so text stays legible when the grid is
  /// scaled to the page. Adding marks to the grid itself has no effect.
  ///
  /// - Parameters:
  ///   - panels: The figures to lay out (grids inside grids are left blank).
  ///   - columns: Panels per row (at least 1).
  ///   - title: A heading over the whole grid and the SVG's accessible title.
  public static func grid(_ panels: [Figure], columns: Int = 2, title: String = "") -> Figure {
    var figure = Figure(title: title)
    figure.panels = panels
    figure.columns = max(columns, 1)
    return figure
  }
}
