import Foundation
import Testing

@testable import Lab
@testable import LabRNN

@Suite("RNN.ScalarCell")
struct ScalarCellTests {
  @Test("The recursion, the unrolled sum and finite differences give the same dh_T/du")
  func gradientThreeWays() {
    var generator = SeededGenerator(seed: 1)
    for _ in 0..<50 {
      let cell = RNN.ScalarCell(
        inputWeight: generator.normal(), recurrentWeight: 1.5 * generator.normal(), bias: 0.5 * generator.normal())
      let inputs = generator.normals(30)
      let initial = generator.uniform(in: -1...1)
      let recursion = cell.recurrentWeightGradient(inputs: inputs, initial: initial)
      let unrolled = cell.unrolledTerms(inputs: inputs, initial: initial).reduce(0, +)
      let numeric = FiniteDifference.derivative(
        of: { cell.withRecurrentWeight($0).finalState(inputs: inputs, initial: initial) },
        at: cell.recurrentWeight, step: 1e-6)
      let scale = max(abs(recursion), 1e-3)
      #expect(abs(recursion - unrolled) <= 1e-12 * scale)
      #expect(abs(recursion - numeric) <= 1e-6 * scale)
    }
  }

  @Test("The tanh step factor is (1 − h_t²)·u")
  func tanhStepFactor() {
    let cell = RNN.ScalarCell(inputWeight: 0.7, recurrentWeight: -1.3, bias: 0.2)
    let next = cell.step(previous: 0.4, input: -0.5)
    #expect(abs(cell.stateDerivative(previous: 0.4, input: -0.5) - (1 - next * next) * -1.3) < 1e-15)
  }

  @Test("Unrolled terms decay geometrically when every step factor is below one")
  func termsDecay() {
    let cell = RNN.ScalarCell(inputWeight: 1, recurrentWeight: 0.5, bias: 0)
    let inputs = Array(repeating: 0.3, count: 40)
    let factors = cell.stateDerivatives(inputs: inputs, initial: 0.1)
    #expect(factors.allSatisfy { abs($0) <= 0.5 })
    let terms = cell.unrolledTerms(inputs: inputs, initial: 0.1)
    // Step s's term is a product of T − s factors of size ≤ 0.5 times ∂h_s/∂u = (1 − h_s²)·h_{s−1}, of size ≤ 1.
    for (index, term) in terms.enumerated() {
      #expect(abs(term) <= pow(0.5, Double(terms.count - index - 1)) * (1 + 1e-12))
    }
    #expect(abs(terms[0]) < 1e-10 * abs(terms[terms.count - 1]))
  }

  @Test("ReLU's step factor is the recurrent weight itself on the active side")
  func reluFactor() {
    let cell = RNN.ScalarCell(inputWeight: 0, recurrentWeight: 7, bias: 0, activation: .relu)
    #expect(cell.stateDerivative(previous: 1, input: 0) == 7)
    #expect(cell.stateDerivative(previous: -1, input: 0) == 0)
  }

  @Test("The sigmoid is symmetric and finite at extreme arguments")
  func sigmoid() {
    #expect(RNN.sigmoid(0) == 0.5)
    #expect(RNN.sigmoid(-800) == 0)
    #expect(RNN.sigmoid(800) == 1)
    for x in stride(from: -20.0, through: 20, by: 0.37) {
      #expect(abs(RNN.sigmoid(x) + RNN.sigmoid(-x) - 1) < 1e-15)
      #expect(abs(tanh(x) - (2 * RNN.sigmoid(2 * x) - 1)) < 1e-15)
    }
  }
}
