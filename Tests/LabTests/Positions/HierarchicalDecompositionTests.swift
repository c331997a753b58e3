import Foundation
import Testing

@testable import Lab
@testable import LabPositions

@Suite("Positions.HierarchicalDecomposition")
struct HierarchicalDecompositionTests {
  static func randomTable(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return .random(rows: rows, columns: columns, using: &generator)
  }

  @Test("The first n positions reproduce the trained table", arguments: [0.1, 0.4, 0.5, 0.6, 0.9])
  func compatibility(alpha: Double) {
    let p = Self.randomTable(rows: 40, columns: 16, seed: 1)
    let q = Positions.HierarchicalDecomposition(trained: p, alpha: alpha).table(count: 40)
    #expect((q - p).maxAbs < 1e-12)
  }

  @Test("Offset steps copy the trained steps; block steps scale them by α/(1 − α)")
  func differenceIdentities() {
    let p = Self.randomTable(rows: 20, columns: 8, seed: 2)
    let decomposition = Positions.HierarchicalDecomposition(trained: p, alpha: 0.4)
    for i in 0..<19 {
      for j in 0..<19 {
        let along = decomposition.embedding(block: i, offset: j + 1) - decomposition.embedding(block: i, offset: j)
        #expect((along - (p.row(j + 1) - p.row(j))).map(abs).max()! < 1e-12)
        let across = decomposition.embedding(block: i + 1, offset: j) - decomposition.embedding(block: i, offset: j)
        #expect((across - (0.4 / 0.6) * (p.row(i + 1) - p.row(i))).map(abs).max()! < 1e-12)
      }
    }
  }

  @Test("Swapping block and offset changes the code by (2α − 1)(uᵢ − uⱼ)")
  func swapIdentity() {
    let p = Self.randomTable(rows: 10, columns: 5, seed: 3)
    let decomposition = Positions.HierarchicalDecomposition(trained: p, alpha: 0.3)
    let u = decomposition.bases
    for i in 0..<10 {
      for j in 0..<10 {
        let swap = decomposition.embedding(block: i, offset: j) - decomposition.embedding(block: j, offset: i)
        #expect((swap - (2 * 0.3 - 1) * (u.row(i) - u.row(j))).map(abs).max()! < 1e-12)
      }
    }
  }

  @Test("Codes coincide exactly in n(n − 1)/2 pairs at α = ½ and never otherwise")
  func collisions() {
    let p = Self.randomTable(rows: 64, columns: 32, seed: 4)
    #expect(Positions.HierarchicalDecomposition(trained: p, alpha: 0.5).coincidentPairs() == 64 * 63 / 2)
    #expect(Positions.HierarchicalDecomposition(trained: p, alpha: 0.4).coincidentPairs() == 0)
    #expect(Positions.HierarchicalDecomposition(trained: p, alpha: 0.6).coincidentPairs() == 0)
  }

  @Test("Position k is block k / n, offset k mod n, and the table agrees with single lookups")
  func indexing() {
    let p = Self.randomTable(rows: 7, columns: 3, seed: 5)
    let decomposition = Positions.HierarchicalDecomposition(trained: p, alpha: 0.4)
    #expect(decomposition.capacity == 49)
    let table = decomposition.table(count: 49)
    for k in [0, 6, 7, 20, 48] { #expect(table.row(k) == decomposition.embedding(at: k)) }
  }

  @Test("Within-block similarity grows with α on a sinusoidal table")
  func withinBlockSimilarity() {
    let p = Positions.sinusoidal(count: 64, dimension: 32)
    let values = [0.1, 0.3, 0.5, 0.7, 0.9].map {
      Positions.HierarchicalDecomposition(trained: p, alpha: $0).meanWithinBlockCosine(blocks: 1..<4)
    }
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
  }
}
