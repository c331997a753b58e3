import Foundation
import Lab
import Testing

@Suite("PortableMath")
struct PortableMathTests {
  private func ulps(_ value: Double, from reference: Double) -> Double {
    value == reference ? 0 : abs(value - reference) / reference.ulp
  }

  @Test func agreesWithTheSystemLibraryWithinAFewUlp() {
    var generator = SeededGenerator(seed: 11)
    var worst = (exp: 0.0, log: 0.0, tanh: 0.0)
    for _ in 0..<100_000 {
      let x = generator.uniform() * 1400 - 700
      worst.exp = max(worst.exp, ulps(PortableMath.exp(x), from: Foundation.exp(x)))
      let y = generator.uniform() * pow(10, generator.uniform() * 40 - 20)
      if y > 0 { worst.log = max(worst.log, ulps(PortableMath.log(y), from: Foundation.log(y))) }
      let t = (generator.uniform() * 50 - 25) * (generator.uniform() < 0.5 ? 1 : 1e-6)
      worst.tanh = max(worst.tanh, ulps(PortableMath.tanh(t), from: Foundation.tanh(t)))
    }
    #expect(worst.exp <= 2)
    #expect(worst.log <= 4)
    #expect(worst.tanh <= 6)
  }

  /// The reference rounds 2πu before taking the cosine, an error of up to 7e-16 by itself.
  @Test func cosineOfTurnsIsTheCosineOfTheAngle() {
    for u in stride(from: 0.0, to: 1, by: 1.0 / 997) {
      #expect(abs(PortableMath.cosOfTurns(u) - cos(2 * Double.pi * u)) <= 1e-15)
    }
    #expect(PortableMath.cosOfTurns(0) == 1)
    #expect(PortableMath.cosOfTurns(0.5) == -1)
  }

  @Test func specialValues() {
    #expect(PortableMath.exp(0) == 1)
    #expect(PortableMath.exp(800) == .infinity)
    #expect(PortableMath.exp(-800) == 0)
    #expect(PortableMath.exp(.nan).isNaN)
    #expect(PortableMath.log(1) == 0)
    #expect(PortableMath.log(0) == -.infinity)
    #expect(PortableMath.log(-1).isNaN)
    #expect(PortableMath.log(.infinity) == .infinity)
    #expect(PortableMath.log(Double.leastNonzeroMagnitude) == Foundation.log(Double.leastNonzeroMagnitude))
    #expect(PortableMath.tanh(30) == 1)
    #expect(PortableMath.tanh(-30) == -1)
    #expect(PortableMath.tanh(0) == 0)
  }

  @Test func thePortableProductIsTheProduct() {
    var generator = SeededGenerator(seed: 3)
    let matrix = Matrix.random(rows: 7, columns: 5, using: &generator)
    let vector = generator.normals(5)
    let gap = zip(matrix.portablyMultiplied(by: vector), matrix * vector).map { abs($0 - $1) }.max() ?? .nan
    #expect(gap <= 1e-14)
  }
}
