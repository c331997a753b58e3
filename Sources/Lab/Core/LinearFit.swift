/// An ordinary least-squares line y ≈ slope·x + intercept.
public struct LinearFit: Sendable, Equatable {
  /// The fitted slope.
  public var slope: Double
  /// The fitted intercept (value at x = 0).
  public var intercept: Double
  /// The coefficient of determination 1 − SS_res/SS_tot, in [0, 1]; 1 for a perfect fit,
  /// and 1 by convention when every y is equal (the fit is then exact).
  public var rSquared: Double

  /// Creates a fit from its parts.
  public init(slope: Double, intercept: Double, rSquared: Double) {
    self.slope = slope
    self.intercept = intercept
    self.rSquared = rSquared
  }

  /// Fits `y ≈ slope·x + intercept` by least squares.
  ///
  /// Uses centred sums, so it stays accurate when x has a large offset. Needs at least two
  /// points and x not all equal.
  ///
  /// For a power law y = c·xᵏ, fit the logarithms: `LinearFit.fit(x: xs.map(log), y: ys.map(log))`
  /// and read k from ``slope``.
  public static func fit(x: [Double], y: [Double]) -> LinearFit {
    require(x.count == y.count, "x has \(x.count) values, y has \(y.count)")
    require(x.count >= 2, "a line needs at least two points")
    let (mx, my) = (Statistics.mean(x), Statistics.mean(y))
    var (sxx, sxy, syy) = (0.0, 0.0, 0.0)
    for (xi, yi) in zip(x, y) {
      sxx += (xi - mx) * (xi - mx)
      sxy += (xi - mx) * (yi - my)
      syy += (yi - my) * (yi - my)
    }
    require(sxx > 0, "x values are all equal: the slope is undefined")
    let slope = sxy / sxx
    let residual = Swift.max(0, syy - slope * sxy)
    let rSquared = syy > 0 ? Swift.min(1, 1 - residual / syy) : 1
    return LinearFit(slope: slope, intercept: my - slope * mx, rSquared: rSquared)
  }

  /// The fitted value slope·x + intercept.
  public func callAsFunction(_ x: Double) -> Double { slope * x + intercept }
}
