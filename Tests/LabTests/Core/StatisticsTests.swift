import Foundation
import Lab
import Testing

@Suite struct StatisticsTests {
  private let sample = [3.0, 1, 4, 1, 5, 9, 2, 6]

  @Test func `mean, variance and quantiles match hand-computed values`() {
    #expect(Statistics.mean(sample) == 3.875)
    #expect(abs(Statistics.variance(sample) - 7.553_571_428_571_429) < 1e-14)
    #expect(abs(Statistics.populationVariance(sample) - 6.609_375) < 1e-14)
    #expect(abs(Statistics.standardDeviation(sample) - 7.553_571_428_571_429.squareRoot()) < 1e-14)
    #expect(Statistics.median(sample) == 3.5)
    // numpy.quantile([3,1,4,1,5,9,2,6], [0, .25, .9, 1]) = [1, 1.75, 6.9, 9]
    let q = Statistics.quantiles(sample, [0, 0.25, 0.9, 1])
    #expect(abs(q[0] - 1) + abs(q[1] - 1.75) + abs(q[2] - 6.9) + abs(q[3] - 9) < 1e-14)
    #expect(Statistics.median([7]) == 7)
  }

  @Test func `the mean of shifted data loses nothing to cancellation`() {
    let shifted = sample.map { $0 + 1e9 }
    #expect(abs(Statistics.mean(shifted) - (1e9 + 3.875)) < 1e-6)
    #expect(abs(Statistics.variance(shifted) - Statistics.variance(sample)) < 1e-6)
    #expect(Statistics.compensatedSum([1, 1e100, 1, -1e100]) == 2)
  }

  @Test func `covariance and correlation`() {
    let x = [1.0, 2, 3, 4, 5]
    #expect(abs(Statistics.correlation(x, x.map { 3 * $0 + 1 }) - 1) < 1e-15)
    #expect(abs(Statistics.correlation(x, x.map { -$0 }) + 1) < 1e-15)
    #expect(abs(Statistics.covariance(x, x) - Statistics.variance(x)) < 1e-15)
    #expect(Statistics.correlation(x, [2, 2, 2, 2, 2]).isNaN)
    #expect(Statistics.mean([1, .nan]).isNaN)
  }

  @Test func `chi-square p-values match tabulated critical values`() {
    #expect(abs(Statistics.chiSquarePValue(3.841_458_820_694_124, degreesOfFreedom: 1) - 0.05) < 1e-12)
    #expect(abs(Statistics.chiSquarePValue(18.307_038_053_275_146, degreesOfFreedom: 10) - 0.05) < 1e-12)
    #expect(abs(Statistics.chiSquarePValue(2, degreesOfFreedom: 2) - exp(-1.0)) < 1e-14)
    #expect(Statistics.chiSquarePValue(0, degreesOfFreedom: 3) == 1)
    #expect(Statistics.regularizedGammaQ(2, .infinity) == 0)
    #expect(abs(Statistics.normalCDF(1.959_963_984_540_054) - 0.975) < 1e-15)
    #expect(Statistics.normalCDF(-37) > 5.7e-300 && Statistics.normalCDF(-37) < 5.8e-300)
    #expect(Statistics.normalCDF(-40) == 0)  // Φ(−40) ≈ 4e-350 underflows
  }

  @Test func `a histogram counts values per bin with the upper edge in the last bin`() {
    let h = Histogram(values: [0, 0.1, 0.5, 0.99, 1, 2, .nan], bins: 2, range: 0...1)
    #expect(h.counts == [2, 3])
    #expect(h.outsideCount == 2)
    #expect(h.edges == [0, 0.5, 1])
    #expect(h.centers == [0.25, 0.75])
    #expect(h.probabilities == [0.4, 0.6])
    #expect(abs(h.densities.sum * h.binWidth - 1) < 1e-15)
  }

  @Test func `a histogram puts values on interior edges in the upper bin`() {
    let values = (0...100).map { Double($0) / 10 }
    let h = Histogram(values: values, bins: 10, range: 0...10)
    #expect(h.counts == [10, 10, 10, 10, 10, 10, 10, 10, 10, 11])
    #expect(Histogram(values: [3, 3, 3], bins: 4).total == 3)
  }

  @Test func `a histogram of normal draws approaches the normal density`() {
    var g = SeededGenerator(seed: 41)
    let h = Histogram(values: g.normals(100_000), bins: 40, range: -4...4)
    let pdf = h.centers.map { exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() }
    #expect(h.densities.subtracting(pdf).maxAbs < 0.01)
  }

  @Test func `total variation and KL divergence satisfy their identities`() {
    let p = [0.5, 0.5]
    let q = [0.9, 0.1]
    #expect(abs(Distribution.totalVariation(p, q) - 0.4) < 1e-15)
    #expect(abs(Distribution.kl(p, q) - (0.5 * log(0.5 / 0.9) + 0.5 * log(0.5 / 0.1))) < 1e-15)
    #expect(Distribution.kl(p, p) == 0)
    #expect(Distribution.kl([1, 0], [0.5, 0.5]) == log(2.0))
    #expect(Distribution.kl([0.5, 0.5], [1, 0]) == .infinity)
    #expect(abs(Distribution.entropy([0.25, 0.25, 0.25, 0.25]) - log(4.0)) < 1e-15)
    #expect(abs(Distribution.jensenShannon([1, 0], [0, 1]) - log(2.0)) < 1e-15)
    #expect(Distribution.normalized([1, 3]) == [0.25, 0.75])
    #expect(Distribution.empirical([0, 2, 2, 1], outcomes: 3) == [0.25, 0.25, 0.5])
  }

  @Test func `Pinsker's inequality holds for random distributions`() {
    var g = SeededGenerator(seed: 42)
    for _ in 0..<200 {
      let p = g.dirichlet([1, 1, 1, 1, 1])
      let q = g.dirichlet([1, 1, 1, 1, 1])
      let tv = Distribution.totalVariation(p, q)
      #expect(tv <= (Distribution.kl(p, q) / 2).squareRoot() + 1e-15)
      #expect(tv >= 0 && tv <= 1)
    }
  }

  @Test func `linear fit recovers a noiseless line and reports R² = 1`() {
    let x = [1.0, 2, 3, 4, 5]
    let fit = LinearFit.fit(x: x, y: x.map { 2.5 * $0 - 1 })
    #expect(abs(fit.slope - 2.5) < 1e-14)
    #expect(abs(fit.intercept + 1) < 1e-14)
    #expect(fit.rSquared == 1)
    #expect(abs(fit(10) - 24) < 1e-13)
  }

  @Test func `linear fit of noisy data has R² below one and the least-squares slope`() {
    let fit = LinearFit.fit(x: [1, 2, 3, 4], y: [3, 5, 7, 9.5])
    #expect(abs(fit.slope - 2.15) < 1e-14)
    #expect(abs(fit.intercept - 0.75) < 1e-14)
    #expect(fit.rSquared > 0.99 && fit.rSquared < 1)
    let far = LinearFit.fit(x: [1e8 + 1, 1e8 + 2, 1e8 + 3], y: [1, 2, 3])
    #expect(abs(far.slope - 1) < 1e-9)
  }
}
