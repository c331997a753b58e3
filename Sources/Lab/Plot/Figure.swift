import NotebookRuntime

/// An SVG chart: lines, scatter points, bars, histograms, heatmaps and small multiples.
///
/// Build a figure, add marks, then ``show(_:)`` it in a notebook or read ``svg``:
///
/// ```swift
/// var figure = Figure(title: "Activations", xLabel: "x", yLabel: "f(x)")
/// figure.line(xs, xs.map(tanh), label: "tanh", markers: true)
/// figure.horizontalLine(at: 1, label: "asymptote")
/// show(figure)
/// ```
///
/// The output is deterministic: the same figure always gives the same bytes (coordinates are
/// rounded to 0.01 and printed without locale). Axes and text use `currentColor`, series use
/// the CSS variables `--series-1` … `--series-8` with colour-blind-safe fallbacks, so a figure
/// reads on light and dark pages. Points with a NaN or infinite coordinate (or a non-positive
/// one on a log axis) are skipped, and a line breaks there. Empty series and constant data
/// draw without dividing by zero.
public struct Figure: Sendable, Displayable {
  /// How an axis maps data to position.
  public enum Scale: Sendable, Hashable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; ticks at powers of ten. Values ≤ 0 are not drawn.
    case log
  }

  /// How a heatmap or a value-coloured scatter turns numbers into colours.
  public enum ColorMap: Sendable, Hashable {
    /// Dark purple (low) to yellow (high): perceptually uniform, colour-blind safe.
    case viridis
    /// Blue (negative) through white (zero) to red (positive), symmetric about zero.
    case diverging
  }

  /// The heading drawn above the chart and the SVG's accessible `<title>`.
  public var title: String
  /// The horizontal axis label.
  public var xLabel: String
  /// The vertical axis label.
  public var yLabel: String
  /// The horizontal scale.
  public var xScale: Scale
  /// The vertical scale.
  public var yScale: Scale
  /// A fixed horizontal data range; `nil` fits the data (with a 4 % margin).
  ///
  /// Marks outside the range are clipped. An empty range, or one that is not positive on a
  /// log axis, is ignored.
  public var xRange: ClosedRange<Double>?
  /// A fixed vertical data range; `nil` fits the data (with a 4 % margin); see ``xRange``.
  public var yRange: ClosedRange<Double>?
  /// The label of the colour bar (value-coloured scatter points or a heatmap).
  public var colorbarLabel: String
  /// The colour map for value-coloured marks.
  public var colorMap: ColorMap = .viridis
  /// Width of the SVG's view box in px; the SVG itself scales to the page width.
  public var width: Double = 640
  /// Height of the SVG's view box in px.
  public var height: Double = 400

  var marks: [Mark] = []
  var panels: [Figure] = []
  var columns = 0

  /// Creates an empty figure.
  ///
  /// - Parameters:
  ///   - title: The heading and accessible title (escaped; may be empty).
  ///   - xLabel: The horizontal axis label.
  ///   - yLabel: The vertical axis label.
  ///   - xScale: `.linear` (default) or `.log`.
  ///   - yScale: `.linear` (default) or `.log`.
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "", xScale: Scale = .linear,
    yScale: Scale = .linear
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xScale = xScale
    self.yScale = yScale
    self.colorbarLabel = ""
  }

  /// The figure as a standalone SVG element (`viewBox`, `width="100%"`, `<title>`, `<desc>`).
  public var svg: String {
    panels.isEmpty
      ? ChartRenderer(figure: self).standalone() : GridRenderer(grid: self).standalone()
  }

  /// The SVG, for ``show(_:)``.
  public var displayOutput: DisplayOutput { DisplayOutput(kind: .svg, content: svg) }

  /// A sentence describing the figure's series and ranges (the SVG's `<desc>`).
  public var summary: String {
    panels.isEmpty ? FigureSummary.describe(self) : FigureSummary.describeGrid(self)
  }
}
