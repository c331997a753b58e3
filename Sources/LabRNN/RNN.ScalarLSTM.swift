import Foundation
import Lab

extension RNN {
  /// A one-dimensional LSTM cell and the derivative of its cell state.
  ///
  ///     fₜ = σ(·), iₜ = σ(·), oₜ = σ(·), ĉₜ = tanh(·)     (each gate reads xₜ and hₜ₋₁)
  ///     cₜ = fₜ·cₜ₋₁ + iₜ·ĉₜ,  hₜ = oₜ·tanh cₜ
  ///
  /// ``cellDerivative(previousCell:previousOutputGate:input:)`` differentiates cₜ with respect
  /// to cₜ₋₁ through hₜ₋₁ = oₜ₋₁·tanh cₜ₋₁ with oₜ₋₁ held fixed, exactly as the gating
  /// argument does; it agrees with central finite differences of
  /// ``cellState(previousCell:previousOutputGate:input:)`` to about 1e-10.
  public struct ScalarLSTM: Sendable, Hashable {
    /// The forget gate f.
    public var forget: Gate
    /// The input gate i.
    public var input: Gate
    /// The output gate o.
    public var output: Gate
    /// The candidate ĉ (a tanh unit).
    public var candidate: Gate

    /// Creates a cell from its four gates.
    public init(forget: Gate, input: Gate, output: Gate, candidate: Gate) {
      self.forget = forget
      self.input = input
      self.output = output
      self.candidate = candidate
    }

    /// A cell with all weights and biases N(0, σ²), plus `forgetBias` on the forget gate's bias.
    public static func random(
      standardDeviation sigma: Double, forgetBias: Double = 0, using generator: inout SeededGenerator
    ) -> ScalarLSTM {
      ScalarLSTM(
        forget: .random(standardDeviation: sigma, biasShift: forgetBias, using: &generator),
        input: .random(standardDeviation: sigma, using: &generator),
        output: .random(standardDeviation: sigma, using: &generator),
        candidate: .random(standardDeviation: sigma, using: &generator))
    }

    /// Everything one step computes.
    public struct Step: Sendable, Hashable {
      /// The forget gate fₜ.
      public var forget: Double
      /// The input gate iₜ.
      public var input: Double
      /// The output gate oₜ.
      public var output: Double
      /// The candidate ĉₜ.
      public var candidate: Double
      /// The new cell state cₜ.
      public var cell: Double
      /// The new output hₜ.
      public var hidden: Double
    }

    /// One step from the previous output `h` and cell state `c`.
    public func step(hidden h: Double, cell c: Double, input x: Double) -> Step {
      let f = RNN.sigmoid(forget.preactivation(input: x, previous: h))
      let i = RNN.sigmoid(input.preactivation(input: x, previous: h))
      let o = RNN.sigmoid(output.preactivation(input: x, previous: h))
      let candidateValue = tanh(candidate.preactivation(input: x, previous: h))
      let newCell = f * c + i * candidateValue
      return Step(forget: f, input: i, output: o, candidate: candidateValue, cell: newCell, hidden: o * tanh(newCell))
    }

    /// cₜ as a function of cₜ₋₁ alone: hₜ₋₁ = oₜ₋₁·tanh cₜ₋₁ with the output gate oₜ₋₁ fixed.
    public func cellState(previousCell c: Double, previousOutputGate o: Double, input x: Double) -> Double {
      step(hidden: o * tanh(c), cell: c, input: x).cell
    }

    /// The four terms of ∂cₜ/∂cₜ₋₁ (with oₜ₋₁ fixed).
    public struct CellDerivative: Sendable, Hashable {
      /// The forget gate fₜ: the dominant term.
      public var forgetGate: Double
      /// cₜ₋₁·∂fₜ/∂cₜ₋₁ = fₜ(1 − fₜ)·oₜ₋₁(1 − tanh²cₜ₋₁)·cₜ₋₁·U_f.
      public var forgetTerm: Double
      /// ĉₜ·∂iₜ/∂cₜ₋₁ = iₜ(1 − iₜ)·oₜ₋₁(1 − tanh²cₜ₋₁)·ĉₜ·U_i.
      public var inputTerm: Double
      /// iₜ·∂ĉₜ/∂cₜ₋₁ = (1 − ĉₜ²)·oₜ₋₁(1 − tanh²cₜ₋₁)·iₜ·U_c.
      public var candidateTerm: Double

      /// The whole derivative, the sum of the four terms.
      public var total: Double { forgetGate + forgetTerm + inputTerm + candidateTerm }
      /// What the three gate-damped terms add to fₜ: total − fₜ.
      public var residual: Double { forgetTerm + inputTerm + candidateTerm }
    }

    /// ∂cₜ/∂cₜ₋₁ with oₜ₋₁ held fixed, split into its four terms.
    ///
    /// The forget term obeys |cₜ₋₁·∂fₜ/∂cₜ₋₁| ≤ ¼·``RNN/saturationConstant``·|U_f| ≈ 0.1119·|U_f|,
    /// since f(1 − f) ≤ ¼, oₜ₋₁ ≤ 1 and |(1 − tanh²c)·c| ≤ 0.4477.
    public func cellDerivative(
      previousCell c: Double, previousOutputGate o: Double, input x: Double
    ) -> CellDerivative {
      let step = step(hidden: o * tanh(c), cell: c, input: x)
      let tanhC = tanh(c)
      // ∂hₜ₋₁/∂cₜ₋₁ with the output gate fixed.
      let dh = o * (1 - tanhC * tanhC)
      return CellDerivative(
        forgetGate: step.forget,
        forgetTerm: step.forget * (1 - step.forget) * dh * c * forget.recurrentWeight,
        inputTerm: step.input * (1 - step.input) * dh * step.candidate * input.recurrentWeight,
        candidateTerm: (1 - step.candidate * step.candidate) * dh * step.input * candidate.recurrentWeight)
    }
  }
}
