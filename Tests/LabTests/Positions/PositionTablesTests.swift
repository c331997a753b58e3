import Foundation
import Testing

@testable import Lab
@testable import LabPositions

@Suite("Positions tables and statistics")
struct PositionTablesTests {
  @Test("Sinusoidal rows have norm √(d/2) and row 0 alternates 0, 1")
  func sinusoidal() {
    let table = Positions.sinusoidal(count: 100, dimension: 24)
    for k in 0..<100 { #expect(abs(table.row(k).norm - 12.0.squareRoot()) < 1e-12) }
    #expect(table.row(0) == (0..<24).map { $0.isMultiple(of: 2) ? 0 : 1 })
    #expect(abs(table[3, 0] - sin(3)) < 1e-15)
  }

  @Test("The O(m·d) mean pairwise cosine equals the average off-diagonal similarity")
  func meanPairwiseCosine() {
    var generator = SeededGenerator(seed: 6)
    let table = Matrix.random(rows: 30, columns: 7, using: &generator)
    let similarities = Positions.cosineSimilarities(table)
    var total = 0.0
    for i in 0..<30 {
      #expect(abs(similarities[i, i] - 1) < 1e-14)
      for j in 0..<30 where j != i { total += similarities[i, j] }
    }
    #expect(abs(Positions.meanPairwiseCosine(table) - total / 870) < 1e-12)
  }

  @Test("Row selection helpers pick the right rows")
  func rowSelection() {
    let table = Matrix(rows: 10, columns: 2) { i, j in Double(10 * i + j) }
    #expect(Positions.rows(3..<5, of: table) == Matrix([[30, 31], [40, 41]]))
    #expect(Positions.everyRow(4, of: table).column(0) == [0, 40, 80])
  }

  @Test("The memory model through two rows of the batch table predicts the third")
  func memoryModel() {
    let model = Positions.MemoryModel(fitting: (length: 512, batchSize: 22), (length: 1024, batchSize: 9))
    #expect(abs(model.batchSize(length: 512) - 22) < 1e-9)
    #expect(abs(model.batchSize(length: 1024) - 9) < 1e-9)
    #expect(abs(model.batchSize(length: 1536) - 5.0769) < 1e-4)
    #expect(abs(model.crossoverLength - 1792) < 1e-6)
    #expect(abs(model.quadraticShare(length: 512) - 2.0 / 9) < 1e-12)
  }
}
