import Foundation
import Lab

extension KernelMachine {
  /// A per-example loss `ℓ(y, f)` of a scalar prediction `f` against a target `y`.
  public enum Loss: Sendable, Hashable {
    /// `ℓ = ½ (f − y)²`, for regression.
    case squared
    /// `ℓ = log(1 + e^{−y f})` with labels `y ∈ {−1, +1}`, for classification.
    case logistic

    /// The loss of one prediction.
    ///
    /// The logistic loss is evaluated without overflow for any finite `y f`.
    public func value(prediction f: Double, target y: Double) -> Double {
      switch self {
      case .squared:
        return 0.5 * (f - y) * (f - y)
      case .logistic:
        let margin = y * f
        return margin > 0 ? log1p(exp(-margin)) : -margin + log1p(exp(margin))
      }
    }

    /// The kernel-machine weight of one example, `α = −∂ℓ/∂f`.
    ///
    /// For the squared loss `α = y − f`; for the logistic loss `α = y / (1 + e^{y f})`,
    /// which lies strictly between −1 and 1.
    public func weight(prediction f: Double, target y: Double) -> Double {
      switch self {
      case .squared:
        return y - f
      case .logistic:
        let margin = y * f
        // y·σ(−yf), written so that neither branch overflows.
        return margin > 0 ? y * exp(-margin) / (1 + exp(-margin)) : y / (1 + exp(margin))
      }
    }

    /// The mean loss over a data set.
    public func mean(predictions: [Double], targets: [Double]) -> Double {
      require(predictions.count == targets.count, "one target per prediction")
      guard !predictions.isEmpty else { return 0 }
      var total = 0.0
      for (f, y) in zip(predictions, targets) { total += value(prediction: f, target: y) }
      return total / Double(predictions.count)
    }
  }
}
