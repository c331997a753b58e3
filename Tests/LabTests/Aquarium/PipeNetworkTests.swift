import Testing

@testable import Lab
@testable import LabAquarium

@Suite("PipeNetwork")
struct PipeNetworkTests {
  /// Tank (0, fixed) → chain of pipes → pump (fixed at −p).
  func chain(_ losses: [Aquarium.PipeLoss], suction: Double) -> PipeNetwork {
    var network = PipeNetwork(nodeCount: losses.count + 1)
    network.fixPressure(at: 0, to: 0)
    network.fixPressure(at: losses.count, to: -suction)
    for (k, loss) in losses.enumerated() { network.addPipe(from: k, to: k + 1, loss: loss) }
    return network
  }

  @Test func seriesResistancesAdd() throws {
    let network = chain([.laminar(2), .laminar(3), .laminar(5)], suction: 4)
    let solution = try #require(network.solveLinear())
    for q in solution.flows { #expect(abs(q - 0.4) < 1e-14) }
    #expect(abs(solution.pressures[1] - -0.8) < 1e-14)
    #expect(abs(solution.pressures[2] - -2.0) < 1e-14)
  }

  @Test func parallelConductancesAdd() throws {
    // Tank → a → (three parallel pipes) → pump: R = 1 + 1/(1/2 + 1/3 + 1/6) = 2.
    var network = PipeNetwork(nodeCount: 3)
    network.fixPressure(at: 0, to: 0)
    network.fixPressure(at: 2, to: -6)
    network.addPipe(from: 0, to: 1, resistance: 1)
    for r in [2.0, 3, 6] { network.addPipe(from: 1, to: 2, resistance: r) }
    let solution = try #require(network.solveLinear())
    #expect(abs(solution.flows[0] - 3) < 1e-13)
    #expect(abs(solution.flows[1] - 1.5) < 1e-13)
    #expect(abs(solution.flows[2] - 1) < 1e-13)
    #expect(abs(solution.flows[3] - 0.5) < 1e-13)
  }

  @Test func pipeOrientationOnlyFlipsTheSign() throws {
    func network(reversed: Bool) -> PipeNetwork {
      var n = PipeNetwork(nodeCount: 3)
      n.fixPressure(at: 0, to: 1)
      n.fixPressure(at: 2, to: 0)
      n.addPipe(from: 1, to: 2, resistance: 1)
      if reversed { n.addPipe(from: 1, to: 0, resistance: 3) } else { n.addPipe(from: 0, to: 1, resistance: 3) }
      return n
    }
    let a = try #require(network(reversed: false).solveLinear())
    let b = try #require(network(reversed: true).solveLinear())
    #expect(abs(a.flows[1] + b.flows[1]) < 1e-15)
    #expect(abs(a.pressures[1] - b.pressures[1]) < 1e-15)
  }

  @Test func turbulentSeriesFollowsTheSquareRootLaw() throws {
    let network = chain([.turbulent(1), .turbulent(3)], suction: 16)
    let solution = try #require(network.solve())
    for q in solution.flows { #expect(abs(q - 2) < 1e-11) }
  }

  @Test func mixedLawSolvesTheQuadratic() throws {
    // R Q + K Q² = P with R = 2, K = 1, P = 8 → Q = 2.
    let network = chain([Aquarium.PipeLoss(resistance: 2, quadratic: 1)], suction: 8)
    let solution = try #require(network.solve())
    #expect(abs(solution.flows[0] - 2) < 1e-12)
    #expect(abs(network.pipes[0].flow(drop: -8) + 2) < 1e-12)
  }

  @Test func massIsConservedOnRandomNetworks() throws {
    var generator = SeededGenerator(seed: 11)
    for trial in 0..<5 {
      let turbulent = trial % 2 == 1
      let network = randomNetwork(nodes: 30, extraPipes: 40, turbulent: turbulent, using: &generator)
      let solution = try #require(turbulent ? network.solve() : network.solveLinear())
      let scale = solution.flows.reduce(0) { max($0, abs($1)) }
      #expect(solution.massImbalance(freeNodes: network.freeNodes) < 1e-11 * scale)
      // What enters at the tank leaves at the pump.
      #expect(abs(solution.netInflows[0] + solution.netInflows[1]) < 1e-11 * scale)
    }
  }

  @Test func newtonAgreesWithTheLinearSolveWhenLaminar() throws {
    var generator = SeededGenerator(seed: 5)
    let network = randomNetwork(nodes: 20, extraPipes: 25, turbulent: false, using: &generator)
    let exact = try #require(network.solveLinear())
    let newton = try #require(network.solve())
    for (a, b) in zip(exact.flows, newton.flows) { #expect(abs(a - b) < 1e-11) }
  }

  @Test func aNodeWithoutAFixedPressureIsRejected() {
    var network = PipeNetwork(nodeCount: 4)
    network.fixPressure(at: 0, to: 0)
    network.addPipe(from: 0, to: 1, resistance: 1)
    network.addPipe(from: 2, to: 3, resistance: 1)
    #expect(network.solveLinear() == nil)
  }

  @Test func fittingCoefficientGivesTheDynamicPressureLoss() {
    // ΔP = ζ ρ v²/2 with v = Q/A.
    let k = PipeNetwork.fittingCoefficient(lossCoefficient: 0.8, diameter: 0.02, density: 1000)
    let q = 1e-4
    let v = q / (Double.pi * 0.0001)
    #expect(abs(k * q * q - 0.8 * 1000 * v * v / 2) < 1e-9)
  }

  @Test func linearSystemIsSymmetricAndSolvedByTheFlow() throws {
    var generator = SeededGenerator(seed: 21)
    let network = randomNetwork(nodes: 15, extraPipes: 20, turbulent: false, using: &generator)
    let (g, b) = network.linearSystem
    #expect((g - g.transposed).maxAbs == 0)
    let solution = try #require(network.solveLinear())
    let free = network.freeNodes.map { solution.pressures[$0] }
    for (lhs, rhs) in zip(g * free, b) { #expect(abs(lhs - rhs) < 1e-12) }
  }

  @Test func poiseuilleResistanceMatchesTheFormula() {
    let r = PipeNetwork.poiseuilleResistance(length: 1, diameter: 0.01, viscosity: 1e-3)
    #expect(abs(r - 128e-3 / (Double.pi * 1e-8)) < 1e-6 * r)
    // Halving the diameter multiplies the resistance by 16.
    let half = PipeNetwork.poiseuilleResistance(length: 1, diameter: 0.005, viscosity: 1e-3)
    #expect(abs(half / r - 16) < 1e-12)
  }

  /// A connected network: node 0 the tank (pressure 0), node 1 the pump (−1), a random
  /// spanning tree plus extra pipes.
  func randomNetwork(nodes: Int, extraPipes: Int, turbulent: Bool, using generator: inout SeededGenerator)
    -> PipeNetwork
  {
    var network = PipeNetwork(nodeCount: nodes)
    network.fixPressure(at: 0, to: 0)
    network.fixPressure(at: 1, to: -1)
    func loss(_ g: inout SeededGenerator) -> Aquarium.PipeLoss {
      let size = g.uniform(in: 0.5...2)
      return turbulent ? Aquarium.PipeLoss(resistance: 0.1 * size, quadratic: size) : .laminar(size)
    }
    for node in 1..<nodes { network.addPipe(from: node, to: generator.integer(below: node), loss: loss(&generator)) }
    for _ in 0..<extraPipes {
      let a = generator.integer(below: nodes)
      var b = generator.integer(below: nodes)
      while b == a { b = generator.integer(below: nodes) }
      network.addPipe(from: a, to: b, loss: loss(&generator))
    }
    return network
  }
}
