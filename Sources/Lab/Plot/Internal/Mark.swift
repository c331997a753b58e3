/// One thing drawn in a figure, with its data already validated for length.
enum Mark: Sendable {
  case line(Series, markers: Bool, dash: Figure.Dash)
  case scatter(Series, values: [Double]?)
  case bars(categories: [String], heights: [Double], label: String?)
  case histogram(edges: [Double], heights: [Double], label: String?)
  case horizontalLine(Double, label: String?)
  case verticalLine(Double, label: String?)
  case annotation(x: Double, y: Double, text: String)
  case heatmap(HeatmapCells)

  /// Paired coordinates with an optional legend label.
  struct Series: Sendable {
    var xs: [Double]
    var ys: [Double]
    var label: String?
    /// The author's colour, or `nil` for the series' turn in the palette.
    var color: Figure.Color? = nil
  }

  /// Whether the mark takes the next series colour (and may appear in the legend).
  var isSeries: Bool {
    switch self {
    case .line, .scatter, .bars, .histogram: true
    default: false
    }
  }

  /// The colour the author chose for this series, if any.
  var chosenColor: Figure.Color? {
    switch self {
    case .line(let series, _, _), .scatter(let series, _): series.color
    default: nil
    }
  }

  var label: String? {
    switch self {
    case .line(let series, _, _), .scatter(let series, _): series.label
    case .bars(_, _, let label), .histogram(_, _, let label): label
    default: nil
    }
  }
}

/// A matrix of values to colour, possibly downsampled, with its colour range.
struct HeatmapCells: Sendable {
  var rows: Int
  var columns: Int
  /// Rows and columns of the original matrix (before any downsampling).
  var sourceRows: Int
  var sourceColumns: Int
  /// Row-major values; NaN cells are left blank.
  var values: [Double]
  var low: Double
  var high: Double
}
