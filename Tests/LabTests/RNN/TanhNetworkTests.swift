import Foundation
import Testing

@testable import Lab
@testable import LabRNN

@Suite("RNN.TanhNetwork")
struct TanhNetworkTests {
  @Test("The step Jacobian diag(1 − h²)·W matches central differences")
  func jacobian() {
    var generator = SeededGenerator(seed: 8)
    let network = RNN.TanhNetwork.random(size: 12, gain: 1.5, using: &generator)
    let h = generator.normals(12)
    let analytic = network.stateJacobian(newState: network.step(h))
    let numeric = FiniteDifference.jacobian(of: network.step, at: h)
    #expect((analytic - numeric).maxAbs < 1e-9)
  }

  @Test("Below unit gain the tanh exponent equals log ρ(W)")
  func contractingNetwork() {
    var generator = SeededGenerator(seed: 9)
    let network = RNN.TanhNetwork.random(size: 100, gain: 0.6, using: &generator)
    let h0 = generator.normals(100)
    let tanhRate = network.lyapunovExponent(initial: h0, steps: 1500, discard: 200)
    let linearRate = network.lyapunovExponent(initial: h0, steps: 1500, discard: 200, linear: true)
    let logRho = log(network.weights.spectralRadius)
    #expect(abs(tanhRate - logRho) < 0.02)
    #expect(abs(linearRate - logRho) < 0.02)
  }

  @Test("Above unit gain tanh grows, but far more slowly than the linear chain")
  func expandingNetwork() {
    var generator = SeededGenerator(seed: 10)
    let network = RNN.TanhNetwork.random(size: 100, gain: 2.5, using: &generator)
    let h0 = generator.normals(100)
    let tanhRate = network.lyapunovExponent(initial: h0, steps: 1500, discard: 200)
    let logRho = log(network.weights.spectralRadius)
    #expect(tanhRate > 0)
    #expect(tanhRate < 0.5 * logRho)
  }

  @Test("Probe estimates of log‖∂h_t/∂h_0‖_F track the exact Jacobian product")
  func probeEstimate() {
    var generator = SeededGenerator(seed: 11)
    let network = RNN.TanhNetwork.random(size: 6, gain: 1.8, using: &generator)
    let h0 = generator.normals(6)
    let estimates = network.logJacobianNorms(initial: h0, steps: 30, probes: 20000, using: &generator)
    var product = Matrix.identity(6)
    var h = h0
    for t in 1...30 {
      h = network.step(h)
      product = network.stateJacobian(newState: h) * product
      #expect(abs(estimates[t] - log(product.frobeniusNorm)) < 0.05)
    }
    #expect(abs(estimates[0] - 0.5 * log(6.0)) < 0.05)
  }
}
