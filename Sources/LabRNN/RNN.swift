import Foundation
import Lab

/// Gradient flow through recurrent networks.
///
/// The namespace gathers one-dimensional simple RNN, LSTM and GRU cells with analytic
/// derivatives of their state updates, the scan of the tanh step factor over the
/// recurrent weight, and a vector tanh network whose tangent vectors measure how fast
/// gradients vanish or explode over long sequences.
///
/// The scalar cells follow the one-dimensional analysis of the gating argument: every
/// quantity is a `Double`, and "the Jacobian" of a step is the derivative of the new
/// state with respect to the old one.
public enum RNN {
  /// The logistic sigmoid σ(x) = 1 / (1 + e^{−x}).
  ///
  /// Evaluated in a form that never overflows: the result is in [0, 1] for every finite
  /// `x`, exactly 0.5 at 0, and σ(−x) = 1 − σ(x) up to rounding.
  public static func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
  }

  /// The element-wise nonlinearity of a simple RNN.
  public enum Activation: String, Sendable, Hashable, CaseIterable {
    /// The hyperbolic tangent, bounded in (−1, 1).
    case tanh
    /// The rectifier max(0, x), unbounded above.
    case relu

    /// The activation at `x`.
    public func callAsFunction(_ x: Double) -> Double {
      switch self {
      case .tanh: return Foundation.tanh(x)
      case .relu: return Swift.max(0, x)
      }
    }

    /// The derivative at the pre-activation `x`.
    ///
    /// For `tanh` this is 1 − tanh²x; for `relu` it is 1 for x > 0 and 0 otherwise
    /// (the subgradient 0 is used at the kink).
    public func derivative(at x: Double) -> Double {
      switch self {
      case .tanh:
        let y = Foundation.tanh(x)
        return 1 - y * y
      case .relu: return x > 0 ? 1 : 0
      }
    }
  }
}
