import Foundation
import Testing

@testable import Lab
@testable import LabRNN

@Suite("RNN gated cells")
struct GatedCellTests {
  @Test("The LSTM's four-term ∂c_t/∂c_{t−1} matches central differences over 2000 random draws")
  func lstmDerivative() {
    var generator = SeededGenerator(seed: 2)
    var worst = 0.0
    for _ in 0..<2000 {
      let lstm = RNN.ScalarLSTM.random(standardDeviation: 1, forgetBias: generator.normal(), using: &generator)
      let c = 2 * generator.normal()
      let o = generator.uniform()
      let x = generator.normal()
      let analytic = lstm.cellDerivative(previousCell: c, previousOutputGate: o, input: x).total
      let numeric = FiniteDifference.derivative(
        of: { lstm.cellState(previousCell: $0, previousOutputGate: o, input: x) }, at: c)
      worst = max(worst, abs(analytic - numeric))
    }
    #expect(worst < 1e-8)
  }

  @Test("The forget term is bounded by 0.1119·|U_f|")
  func forgetTermBound() {
    var generator = SeededGenerator(seed: 3)
    let bound = RNN.saturationConstant / 4
    #expect(abs(bound - 0.1119358) < 1e-7)
    var worstRatio = 0.0
    for _ in 0..<20000 {
      let lstm = RNN.ScalarLSTM.random(standardDeviation: 2, using: &generator)
      let d = lstm.cellDerivative(
        previousCell: 3 * generator.normal(), previousOutputGate: generator.uniform(), input: generator.normal())
      worstRatio = max(worstRatio, abs(d.forgetTerm) / abs(lstm.forget.recurrentWeight))
    }
    #expect(worstRatio <= bound)
    #expect(worstRatio > 0.5 * bound)
  }

  @Test("With zero recurrent weights the LSTM derivative is exactly the forget gate")
  func lstmWithoutRecurrence() {
    let gate = RNN.Gate(inputWeight: 0.3, recurrentWeight: 0, bias: 0.1)
    let lstm = RNN.ScalarLSTM(forget: gate, input: gate, output: gate, candidate: gate)
    let d = lstm.cellDerivative(previousCell: 0.8, previousOutputGate: 0.6, input: 1.2)
    #expect(d.residual == 0)
    #expect(d.total == RNN.sigmoid(0.3 * 1.2 + 0.1))
    let (full, forget) = RNN.lstmRetention(lstm, inputs: [0.1, 0.5, -0.4, 2.0])
    #expect(abs(full - forget) < 1e-14)
  }

  @Test("The GRU's ∂h_t/∂h_{t−1} matches central differences over 2000 random draws")
  func gruDerivative() {
    var generator = SeededGenerator(seed: 4)
    var worst = 0.0
    for _ in 0..<2000 {
      let gru = RNN.ScalarGRU.random(standardDeviation: 1.5, using: &generator)
      let h = generator.uniform(in: -1...1)
      let x = generator.normal()
      let analytic = gru.stateDerivative(previous: h, input: x).total
      let numeric = FiniteDifference.derivative(of: { gru.step(previous: $0, input: x).hidden }, at: h)
      worst = max(worst, abs(analytic - numeric))
    }
    #expect(worst < 1e-8)
  }

  @Test("The output-reset variant's ∂c_t/∂c_{t−1} matches central differences")
  func outputResetDerivative() {
    var generator = SeededGenerator(seed: 5)
    var worst = 0.0
    for _ in 0..<2000 {
      let cell = RNN.ScalarOutputResetGRU.random(standardDeviation: 1.5, using: &generator)
      let c = 1.5 * generator.normal()
      let r = generator.uniform()
      let x = generator.normal()
      let d = cell.cellDerivative(previousCell: c, previousReset: r, input: x)
      let numeric = FiniteDifference.derivative(
        of: { cell.cellState(previousCell: $0, previousReset: r, input: x) }, at: c)
      worst = max(worst, abs(d.carry + d.residual - numeric))
    }
    #expect(worst < 1e-8)
  }

  @Test("A strong forget bias keeps the gradient; a simple RNN loses it")
  func retention() {
    var generator = SeededGenerator(seed: 6)
    let draws = RNN.retentionDraws(count: 200, steps: 50, forgetBias: 3, using: &generator)
    #expect(Statistics.median(draws.map(\.lstm)) > -6)
    #expect(Statistics.median(draws.map(\.simple)) < -30)
    #expect(Statistics.median(draws.map { abs($0.lstm - $0.forgetProduct) }) < 1.5)
    #expect(draws.allSatisfy { $0.forgetProduct < 0 })
  }

  @Test("Gate residuals come one per step and draw, and are finite")
  func residualShapes() {
    var generator = SeededGenerator(seed: 7)
    let residuals = RNN.gateResiduals(count: 10, steps: 20, using: &generator)
    #expect(residuals.lstm.count == 200 && residuals.gru.count == 200 && residuals.outputReset.count == 200)
    #expect((residuals.lstm + residuals.gru + residuals.outputReset).allSatisfy { $0.isFinite && $0 >= 0 })
  }
}
