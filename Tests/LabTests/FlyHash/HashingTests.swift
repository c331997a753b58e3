import Foundation
import Testing

@testable import Lab
@testable import LabFlyHash

@Suite("FlyHash codes, SimHash and FlyHash")
struct HashingTests {
  @Test func codeDistancesMatchBitwiseCounts() {
    var rng = SeededGenerator(seed: 1)
    for _ in 0..<50 {
      let length = 1 + rng.integer(below: 200)
      let a = (0..<length).map { _ in rng.uniform() < 0.3 }
      let b = (0..<length).map { _ in rng.uniform() < 0.3 }
      let (x, y) = (FlyHash.Code(bits: a), FlyHash.Code(bits: b))
      #expect(x.hammingDistance(to: y) == zip(a, b).filter { $0 != $1 }.count)
      #expect(x.overlap(with: y) == zip(a, b).filter { $0 && $1 }.count)
      #expect(x.activeCount == a.filter { $0 }.count)
      #expect(x.activeIndices == a.indices.filter { a[$0] })
    }
  }

  @Test func equalWeightCodesHaveHammingTwiceTheMissedOverlap() {
    let x = FlyHash.Code(active: [1, 5, 64, 100], length: 130)
    let y = FlyHash.Code(active: [5, 64, 101, 129], length: 130)
    #expect(x.overlap(with: y) == 2)
    #expect(x.hammingDistance(to: y) == 2 * (4 - 2))
  }

  @Test func simHashCollisionRateIsAngleOverPi() {
    var rng = SeededGenerator(seed: 2)
    let hash = FlyHash.SimHash(inputDimension: 10, bits: 20_000, using: &rng)
    for _ in 0..<5 {
      let x = rng.normals(10)
      let y = rng.normals(10)
      let expected = FlyHash.angle(x, y) / Double.pi
      let measured = Double(hash.code(x).hammingDistance(to: hash.code(y))) / 20_000
      // Binomial standard deviation ≤ 0.5/√20000 ≈ 0.0035; allow five of them.
      #expect(abs(measured - expected) < 0.018)
      #expect(abs(FlyHash.SimHash.collisionProbability(angle: expected * Double.pi) - (1 - expected)) < 1e-15)
    }
  }

  @Test func simHashSpecialAngles() {
    var rng = SeededGenerator(seed: 3)
    let hash = FlyHash.SimHash(inputDimension: 8, bits: 512, using: &rng)
    let x = rng.normals(8)
    #expect(hash.code(x).hammingDistance(to: hash.code(3 * x)) == 0)
    #expect(hash.code(x).hammingDistance(to: hash.code(-1 * x)) == 512)
    #expect(abs(FlyHash.angle(x, -1 * x) - Double.pi) < 1e-7)
  }

  @Test func sparseExpansionWiresDistinctInputsAndFiresExactlyK() {
    var rng = SeededGenerator(seed: 4)
    let fly = FlyHash.SparseExpansion(inputDimension: 50, cells: 400, fanIn: 6, using: &rng)
    #expect(fly.connections.allSatisfy { Set($0).count == 6 && $0.allSatisfy { (0..<50).contains($0) } })
    let x = rng.normals(50)
    let activations = fly.activations(x)
    #expect(abs(activations[7] - fly.connections[7].reduce(0) { $0 + x[$1] }) < 1e-12)
    let code = fly.code(x, active: 20)
    #expect(code.activeCount == 20)
    let threshold = activations.sorted(by: >)[19]
    #expect(code.activeIndices.allSatisfy { activations[$0] >= threshold })
  }

  @Test func winnerTakeAllBreaksTiesTowardsLowerIndex() {
    let code = FlyHash.winnerTakeAll([1, 3, 3, 0, 3], active: 2)
    #expect(code.activeIndices == [1, 2])
  }

  @Test func meanCentringRemovesTheMean() {
    let centred = FlyHash.meanCentred([1, 2, 3, 10])
    #expect(abs(centred.reduce(0, +)) < 1e-14)
    #expect(centred == [-3, -2, -1, 6])
  }
}
