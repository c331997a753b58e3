import Foundation
import Lab
import Testing

@Suite struct NewtonTests {
  private let circleAndLine: ([Double]) -> [Double] = { x in
    [x[0] * x[0] + x[1] * x[1] - 4, x[0] - x[1]]
  }

  @Test func `Newton finds the intersection of a circle and a line`() throws {
    let result = try #require(
      Newton.solve(initial: [1, 0.5], residual: circleAndLine) { x in
        Matrix([[2 * x[0], 2 * x[1]], [1, -1]])
      })
    #expect(abs(result.solution[0] - 2.0.squareRoot()) < 1e-12)
    #expect(abs(result.solution[1] - 2.0.squareRoot()) < 1e-12)
    #expect(result.residualNorm <= 1e-10)
    #expect(result.iterations < 10)
  }

  @Test func `Newton converges quadratically near a simple root`() throws {
    let result = try #require(Newton.solve(initial: [1.2, 1.6], tolerance: 1e-14, residual: circleAndLine))
    let h = result.residualHistory
    // Once close, each residual is at most a constant times the square of the previous one.
    for k in 1..<h.count where h[k - 1] < 0.1 && h[k] > 1e-15 {
      #expect(h[k] < 10 * h[k - 1] * h[k - 1])
    }
  }

  @Test func `Newton returns nil when there is no root or the Jacobian is singular`() {
    #expect(Newton.solve(initial: [1], maxIterations: 30, residual: { x in [x[0] * x[0] + 1] }) == nil)
    #expect(Newton.solve(initial: [0], residual: { x in [x[0] * x[0] - 1] }) { _ in Matrix([[0]]) } == nil)
  }

  @Test func `an initial point that already solves the system takes no steps`() throws {
    let result = try #require(Newton.solve(initial: [2, 2].map { $0 / 2.0.squareRoot() }, residual: circleAndLine))
    #expect(result.iterations == 0 || result.residualNorm < 1e-15)
  }

  @Test func `scalar root finding matches known roots`() throws {
    let sqrt2 = try #require(Newton.root(of: { $0 * $0 - 2 }, derivative: { 2 * $0 }, initial: 1))
    #expect(abs(sqrt2 - 2.0.squareRoot()) < 1e-15)
    let dottie = try #require(Newton.root(of: { cos($0) - $0 }, initial: 1))
    #expect(abs(dottie - 0.739_085_133_215_160_6) < 1e-14)
  }
}
