import Foundation
import Lab

extension RNN {
  /// A one-dimensional GRU cell and the derivative of its state.
  ///
  ///     zₜ = σ(·), rₜ = σ(·)                       (update and reset gates read xₜ, hₜ₋₁)
  ///     ĥₜ = tanh(W_h·xₜ + U_h·(rₜ·hₜ₋₁) + b_h)
  ///     hₜ = (1 − zₜ)·hₜ₋₁ + zₜ·ĥₜ
  ///
  /// ``stateDerivative(previous:input:)`` agrees with central finite differences of
  /// ``step(previous:input:)`` to about 1e-10.
  public struct ScalarGRU: Sendable, Hashable {
    /// The update gate z.
    public var update: Gate
    /// The reset gate r.
    public var reset: Gate
    /// The candidate ĥ; its recurrent weight multiplies rₜ·hₜ₋₁.
    public var candidate: Gate

    /// Creates a cell from its gates.
    public init(update: Gate, reset: Gate, candidate: Gate) {
      self.update = update
      self.reset = reset
      self.candidate = candidate
    }

    /// A cell with all weights and biases N(0, σ²).
    public static func random(standardDeviation sigma: Double, using generator: inout SeededGenerator) -> ScalarGRU {
      ScalarGRU(
        update: .random(standardDeviation: sigma, using: &generator),
        reset: .random(standardDeviation: sigma, using: &generator),
        candidate: .random(standardDeviation: sigma, using: &generator))
    }

    /// Everything one step computes.
    public struct Step: Sendable, Hashable {
      /// The update gate zₜ.
      public var update: Double
      /// The reset gate rₜ.
      public var reset: Double
      /// The candidate ĥₜ.
      public var candidate: Double
      /// The new state hₜ.
      public var hidden: Double
    }

    /// One step from the previous state `h`.
    public func step(previous h: Double, input x: Double) -> Step {
      let z = RNN.sigmoid(update.preactivation(input: x, previous: h))
      let r = RNN.sigmoid(reset.preactivation(input: x, previous: h))
      let candidateValue = tanh(candidate.preactivation(input: x, previous: r * h))
      return Step(update: z, reset: r, candidate: candidateValue, hidden: (1 - z) * h + z * candidateValue)
    }

    /// The terms of ∂hₜ/∂hₜ₋₁.
    public struct StateDerivative: Sendable, Hashable {
      /// 1 − zₜ: the dominant term.
      public var carry: Double
      /// (ĥₜ − hₜ₋₁)·zₜ(1 − zₜ)·U_z, from the update gate.
      public var updateTerm: Double
      /// (1 − ĥₜ²)·rₜ·(1 + (1 − rₜ)·hₜ₋₁·U_r)·zₜ·U_h, through the candidate and the reset gate.
      public var candidateTerm: Double

      /// The whole derivative.
      public var total: Double { carry + updateTerm + candidateTerm }
      /// What the other terms add to 1 − zₜ: total − (1 − zₜ).
      public var residual: Double { updateTerm + candidateTerm }
    }

    /// ∂hₜ/∂hₜ₋₁, split into its terms.
    public func stateDerivative(previous h: Double, input x: Double) -> StateDerivative {
      let s = step(previous: h, input: x)
      let z = s.update
      let r = s.reset
      return StateDerivative(
        carry: 1 - z,
        updateTerm: (s.candidate - h) * z * (1 - z) * update.recurrentWeight,
        candidateTerm: (1 - s.candidate * s.candidate) * r * (1 + (1 - r) * h * reset.recurrentWeight) * z
          * candidate.recurrentWeight)
    }
  }
}
