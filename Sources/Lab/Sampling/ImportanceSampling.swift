import Foundation

/// Self-normalised importance sampling: expectations under `p ∝ ρ` from draws of a proposal `q`.
///
/// With `x_i ~ q` and weights `w_i = ρ(x_i)/q(x_i)`,
/// `E_p[f] ≈ Σ w_i f(x_i) / Σ w_i`; only the ratio `ρ/q` is needed, never `Σ ρ`.
public enum ImportanceSampling {
  /// An importance-sampling estimate with its effective sample size and standard error.
  public struct Estimate: Sendable, Hashable {
    /// The self-normalised estimate of `E_p[f]`.
    public var value: Double
    /// Kish's effective sample size `(Σ w)² / Σ w²`, between 1 and N (0 if all weights vanish).
    public var effectiveSampleSize: Double
    /// The standard error `sqrt(σ̂²_w / ESS)`.
    ///
    /// `σ̂²_w = Σ w̃_i (f_i − value)²` is the weighted variance (`w̃` the normalised weights).
    /// With 0/1 weights this is the usual `s/√n` of the kept draws.
    public var standardError: Double
  }

  /// The self-normalised estimate of `E_p[f]`.
  ///
  /// - Parameters:
  ///   - values: `f(x_i)` for each draw.
  ///   - logWeights: `log ρ(x_i) − log q(x_i)`; `−∞` marks a zero weight. Shifting all log
  ///     weights by a constant changes nothing (ρ's normaliser is not needed).
  /// - Returns: The estimate; `value` is NaN when every weight is zero.
  public static func selfNormalised(values: [Double], logWeights: [Double]) -> Estimate {
    require(values.count == logWeights.count, "need one weight per value")
    let weights = normalisedWeights(logWeights)
    let value = zip(weights, values).reduce(0) { $0 + $1.0 * $1.1 }
    let variance = zip(weights, values).reduce(0) { $0 + $1.0 * ($1.1 - value) * ($1.1 - value) }
    let ess = effectiveSampleSize(logWeights: logWeights)
    return Estimate(value: value, effectiveSampleSize: ess, standardError: (variance / ess).squareRoot())
  }

  /// Kish's effective sample size `(Σ w)² / Σ w²` from log weights; 0 when all are `−∞`.
  public static func effectiveSampleSize(logWeights: [Double]) -> Double {
    let top = logWeights.max() ?? -.infinity
    guard top > -.infinity else { return 0 }
    var sum = 0.0
    var sumOfSquares = 0.0
    for logWeight in logWeights {
      let w = exp(logWeight - top)
      sum += w
      sumOfSquares += w * w
    }
    return sum * sum / sumOfSquares
  }

  /// The weights scaled to sum to 1 (all NaN when every weight is zero).
  public static func normalisedWeights(_ logWeights: [Double]) -> [Double] {
    let top = logWeights.max() ?? -.infinity
    let scaled = logWeights.map { top > -.infinity ? exp($0 - top) : .nan }
    let total = scaled.reduce(0, +)
    return scaled.map { $0 / total }
  }
}
