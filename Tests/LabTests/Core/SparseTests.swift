import Lab
import Testing

@Suite struct SparseTests {
  private func randomSparse(_ rows: Int, _ columns: Int, density: Double, _ g: inout SeededGenerator) -> CSRMatrix {
    var entries: [(row: Int, column: Int, value: Double)] = []
    for i in 0..<rows {
      for j in 0..<columns where g.uniform() < density { entries.append((i, j, g.normal())) }
    }
    return CSRMatrix(rows: rows, columns: columns, entries: entries)
  }

  @Test func `sparse vectors add repeated indices and agree with their dense form`() {
    let v = SparseVector(dimension: 6, counting: [4, 1, 4, 4, 0])
    #expect(v.indices == [0, 1, 4])
    #expect(v.values == [1, 1, 3])
    #expect(v.dense == [1, 1, 0, 0, 3, 0])
    #expect(v[4] == 3 && v[5] == 0)
    #expect(SparseVector([0, 2, 0, -1]).indices == [1, 3])
    #expect(v.dot([1, 2, 3, 4, 5, 6]) == 18)
    #expect(v.dot(SparseVector(dimension: 6, entries: [(4, 2), (5, 9)])) == 6)
    #expect(v.norm == 11.0.squareRoot())
    #expect((2 * v).values == [2, 2, 6])
  }

  @Test func `CSR products match the dense products`() {
    var g = SeededGenerator(seed: 51)
    let s = randomSparse(30, 50, density: 0.1, &g)
    let dense = s.dense
    let x = g.normals(50)
    let b = Matrix.random(rows: 50, columns: 7, using: &g)
    let y = g.normals(30)
    #expect((s * x).subtracting(dense * x).maxAbs < 1e-13)
    #expect((s * b - dense * b).maxAbs < 1e-13)
    #expect(s.transposeMultiplied(by: y).subtracting(dense.transposeMultiplied(by: y)).maxAbs < 1e-13)
    #expect(s.transposed.dense == dense.transposed)
    #expect(CSRMatrix(dense) == s)
  }

  @Test func `CSR rows, duplicates and empty rows`() {
    let s = CSRMatrix(rows: 3, columns: 4, entries: [(2, 3, 1), (0, 1, 2), (2, 0, 5), (0, 1, 1)])
    #expect(s.storedCount == 3)
    #expect(s.rowOffsets == [0, 1, 1, 3])
    #expect(s.row(0).dense == [0, 3, 0, 0])
    #expect(s.row(1).storedCount == 0)
    #expect(s[2, 0] == 5 && s[1, 1] == 0)
    let stacked = CSRMatrix(columns: 4, rows: [s.row(0), s.row(1), s.row(2)])
    #expect(stacked == s)
  }
}
