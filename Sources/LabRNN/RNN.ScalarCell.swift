import Lab

extension RNN {
  /// A one-dimensional simple RNN, hₜ = φ(w·xₜ + u·hₜ₋₁ + b).
  ///
  /// The derivative of the final state with respect to the recurrent weight `u` can be
  /// computed two ways that agree to rounding: by the forward recursion
  /// dhₜ/du = (∂hₜ/∂hₜ₋₁)·dhₜ₋₁/du + ∂hₜ/∂u, or as the unrolled sum of
  /// ``unrolledTerms(inputs:initial:)``. For `tanh` the step factor is
  /// ∂hₜ/∂hₜ₋₁ = (1 − hₜ²)·u.
  public struct ScalarCell: Sendable, Hashable {
    /// The input weight w.
    public var inputWeight: Double
    /// The recurrent weight u.
    public var recurrentWeight: Double
    /// The bias b.
    public var bias: Double
    /// The nonlinearity φ.
    public var activation: Activation

    /// Creates a cell hₜ = φ(w·xₜ + u·hₜ₋₁ + b).
    public init(inputWeight: Double, recurrentWeight: Double, bias: Double, activation: Activation = .tanh) {
      self.inputWeight = inputWeight
      self.recurrentWeight = recurrentWeight
      self.bias = bias
      self.activation = activation
    }

    /// The same cell with recurrent weight `u`.
    public func withRecurrentWeight(_ u: Double) -> ScalarCell {
      var copy = self
      copy.recurrentWeight = u
      return copy
    }

    /// The pre-activation w·x + u·h + b.
    public func preactivation(previous h: Double, input x: Double) -> Double {
      inputWeight * x + recurrentWeight * h + bias
    }

    /// One step: the new state from the previous state `h` and the input `x`.
    public func step(previous h: Double, input x: Double) -> Double {
      activation(preactivation(previous: h, input: x))
    }

    /// The step factor ∂hₜ/∂hₜ₋₁ = φ′(aₜ)·u; for `tanh` it equals (1 − hₜ²)·u.
    public func stateDerivative(previous h: Double, input x: Double) -> Double {
      activation.derivative(at: preactivation(previous: h, input: x)) * recurrentWeight
    }

    /// The direct derivative ∂hₜ/∂u = φ′(aₜ)·hₜ₋₁, with hₜ₋₁ held fixed.
    public func recurrentWeightDerivative(previous h: Double, input x: Double) -> Double {
      activation.derivative(at: preactivation(previous: h, input: x)) * h
    }

    /// The states h₀, h₁, …, h_T (T = `inputs.count`), starting from `initial`.
    public func states(inputs: [Double], initial: Double) -> [Double] {
      var result = [initial]
      result.reserveCapacity(inputs.count + 1)
      for x in inputs { result.append(step(previous: result[result.count - 1], input: x)) }
      return result
    }

    /// The final state h_T after running over `inputs` from `initial`.
    public func finalState(inputs: [Double], initial: Double) -> Double {
      inputs.reduce(initial) { h, x in step(previous: h, input: x) }
    }

    /// dh_T/du by the forward recursion gₜ = (∂hₜ/∂hₜ₋₁)·gₜ₋₁ + ∂hₜ/∂u, g₀ = 0.
    ///
    /// Exact up to rounding (relative error near 1e-15 for moderate T); it equals the sum
    /// of ``unrolledTerms(inputs:initial:)``.
    public func recurrentWeightGradient(inputs: [Double], initial: Double) -> Double {
      var h = initial
      var gradient = 0.0
      for x in inputs {
        gradient = stateDerivative(previous: h, input: x) * gradient + recurrentWeightDerivative(previous: h, input: x)
        h = step(previous: h, input: x)
      }
      return gradient
    }

    /// The terms of the unrolled gradient, (∏_{r=s+1}^{T} ∂h_r/∂h_{r−1})·∂h_s/∂u for s = 1…T.
    ///
    /// Element `s − 1` is the contribution of step `s`; the last element is the direct
    /// term of step T. Their sum is dh_T/du. Computed in O(T) by a backward sweep.
    public func unrolledTerms(inputs: [Double], initial: Double) -> [Double] {
      let h = states(inputs: inputs, initial: initial)
      var terms = [Double](repeating: 0, count: inputs.count)
      var weight = 1.0
      for s in stride(from: inputs.count, through: 1, by: -1) {
        terms[s - 1] = weight * recurrentWeightDerivative(previous: h[s - 1], input: inputs[s - 1])
        weight *= stateDerivative(previous: h[s - 1], input: inputs[s - 1])
      }
      return terms
    }

    /// The step factors ∂hₜ/∂hₜ₋₁ along the trajectory, t = 1…T.
    public func stateDerivatives(inputs: [Double], initial: Double) -> [Double] {
      let h = states(inputs: inputs, initial: initial)
      return inputs.indices.map { stateDerivative(previous: h[$0], input: inputs[$0]) }
    }
  }
}
