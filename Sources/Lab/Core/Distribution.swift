import Foundation

/// Discrete probability distributions stored as `[Double]` (probability of outcome i at index i).
///
/// Divergences are in nats (natural logarithm). Inputs to the divergences should be
/// normalised (see ``normalized(_:)``); they are not renormalised silently.
public enum Distribution {
  /// The weights divided by their sum.
  ///
  /// Weights must be non-negative with a positive finite sum.
  public static func normalized(_ weights: [Double]) -> [Double] {
    let total = Statistics.compensatedSum(weights)
    require(total > 0 && total.isFinite, "weights need a positive finite sum, got \(total)")
    require(weights.allSatisfy { $0 >= 0 }, "weights must be non-negative")
    return weights.map { $0 / total }
  }

  /// The total variation distance ½ Σ |pᵢ − qᵢ| = maxₐ |P(A) − Q(A)|, in [0, 1].
  public static func totalVariation(_ p: [Double], _ q: [Double]) -> Double {
    require(p.count == q.count, "distributions over \(p.count) and \(q.count) outcomes")
    return 0.5 * Statistics.compensatedSum(zip(p, q).map { abs($0 - $1) })
  }

  /// The Kullback–Leibler divergence KL(p ‖ q) = Σ pᵢ log(pᵢ/qᵢ) ≥ 0, in nats.
  ///
  /// Terms with pᵢ = 0 contribute 0 (the limit of x log x); a term with pᵢ > 0 and
  /// qᵢ = 0 makes the divergence `+∞`. Not symmetric.
  public static func kl(_ p: [Double], _ q: [Double]) -> Double {
    require(p.count == q.count, "distributions over \(p.count) and \(q.count) outcomes")
    var terms: [Double] = []
    for (pi, qi) in zip(p, q) where pi > 0 {
      if qi <= 0 { return .infinity }
      terms.append(pi * log(pi / qi))
    }
    return Swift.max(0, Statistics.compensatedSum(terms))
  }

  /// The Shannon entropy −Σ pᵢ log pᵢ in nats (0 log 0 = 0); between 0 and log n.
  public static func entropy(_ p: [Double]) -> Double {
    -Statistics.compensatedSum(p.filter { $0 > 0 }.map { $0 * log($0) })
  }

  /// The Jensen–Shannon divergence ½KL(p‖m) + ½KL(q‖m) with m = (p + q)/2: symmetric,
  /// always finite, between 0 and log 2.
  public static func jensenShannon(_ p: [Double], _ q: [Double]) -> Double {
    let m = zip(p, q).map { ($0 + $1) / 2 }
    return 0.5 * kl(p, m) + 0.5 * kl(q, m)
  }

  /// The empirical distribution of `samples` over outcomes `0..<outcomes`.
  public static func empirical(_ samples: [Int], outcomes: Int) -> [Double] {
    var counts = [Double](repeating: 0, count: outcomes)
    for s in samples {
      require((0..<outcomes).contains(s), "outcome \(s) outside 0..<\(outcomes)")
      counts[s] += 1
    }
    return samples.isEmpty ? counts : counts.map { $0 / Double(samples.count) }
  }
}
