import Foundation

extension Statistics {
  /// Pearson's chi-square statistic Σ (Oᵢ − Eᵢ)²/Eᵢ for observed counts against
  /// expected counts (every expected count must be positive).
  public static func chiSquare(observed: [Double], expected: [Double]) -> Double {
    require(observed.count == expected.count, "observed and expected differ in length")
    require(expected.allSatisfy { $0 > 0 }, "expected counts must be positive")
    return zip(observed, expected).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
  }

  /// The p-value of a chi-square test: P(X ≥ `statistic`) for X ~ χ²(`degreesOfFreedom`).
  ///
  /// Computed as ``regularizedGammaQ(_:_:)`` at (k/2, x/2); accurate to about 10⁻¹⁴ absolute.
  public static func chiSquarePValue(_ statistic: Double, degreesOfFreedom: Int) -> Double {
    require(degreesOfFreedom > 0, "degrees of freedom must be positive")
    return statistic <= 0 ? 1 : regularizedGammaQ(Double(degreesOfFreedom) / 2, statistic / 2)
  }

  /// The standard normal CDF Φ(x) = ½ erfc(−x/√2), accurate to a few ulps in both tails.
  public static func normalCDF(_ x: Double) -> Double {
    0.5 * erfc(-x / 2.0.squareRoot())
  }

  /// The upper regularized incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), for a > 0, x ≥ 0.
  ///
  /// By the power series of P for x < a + 1 and Lentz's continued fraction otherwise;
  /// relative error about 10⁻¹⁴ except where Q underflows. Q(a, 0) = 1, Q(a, +∞) = 0.
  public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    require(a > 0 && x >= 0, "regularizedGammaQ needs a > 0 and x ≥ 0")
    if x == 0 { return 1 }
    if x.isInfinite { return 0 }
    let logPrefactor = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      while abs(term) > abs(sum) * 1e-16 {
        n += 1
        term *= x / n
        sum += term
      }
      return 1 - sum * exp(logPrefactor)
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return exp(logPrefactor) * h
  }
}
