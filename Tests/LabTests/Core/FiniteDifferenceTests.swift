import Foundation
import Lab
import Testing

@Suite struct FiniteDifferenceTests {
  @Test(arguments: [-3.0, 0.0, 0.5, 2.0, 40.0])
  func `central differences match analytic derivatives to about 1e-9`(x: Double) {
    // The default step grows with |x|, and the truncation error with its square.
    #expect(abs(FiniteDifference.derivative(of: sin, at: x) - cos(x)) < 1e-9 * max(1, x * x))
    #expect(abs(FiniteDifference.derivative(of: sin, at: x, step: 1e-5) - cos(x)) < 1e-9)
    #expect(abs(FiniteDifference.derivative(of: { $0 * $0 * $0 }, at: x) - 3 * x * x) < 1e-9 * max(1, 3 * x * x))
    #expect(abs(FiniteDifference.derivative(of: tanh, at: x) - (1 - tanh(x) * tanh(x))) < 1e-9)
  }

  @Test func `the error is second order in the step`() {
    let errors = [1e-2, 5e-3].map { abs(FiniteDifference.derivative(of: exp, at: 1, step: $0) - exp(1.0)) }
    #expect((3.8...4.2).contains(errors[0] / errors[1]))
  }

  @Test func `gradient of a quadratic form is (A + Aᵀ) x`() {
    var g = SeededGenerator(seed: 31)
    let a = Matrix.random(rows: 6, columns: 6, using: &g)
    let x = g.normals(6)
    let gradient = FiniteDifference.gradient(of: { v in v.dot(a * v) }, at: x)
    let exact = (a + a.transposed) * x
    #expect(gradient.subtracting(exact).maxAbs < 1e-8 * exact.maxAbs)
  }

  @Test func `Jacobian of a tanh layer is diag(1 − h²) W`() {
    var g = SeededGenerator(seed: 32)
    let w = Matrix.random(rows: 5, columns: 4, standardDeviation: 0.5, using: &g)
    let x = g.normals(4)
    let layer = { (v: [Double]) in (w * v).map(tanh) }
    let h = layer(x)
    let exact = w.scalingRows(by: h.map { 1 - $0 * $0 })
    let numeric = FiniteDifference.jacobian(of: layer, at: x)
    #expect(numeric.rows == 5 && numeric.columns == 4)
    #expect((numeric - exact).maxAbs < 1e-9)
  }

  @Test func `Hessian of a cubic matches the analytic one`() {
    let f = { (v: [Double]) in v[0] * v[0] * v[1] + 3 * v[1] * v[1] * v[1] }
    let hessian = FiniteDifference.hessian(of: f, at: [1.5, -2])
    let exact = Matrix([[2 * -2, 2 * 1.5], [2 * 1.5, 18 * -2]])
    #expect((hessian - exact).maxAbs < 1e-5)
    #expect(hessian == hessian.transposed)
  }
}
