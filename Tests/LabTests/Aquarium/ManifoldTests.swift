import Testing

@testable import Lab
@testable import LabAquarium

@Suite("Aquarium.Manifold")
struct ManifoldTests {
  func coefficientOfVariation(_ values: [Double]) -> Double {
    Statistics.populationVariance(values).squareRoot() / Statistics.mean(values)
  }

  @Test func hTreeHasEqualPathsAndEqualFlows() throws {
    for ratio in [0.01, 0.1, 1, 10] {
      let tree = Aquarium.Manifold.hTree(levels: 4, segment: .laminar(ratio), inlet: .laminar(1))
      let flows = tree.inletFlows(try #require(tree.solve()))
      #expect(flows.count == 16)
      #expect(coefficientOfVariation(flows) < 1e-12)
    }
  }

  @Test func hTreeStaysUniformWithTurbulentLosses() throws {
    let tree = Aquarium.Manifold.hTree(levels: 4, segment: .turbulent(0.5), inlet: .turbulent(1))
    let flows = tree.inletFlows(try #require(tree.solve()))
    #expect(coefficientOfVariation(flows) < 1e-10)
  }

  @Test func hTreeInletsLieOnAGrid() {
    let tree = Aquarium.Manifold.hTree(levels: 4, segment: .laminar(1), inlet: .laminar(1))
    let xs = Set(tree.inletPositions.map { $0[0] })
    let ys = Set(tree.inletPositions.map { $0[1] })
    #expect(xs == [-1.5, -0.5, 0.5, 1.5])
    #expect(ys == [-1.5, -0.5, 0.5, 1.5])
    #expect(Aquarium.Manifold.treeDistance(0, 1) == 2)
    #expect(Aquarium.Manifold.treeDistance(0, 15) == 8)
    #expect(Aquarium.Manifold.treeDistance(5, 5) == 0)
  }

  @Test func oneInletDeadEndIsASeriesCircuit() throws {
    let manifold = Aquarium.Manifold.deadEnd(inlets: 1, segment: .laminar(0.5), inlet: .laminar(1.5), suction: 2)
    let flows = manifold.inletFlows(try #require(manifold.solve()))
    #expect(abs(flows[0] - 1) < 1e-14)
  }

  @Test func deadEndFlowsFallAlongThePipe() throws {
    let manifold = Aquarium.Manifold.deadEnd(inlets: 16, segment: .laminar(0.1), inlet: .laminar(1))
    let flows = manifold.inletFlows(try #require(manifold.solve()))
    for k in 1..<flows.count { #expect(flows[k] < flows[k - 1]) }
  }

  @Test func reverseReturnIsSymmetricButNotUniform() throws {
    let manifold = Aquarium.Manifold.reverseReturn(branches: 8, header: .laminar(0.1), branch: .laminar(1))
    let flows = manifold.inletFlows(try #require(manifold.solve()))
    // Reversing the layout end to end maps branch k to branch n−1−k.
    for k in 0..<8 { #expect(abs(flows[k] - flows[7 - k]) < 1e-14) }
    #expect(coefficientOfVariation(flows) > 1e-4)
  }

  @Test func cloggingAnInletHelpsNearerInletsMore() throws {
    // With a falling pump curve every other inlet gains, the more the closer it is in the tree.
    var tree = Aquarium.Manifold.hTree(
      levels: 4, segment: .laminar(0.1), inlet: .laminar(1), pump: .laminar(0.05))
    let before = tree.inletFlows(try #require(tree.solve()))
    tree.clogInlet(0, factor: 5)
    let after = tree.inletFlows(try #require(tree.solve()))
    #expect(after[0] < before[0])
    #expect(after.sum < before.sum)
    var gainByDistance: [Int: Double] = [:]
    for k in 1..<16 {
      let gain = after[k] - before[k]
      #expect(gain > 0)
      let distance = Aquarium.Manifold.treeDistance(0, k)
      if let seen = gainByDistance[distance] { #expect(abs(seen - gain) < 1e-14) }
      gainByDistance[distance] = gain
    }
    for d in [2, 4, 6] { #expect(gainByDistance[d]! > gainByDistance[d + 2]!) }
  }

  @Test func withAFixedSuctionTheOtherHalfOfTheTreeIsUntouched() throws {
    var tree = Aquarium.Manifold.hTree(levels: 4, segment: .laminar(0.1), inlet: .laminar(1))
    let before = tree.inletFlows(try #require(tree.solve()))
    tree.clogInlet(0, factor: 5)
    let after = tree.inletFlows(try #require(tree.solve()))
    for k in 8..<16 { #expect(abs(after[k] - before[k]) < 1e-14) }
  }
}
