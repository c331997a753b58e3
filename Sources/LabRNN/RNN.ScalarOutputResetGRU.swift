import Foundation
import Lab

extension RNN {
  /// The GRU variant that applies the reset gate at the output instead of inside the candidate.
  ///
  ///     zₜ = σ(·), rₜ = σ(·), ĉₜ = tanh(W_h·xₜ + U_h·hₜ₋₁ + b_h)   (all read xₜ, hₜ₋₁)
  ///     cₜ = (1 − zₜ)·cₜ₋₁ + zₜ·ĉₜ,  hₜ = rₜ·cₜ
  ///
  /// It carries one more state (cₜ). With hₜ₋₁ = rₜ₋₁·cₜ₋₁ and rₜ₋₁ held fixed,
  ///
  ///     ∂cₜ/∂cₜ₋₁ = (1 − zₜ) + (ĉₜ − cₜ₋₁)·zₜ(1 − zₜ)·U_z·rₜ₋₁ + zₜ(1 − ĉₜ²)·U_h·rₜ₋₁,
  ///
  /// so every correction to 1 − zₜ carries the previous reset gate as one more damping factor.
  public struct ScalarOutputResetGRU: Sendable, Hashable {
    /// The update gate z.
    public var update: Gate
    /// The output (reset) gate r.
    public var reset: Gate
    /// The candidate ĉ.
    public var candidate: Gate

    /// Creates a cell from its gates.
    public init(update: Gate, reset: Gate, candidate: Gate) {
      self.update = update
      self.reset = reset
      self.candidate = candidate
    }

    /// A cell with all weights and biases N(0, σ²).
    public static func random(
      standardDeviation sigma: Double, using generator: inout SeededGenerator
    ) -> ScalarOutputResetGRU {
      ScalarOutputResetGRU(
        update: .random(standardDeviation: sigma, using: &generator),
        reset: .random(standardDeviation: sigma, using: &generator),
        candidate: .random(standardDeviation: sigma, using: &generator))
    }

    /// One step: the new (hₜ, cₜ, rₜ, zₜ) from hₜ₋₁ and cₜ₋₁.
    public func step(
      hidden h: Double, cell c: Double, input x: Double
    ) -> (hidden: Double, cell: Double, reset: Double, update: Double) {
      let z = RNN.sigmoid(update.preactivation(input: x, previous: h))
      let r = RNN.sigmoid(reset.preactivation(input: x, previous: h))
      let candidateValue = tanh(candidate.preactivation(input: x, previous: h))
      let newCell = (1 - z) * c + z * candidateValue
      return (r * newCell, newCell, r, z)
    }

    /// cₜ as a function of cₜ₋₁ alone, with hₜ₋₁ = rₜ₋₁·cₜ₋₁ and rₜ₋₁ fixed.
    public func cellState(previousCell c: Double, previousReset r: Double, input x: Double) -> Double {
      step(hidden: r * c, cell: c, input: x).cell
    }

    /// ∂cₜ/∂cₜ₋₁ with rₜ₋₁ fixed, as (carry 1 − zₜ, residual = the rest).
    public func cellDerivative(
      previousCell c: Double, previousReset rPrevious: Double, input x: Double
    ) -> (carry: Double, residual: Double) {
      let h = rPrevious * c
      let z = RNN.sigmoid(update.preactivation(input: x, previous: h))
      let candidateValue = tanh(candidate.preactivation(input: x, previous: h))
      let residual =
        (candidateValue - c) * z * (1 - z) * update.recurrentWeight * rPrevious
        + z * (1 - candidateValue * candidateValue) * candidate.recurrentWeight * rPrevious
      return (1 - z, residual)
    }
  }
}
