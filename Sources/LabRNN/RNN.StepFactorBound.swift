import Foundation
import Lab

extension RNN {
  /// The largest value of |c·sech²c| = |(1 − tanh²c)·c| over all real c: 0.4477437….
  ///
  /// Attained at c* ≈ 0.7717, the positive root of 2c·tanh c = 1. The gating argument
  /// uses it in the form "below 0.45".
  public static var saturationConstant: Double {
    let z = rootOfStationarity(offset: 0, above: true)
    return z * sech2(z)
  }

  /// The supremum over the recurrent weight u of the tanh step factor |(1 − tanh²(a + u·h))·u|,
  /// from its closed form (1/|h|)·sup_z |z − a|·sech²z.
  ///
  /// The stationary points of |z − a|·sech²z solve 2(z − a)·tanh z = 1, one on each side of
  /// the interval between 0 and a; both are found by bisection to full precision, so the
  /// result has relative error below 1e-12. Returns +∞ when `h` is 0 (the factor is then
  /// u itself, unbounded).
  ///
  /// - Parameters:
  ///   - h: The previous state hₜ₋₁, held fixed.
  ///   - a: The input part of the pre-activation, w·xₜ + b.
  public static func tanhStepFactorSupremum(previousState h: Double, offset a: Double) -> Double {
    guard h != 0 else { return .infinity }
    let candidates = [true, false].map { above in
      let z = rootOfStationarity(offset: a, above: above)
      return abs(z - a) * sech2(z)
    }
    return Swift.max(candidates[0], candidates[1]) / abs(h)
  }

  /// A grid scan of the step factor |φ′(a + u·h)·u| over `samples` equally spaced u in `range`.
  ///
  /// - Returns: The largest factor found and the u attaining it. For `tanh` the maximum
  ///   approaches ``tanhStepFactorSupremum(previousState:offset:)`` from below as the grid
  ///   refines (a spacing δu gives an error of order (δu·h)²); for `relu` it is the largest
  ///   |u| in range with a + u·h > 0, so it grows linearly with the range.
  public static func scanStepFactor(
    previousState h: Double, offset a: Double, recurrentWeights range: ClosedRange<Double>,
    samples: Int, activation: Activation
  ) -> (supremum: Double, recurrentWeight: Double) {
    require(samples >= 2, "a scan needs at least two samples, got \(samples)")
    var best = (supremum: -Double.infinity, recurrentWeight: range.lowerBound)
    let spacing = (range.upperBound - range.lowerBound) / Double(samples - 1)
    for index in 0..<samples {
      let u = range.lowerBound + Double(index) * spacing
      let factor = abs(activation.derivative(at: a + u * h) * u)
      if factor > best.supremum { best = (factor, u) }
    }
    return best
  }

  /// sech²z = 1 − tanh²z, written so that it underflows to 0 instead of returning NaN.
  static func sech2(_ z: Double) -> Double {
    let t = tanh(z)
    return (1 - t) * (1 + t)
  }

  /// The root of 2(z − a)·tanh z = 1 above max(0, a) (or below min(0, a)), by bisection.
  static func rootOfStationarity(offset a: Double, above: Bool) -> Double {
    func residual(_ z: Double) -> Double { 2 * (z - a) * tanh(z) - 1 }
    // The residual is −1 on the closed interval between 0 and a and grows to +∞ away from it.
    let start = above ? Swift.max(0, a) : Swift.min(0, a)
    let direction = above ? 1.0 : -1.0
    var inner = start
    var width = 1.0
    while residual(start + direction * width) < 0 { width *= 2 }
    var outer = start + direction * width
    for _ in 0..<200 {
      let middle = (inner + outer) / 2
      if middle == inner || middle == outer { break }
      if residual(middle) < 0 { inner = middle } else { outer = middle }
    }
    return (inner + outer) / 2
  }
}
