import Testing

@testable import Lab
@testable import LabFlyHash

@Suite("FlyHash.BioHash and spherical k-means")
struct BioHashTests {
  @Test func oneUpdateFollowsTheRule() {
    var rng = SeededGenerator(seed: 6)
    var model = FlyHash.BioHash(units: 3, inputDimension: 5, norm: 1, using: &rng)
    let x = rng.normals(5).map(abs)
    let before = model.synapses
    let winner = model.update(with: x, learningRate: 0.1, rule: .raw)
    #expect(winner == (before * x).argmax())
    let w = before.row(winner)
    let expected = w.adding(0.1 * x.subtracting(x.dot(w) * w))
    for i in 0..<5 { #expect(abs(model.synapses[winner, i] - expected[i]) < 1e-15) }
    for unit in 0..<3 where unit != winner { #expect(model.synapses.row(unit) == before.row(unit)) }
  }

  @Test func singleUnitConvergesToTheNormalisedMean() {
    var rng = SeededGenerator(seed: 7)
    let data = (0..<500).map { _ in [1, 2, 0.5].adding(0.2 * rng.normals(3)).map(abs) }
    var model = FlyHash.BioHash(units: 1, inputDimension: 3, norm: 0.3, using: &rng)
    model.train(on: data, epochs: 40, learningRate: 0.02, rule: .raw, using: &rng)
    let mean = data.reduce([0, 0, 0]) { $0.adding($1) }
    #expect(FlyHash.cosine(model.synapses.row(0), mean) > 0.9999)
    #expect(abs(model.unitNorms[0] - 1) < 0.01)
    #expect(model.centroidCosines(on: data, rule: .raw)[0]! > 0.9999)
  }

  @Test func rawAndNormalisedWinnersDifferWhenNormsDiffer() {
    let model = FlyHash.BioHash(synapses: Matrix([[3, 0], [0.6, 0.6]]))
    let x = [1.0, 1.0]
    #expect(model.winner(for: x, rule: .raw) == 0)
    #expect(model.winner(for: x, rule: .normalized) == 1)
  }

  @Test func sphericalKMeansRecoversSeparatedDirections() {
    var rng = SeededGenerator(seed: 8)
    let directions: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    let data = (0..<600).map { i in directions[i % 3].adding(0.05 * rng.normals(3)) }
    let fit = FlyHash.SphericalKMeans(data: data, clusters: 3, using: &rng)
    let cosines = FlyHash.SphericalKMeans.matchedCosines(units: fit.centroids, centroids: directions)
    #expect(cosines.min()! > 0.99)
    #expect(fit.centroids.allSatisfy { abs($0.norm - 1) < 1e-12 })
    #expect(fit.objective(on: data) > FlyHash.SphericalKMeans.objective(centroids: [[1, 1, 1].normalized], on: data))
  }

  @Test func matchedCosinesUseEachUnitOnce() {
    let cosines = FlyHash.SphericalKMeans.matchedCosines(
      units: [[1, 0], [0.9, 0.1]], centroids: [[1, 0], [0.8, 0.6]])
    #expect(abs(cosines[0] - 1) < 1e-12)
    #expect(abs(cosines[1] - FlyHash.cosine([0.9, 0.1], [0.8, 0.6])) < 1e-12)
  }
}
