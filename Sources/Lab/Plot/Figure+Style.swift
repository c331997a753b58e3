extension Figure {
  /// A series colour chosen by the author: one of the eight palette colours.
  ///
  /// Each colour follows the page's theme (a lighter variant on dark backgrounds), as the
  /// colours a series takes by default do. Choose one to pair marks that belong together, for
  /// example a dashed theory line in the colour of the data points it explains:
  ///
  /// ```swift
  /// figure.scatter(ns, measured, label: "measured", color: .vermillion)
  /// figure.line(ns, predicted, label: "theory", color: .vermillion, dash: .dashed)
  /// ```
  public enum Color: Int, Sendable, Hashable, CaseIterable {
    /// The first series colour (Okabe–Ito blue).
    case blue = 1
    /// The second (vermillion).
    case vermillion
    /// The third (bluish green).
    case green
    /// The fourth (reddish purple).
    case purple
    /// The fifth (orange).
    case orange
    /// The sixth (sky blue).
    case skyBlue
    /// The seventh (yellow); faint on white, best for fills.
    case yellow
    /// The eighth (grey), for context such as a baseline.
    case grey
  }

  /// How a line is stroked.
  public enum Dash: Sendable, Hashable {
    /// A continuous line.
    case solid
    /// Long dashes, for theory curves and bounds.
    case dashed
    /// Dots, for a second reference next to a dashed one.
    case dotted
    /// Alternating dashes and dots.
    case dashDot

    /// The SVG `stroke-dasharray`, or `nil` for a solid line.
    var pattern: String? {
      switch self {
      case .solid: nil
      case .dashed: "6 4"
      case .dotted: "1.5 3"
      case .dashDot: "7 3 1.5 3"
      }
    }
  }
}
