import Foundation
import Lab
import Testing

@Suite struct SeededGeneratorTests {
  /// Chi-square p-value of `counts` against equal-probability (or given) cells.
  private func pValue(_ counts: [Int], probabilities: [Double]? = nil) -> Double {
    let n = Double(counts.reduce(0, +))
    let p = probabilities ?? Array(repeating: 1 / Double(counts.count), count: counts.count)
    let statistic = Statistics.chiSquare(observed: counts.map(Double.init), expected: p.map { $0 * n })
    return Statistics.chiSquarePValue(statistic, degreesOfFreedom: counts.count - 1)
  }

  @Test func `a fixed seed gives a fixed stream (xoshiro256** with SplitMix64 seeding)`() {
    var g = SeededGenerator(seed: 42)
    #expect(g.next() == 1_546_998_764_402_558_742)
    #expect(g.next() == 6_990_951_692_964_543_102)
    var a = SeededGenerator(seed: 7)
    var b = SeededGenerator(seed: 7)
    var c = SeededGenerator(seed: 8)
    let first = (0..<100).map { _ in a.next() }
    #expect(first == (0..<100).map { _ in b.next() })
    #expect(first != (0..<100).map { _ in c.next() })
  }

  @Test func `split streams are reproducible and differ from the parent`() {
    var parent = SeededGenerator(seed: 1)
    var child = parent.split()
    var again = SeededGenerator(seed: 1)
    var childAgain = again.split()
    #expect(child.next() == childAgain.next())
    #expect(parent == again)
    #expect(child.next() != parent.next())
  }

  @Test func `uniform draws have the moments of U(0, 1) and pass a 20-bin chi-square test`() {
    var g = SeededGenerator(seed: 10)
    let n = 200_000
    let u = (0..<n).map { _ in g.uniform() }
    #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
    // 5σ bounds: σ(mean) = √(1/12n) ≈ 6.5e-4, σ(variance) ≈ √(1/180n) ≈ 1.7e-4.
    #expect(abs(Statistics.mean(u) - 0.5) < 0.0033)
    #expect(abs(Statistics.variance(u) - 1.0 / 12) < 0.0009)
    let histogram = Histogram(values: u, bins: 20, range: 0...1)
    #expect(pValue(histogram.counts) > 0.001)
    let interval = (0..<1000).map { _ in g.uniform(in: -2...3) }
    #expect(interval.allSatisfy { (-2...3).contains($0) })
  }

  @Test func `normal draws have mean 0, variance 1, skewness 0 and kurtosis 3`() {
    var g = SeededGenerator(seed: 11)
    let n = 200_000
    let z = g.normals(n)
    let mean = Statistics.mean(z)
    let moment = { (k: Double) in Statistics.mean(z.map { pow($0 - mean, k) }) }
    // 5σ bounds: σ(mean) = 1/√n ≈ 0.0022, σ(var) = √(2/n) ≈ 0.0032, σ(skew) ≈ √(6/n), σ(kurt) ≈ √(24/n).
    #expect(abs(mean) < 0.012)
    #expect(abs(moment(2) - 1) < 0.016)
    #expect(abs(moment(3) / pow(moment(2), 1.5)) < 0.028)
    #expect(abs(moment(4) / pow(moment(2), 2) - 3) < 0.055)
  }

  @Test func `normal draws pass a chi-square test on 16 equal-probability bins`() {
    var g = SeededGenerator(seed: 12)
    let edges = (1..<16).map { k in
      // Invert Φ by bisection so each bin has probability 1/16.
      var (low, high) = (-10.0, 10.0)
      for _ in 0..<100 {
        let mid = (low + high) / 2
        if Statistics.normalCDF(mid) < Double(k) / 16 { low = mid } else { high = mid }
      }
      return low
    }
    var counts = [Int](repeating: 0, count: 16)
    for _ in 0..<100_000 {
      let x = g.normal(mean: 0, standardDeviation: 1)
      counts[edges.firstIndex { x < $0 } ?? 15] += 1
    }
    #expect(pValue(counts) > 0.001)
  }

  @Test func `categorical draws follow their weights (chi-square)`() {
    var g = SeededGenerator(seed: 13)
    let weights = [1.0, 0, 3, 6, 10]
    var counts = [Int](repeating: 0, count: weights.count)
    for _ in 0..<100_000 { counts[g.categorical(weights)] += 1 }
    #expect(counts[1] == 0)
    let nonzero = [0, 2, 3, 4]
    let p = Distribution.normalized(nonzero.map { weights[$0] })
    #expect(pValue(nonzero.map { counts[$0] }, probabilities: p) > 0.001)
  }

  @Test func `integers below a bound are uniform (chi-square)`() {
    var g = SeededGenerator(seed: 14)
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<70_000 { counts[g.integer(below: 7)] += 1 }
    #expect(pValue(counts) > 0.001)
  }

  @Test(arguments: [0.5, 1.0, 3.0])
  func `gamma draws have mean and variance equal to the shape`(shape: Double) {
    var g = SeededGenerator(seed: 15)
    let x = (0..<100_000).map { _ in g.gamma(shape: shape) }
    let sigmaMean = (shape / 100_000).squareRoot()
    #expect(x.allSatisfy { $0 >= 0 })
    #expect(abs(Statistics.mean(x) - shape) < 5 * sigmaMean)
    #expect(abs(Statistics.variance(x) / shape - 1) < 0.05)
  }

  @Test func `dirichlet draws lie on the simplex with mean alpha over its sum`() {
    var g = SeededGenerator(seed: 16)
    let alpha = [1.0, 2, 7]
    let draws = (0..<20_000).map { _ in g.dirichlet(alpha) }
    #expect(draws.allSatisfy { abs($0.sum - 1) < 1e-12 && $0.allSatisfy { $0 >= 0 } })
    for k in 0..<3 {
      #expect(abs(Statistics.mean(draws.map { $0[k] }) - alpha[k] / 10) < 0.01)
    }
  }

  @Test func `shuffles reach all orders of three items equally often`() {
    var g = SeededGenerator(seed: 17)
    var counts: [[Int]: Int] = [:]
    for _ in 0..<60_000 { counts[g.permutation(3), default: 0] += 1 }
    #expect(counts.count == 6)
    #expect(pValue(counts.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { counts[$0, default: 0] }) > 0.001)
  }

  @Test func `sampling without replacement gives distinct indices in range`() {
    var g = SeededGenerator(seed: 18)
    for _ in 0..<100 {
      let picks = g.sample(10, from: 30)
      #expect(Set(picks).count == 10)
      #expect(picks.allSatisfy { (0..<30).contains($0) })
    }
    #expect(Set(g.sample(5, from: 5)) == Set(0..<5))
  }
}
