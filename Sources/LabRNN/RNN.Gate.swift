import Lab

extension RNN {
  /// The scalar parameters of one gate or candidate: pre-activation w·x + u·h + b.
  public struct Gate: Sendable, Hashable {
    /// The input weight w.
    public var inputWeight: Double
    /// The recurrent weight u.
    public var recurrentWeight: Double
    /// The bias b.
    public var bias: Double

    /// Creates a gate with pre-activation w·x + u·h + b.
    public init(inputWeight: Double, recurrentWeight: Double, bias: Double) {
      self.inputWeight = inputWeight
      self.recurrentWeight = recurrentWeight
      self.bias = bias
    }

    /// The pre-activation w·x + u·h + b.
    public func preactivation(input x: Double, previous h: Double) -> Double {
      inputWeight * x + recurrentWeight * h + bias
    }

    /// A gate with independent N(0, σ²) weights and bias, plus `biasShift` added to the bias.
    public static func random(
      standardDeviation sigma: Double, biasShift: Double = 0, using generator: inout SeededGenerator
    ) -> Gate {
      Gate(
        inputWeight: sigma * generator.normal(), recurrentWeight: sigma * generator.normal(),
        bias: biasShift + sigma * generator.normal())
    }
  }
}
