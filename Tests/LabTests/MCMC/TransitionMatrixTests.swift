import Foundation
import Testing

@testable import Lab
@testable import LabMCMC

private func totalVariation(_ p: [Double], _ q: [Double]) -> Double {
  0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
}

/// A random 6-state target and dense proposal, as in the notebook.
private func randomSetup(seed: UInt64) -> (p: [Double], q: TransitionMatrix) {
  var generator = SeededGenerator(seed: seed)
  let p = generator.dirichlet(Array(repeating: 0.7, count: 6))
  return (p, TransitionMatrix.random(states: 6, using: &generator))
}

@Suite struct TransitionMatrixTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func diagonalFillKernelsSatisfyDetailedBalance(seed: UInt64) throws {
    let (p, q) = randomSetup(seed: seed)
    let rho = p.map { 7.3 * $0 }
    for kernel in [
      TransitionMatrix.metropolis(target: p, proposal: q),
      TransitionMatrix.metropolisHastings(target: rho, proposal: q),
    ] {
      #expect(kernel.columnSumError < 1e-14)
      #expect(kernel.detailedBalanceResidual(p) < 1e-14)
      #expect(kernel.stationarityResidual(p) < 1e-14)
      let stationary = try #require(kernel.stationaryDistribution())
      #expect(totalVariation(stationary, p) < 1e-12)
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func renormalisingBreaksStationarity(seed: UInt64) throws {
    let (p, q) = randomSetup(seed: seed)
    let wrong = TransitionMatrix.renormalised(target: p, proposal: q)
    let stationary = try #require(wrong.stationaryDistribution())
    #expect(totalVariation(stationary, p) > 1e-3)
  }

  @Test func hastingsAcceptanceDominatesMetropolis() {
    let (p, q) = randomSetup(seed: 4)
    let alpha = TransitionMatrix.metropolisAcceptance(target: p, proposal: q)
    let a = TransitionMatrix.metropolisHastingsAcceptance(target: p, proposal: q)
    #expect(zip(a.elements, alpha.elements).allSatisfy { $0 >= $1 })
    let met = TransitionMatrix.metropolis(target: p, proposal: q)
    let mh = TransitionMatrix.metropolisHastings(target: p, proposal: q)
    #expect(mh.moveRate(at: p) >= met.moveRate(at: p))
  }

  @Test func islandsHaveNoUniqueLimit() {
    var block = Matrix(rows: 4, columns: 4)
    for (y, x, v) in [
      (0, 0, 0.3), (1, 0, 0.7), (0, 1, 0.6), (1, 1, 0.4), (2, 2, 0.5), (3, 2, 0.5), (2, 3, 0.9), (3, 3, 0.1),
    ] {
      block[y, x] = v
    }
    let islands = TransitionMatrix(block)
    #expect(islands.stationaryDistribution() == nil)
    #expect(abs(islands.secondEigenvalueModulus - 1) < 1e-12)
    let fromA = islands.distributions(from: [1, 0, 0, 0], steps: 200).last!
    let fromB = islands.distributions(from: [0, 0, 1, 0], steps: 200).last!
    #expect(totalVariation(fromA, fromB) > 0.99)
    var bridged = block
    bridged[2, 1] = 0.1
    bridged[1, 1] = 0.3
    let connected = TransitionMatrix(bridged)
    let limitA = connected.distributions(from: [1, 0, 0, 0], steps: 2000).last!
    let limitB = connected.distributions(from: [0, 0, 1, 0], steps: 2000).last!
    #expect(totalVariation(limitA, limitB) < 1e-9)
  }

  @Test func metropolisHastingsChainMatchesTarget() {
    let (p, q) = randomSetup(seed: 6)
    var generator = SeededGenerator(seed: 8)
    let (states, rate) = MetropolisHastings.run(
      from: 0, steps: 60_000, using: &generator, logDensity: { log(p[$0]) },
      propose: { x, g in
        let y = g.categorical(q.matrix.column(x))
        return .init(state: y, logForward: log(q[to: y, from: x]), logBackward: log(q[to: x, from: y]))
      })
    var counts = Array(repeating: 0.0, count: 6)
    for s in states { counts[s] += 1 / Double(states.count) }
    #expect(totalVariation(counts, p) < 0.03)
    #expect(rate > 0 && rate <= 1)
  }
}
