import Foundation

/// Descriptive statistics of samples stored as `[Double]`.
///
/// Sums are accumulated in compensated (Neumaier) form, so the mean of n values has
/// relative error of order ε independent of n; variances use two passes about the mean.
/// NaN in the input propagates to the result; an empty sample is a precondition failure
/// unless stated otherwise.
public enum Statistics {
  /// The arithmetic mean.
  public static func mean(_ values: [Double]) -> Double {
    require(!values.isEmpty, "mean of an empty sample")
    return compensatedSum(values) / Double(values.count)
  }

  /// The unbiased sample variance Σ(xᵢ − x̄)²/(n − 1), from at least two values.
  public static func variance(_ values: [Double]) -> Double {
    require(values.count >= 2, "sample variance needs at least two values, got \(values.count)")
    return sumOfSquaredDeviations(values) / Double(values.count - 1)
  }

  /// The population variance Σ(xᵢ − x̄)²/n (numpy's default `var`).
  public static func populationVariance(_ values: [Double]) -> Double {
    sumOfSquaredDeviations(values) / Double(values.count)
  }

  /// The sample standard deviation, √``variance(_:)``.
  public static func standardDeviation(_ values: [Double]) -> Double {
    variance(values).squareRoot()
  }

  /// The sample covariance Σ(xᵢ − x̄)(yᵢ − ȳ)/(n − 1).
  public static func covariance(_ x: [Double], _ y: [Double]) -> Double {
    require(x.count == y.count && x.count >= 2, "covariance needs two samples of equal length ≥ 2")
    let (mx, my) = (mean(x), mean(y))
    return compensatedSum(zip(x, y).map { ($0 - mx) * ($1 - my) }) / Double(x.count - 1)
  }

  /// The Pearson correlation in [−1, 1]; NaN if either sample is constant.
  public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let r = covariance(x, y) / (standardDeviation(x) * standardDeviation(y))
    return r.isNaN ? r : Swift.min(1, Swift.max(-1, r))
  }

  /// The `p`-quantile, 0 ≤ p ≤ 1, by linear interpolation between order statistics.
  ///
  /// Hyndman–Fan type 7, the default of numpy and R: position p·(n − 1) in the sorted
  /// sample. p = 0 gives the minimum, p = 1 the maximum. NaN values are not allowed.
  public static func quantile(_ values: [Double], _ p: Double) -> Double {
    quantiles(values, [p])[0]
  }

  /// Several quantiles with one sort (see ``quantile(_:_:)``).
  public static func quantiles(_ values: [Double], _ ps: [Double]) -> [Double] {
    require(!values.isEmpty, "quantile of an empty sample")
    require(!values.contains { $0.isNaN }, "quantile of a sample containing NaN")
    let sorted = values.sorted()
    return ps.map { p in
      require((0...1).contains(p), "quantile level must be in [0, 1], got \(p)")
      let position = p * Double(sorted.count - 1)
      let low = Int(position.rounded(.down))
      let high = Swift.min(low + 1, sorted.count - 1)
      let fraction = position - Double(low)
      return fraction == 0 ? sorted[low] : sorted[low] + fraction * (sorted[high] - sorted[low])
    }
  }

  /// The median, ``quantile(_:_:)`` at ½ (the mean of the two middle values for even n).
  public static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

  /// The sum with Neumaier's compensation: error about 2ε·Σ|xᵢ| regardless of n.
  public static func compensatedSum(_ values: [Double]) -> Double {
    var sum = 0.0
    var compensation = 0.0
    for x in values {
      let t = sum + x
      compensation += abs(sum) >= abs(x) ? (sum - t) + x : (x - t) + sum
      sum = t
    }
    return sum + compensation
  }

  private static func sumOfSquaredDeviations(_ values: [Double]) -> Double {
    let m = mean(values)
    return compensatedSum(values.map { ($0 - m) * ($0 - m) })
  }
}
