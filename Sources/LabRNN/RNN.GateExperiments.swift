import Foundation
import Lab

extension RNN {
  /// One random draw of the gradient-retention experiment: the log of how much gradient a
  /// cell state keeps over T steps, with the forget-gate approximation and a simple RNN
  /// beside it.
  public struct RetentionDraw: Sendable, Hashable {
    /// log|∏ₜ ∂cₜ/∂cₜ₋₁| for the LSTM (oₜ₋₁ held fixed in each factor).
    public var lstm: Double
    /// log ∏ₜ fₜ, the forget-gate-only approximation of ``lstm``.
    public var forgetProduct: Double
    /// log|∏ₜ (1 − hₜ²)·u| for a simple tanh RNN driven by the same inputs.
    public var simple: Double
  }

  /// Draws random one-dimensional LSTMs and simple RNNs and measures gradient retention.
  ///
  /// Each draw samples an LSTM with weights and biases N(0, σ²) (plus `forgetBias` on the
  /// forget gate), a simple RNN with w, b ~ N(0, σ²) and u ~ N(0, `simpleRecurrentScale`²),
  /// and inputs xₜ ~ N(0, 1). Both start from zero state; the LSTM takes one warm-up step so
  /// that oₜ₋₁ exists, then `steps` factors are multiplied.
  public static func retentionDraws(
    count: Int, steps: Int, forgetBias: Double, standardDeviation sigma: Double = 0.5,
    simpleRecurrentScale: Double = 1.5, using generator: inout SeededGenerator
  ) -> [RetentionDraw] {
    (0..<count).map { _ in
      let lstm = ScalarLSTM.random(standardDeviation: sigma, forgetBias: forgetBias, using: &generator)
      let simple = ScalarCell(
        inputWeight: sigma * generator.normal(), recurrentWeight: simpleRecurrentScale * generator.normal(),
        bias: sigma * generator.normal())
      let inputs = generator.normals(steps + 1)
      let (logLSTM, logForget) = lstmRetention(lstm, inputs: inputs)
      let logSimple = simple.stateDerivatives(inputs: Array(inputs.dropFirst()), initial: 0)
        .reduce(0) { $0 + log(abs($1)) }
      return RetentionDraw(lstm: logLSTM, forgetProduct: logForget, simple: logSimple)
    }
  }

  /// (log|∏ ∂cₜ/∂cₜ₋₁|, log ∏ fₜ) after a warm-up step on `inputs[0]`.
  static func lstmRetention(_ lstm: ScalarLSTM, inputs: [Double]) -> (Double, Double) {
    var state = lstm.step(hidden: 0, cell: 0, input: inputs[0])
    var logFull = 0.0
    var logForget = 0.0
    for x in inputs.dropFirst() {
      let derivative = lstm.cellDerivative(previousCell: state.cell, previousOutputGate: state.output, input: x)
      logFull += log(abs(derivative.total))
      logForget += log(derivative.forgetGate)
      state = lstm.step(hidden: state.hidden, cell: state.cell, input: x)
    }
    return (logFull, logForget)
  }

  /// How far each gated cell's step derivative strays from its dominant gate term.
  public struct GateResiduals: Sendable, Hashable {
    /// |∂cₜ/∂cₜ₋₁ − fₜ| for LSTMs, one value per step and draw.
    public var lstm: [Double]
    /// |∂hₜ/∂hₜ₋₁ − (1 − zₜ)| for GRUs.
    public var gru: [Double]
    /// |∂cₜ/∂cₜ₋₁ − (1 − zₜ)| for the output-reset variant ``ScalarOutputResetGRU``.
    public var outputReset: [Double]
  }

  /// Samples |derivative − dominant term| along trajectories of random LSTM, GRU and
  /// output-reset cells, all with weights and biases N(0, σ²) and inputs N(0, 1).
  ///
  /// Each of the `count` draws runs `steps` steps from zero state and records one residual
  /// per step and cell type, so each array has `count × steps` entries.
  public static func gateResiduals(
    count: Int, steps: Int, standardDeviation sigma: Double = 0.5, using generator: inout SeededGenerator
  ) -> GateResiduals {
    var result = GateResiduals(lstm: [], gru: [], outputReset: [])
    for _ in 0..<count {
      let lstm = ScalarLSTM.random(standardDeviation: sigma, using: &generator)
      let gru = ScalarGRU.random(standardDeviation: sigma, using: &generator)
      let variant = ScalarOutputResetGRU.random(standardDeviation: sigma, using: &generator)
      let inputs = generator.normals(steps + 1)
      var lstmState = lstm.step(hidden: 0, cell: 0, input: inputs[0])
      var gruState = gru.step(previous: 0, input: inputs[0]).hidden
      var variantState = variant.step(hidden: 0, cell: 0, input: inputs[0])
      for x in inputs.dropFirst() {
        let lstmDerivative = lstm.cellDerivative(
          previousCell: lstmState.cell, previousOutputGate: lstmState.output, input: x)
        result.lstm.append(abs(lstmDerivative.residual))
        result.gru.append(abs(gru.stateDerivative(previous: gruState, input: x).residual))
        let variantDerivative = variant.cellDerivative(
          previousCell: variantState.cell, previousReset: variantState.reset, input: x)
        result.outputReset.append(abs(variantDerivative.residual))
        lstmState = lstm.step(hidden: lstmState.hidden, cell: lstmState.cell, input: x)
        gruState = gru.step(previous: gruState, input: x).hidden
        variantState = variant.step(hidden: variantState.hidden, cell: variantState.cell, input: x)
      }
    }
    return result
  }
}
