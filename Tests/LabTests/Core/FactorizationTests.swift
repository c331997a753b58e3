import Lab
import Testing

@Suite struct FactorizationTests {
  @Test(arguments: [1, 2, 10, 60])
  func `solve leaves a residual of order epsilon times the condition`(n: Int) throws {
    var g = SeededGenerator(seed: UInt64(n))
    let a = CoreReference.randomMatrix(n, n, &g) + Double(n).squareRoot() * Matrix.identity(n)
    let b = g.normals(n)
    let x = try #require(a.solve(b))
    #expect((a * x).subtracting(b).norm <= 1e-12 * a.frobeniusNorm * x.norm)
    let bs = CoreReference.randomMatrix(n, 3, &g)
    let xs = try #require(a.solve(bs))
    #expect(CoreReference.maxDifference(a * xs, bs) < 1e-11)
  }

  @Test func `solve and inverse return nil for an exactly singular matrix`() {
    let singular = Matrix([[1, 2], [2, 4]])
    #expect(singular.solve([1, 1]) == nil)
    #expect(singular.inverse() == nil)
    #expect(Matrix(rows: 3, columns: 3).solve([1, 2, 3]) == nil)
  }

  @Test func `inverse times matrix is the identity`() throws {
    var g = SeededGenerator(seed: 11)
    let a = CoreReference.randomSPD(12, &g)
    let inverse = try #require(a.inverse())
    #expect(CoreReference.maxDifference(inverse * a, .identity(12)) < 1e-12)
    #expect(CoreReference.maxDifference(a * inverse, .identity(12)) < 1e-12)
  }

  @Test func `cholesky reconstructs a positive-definite matrix with a lower factor`() throws {
    var g = SeededGenerator(seed: 3)
    let a = CoreReference.randomSPD(15, &g)
    let l = try #require(a.cholesky())
    #expect(CoreReference.maxDifference(l * l.transposed, a) < 1e-12 * a.maxAbs)
    for i in 0..<15 {
      #expect(l[i, i] > 0)
      for j in (i + 1)..<15 { #expect(l[i, j] == 0) }
    }
  }

  @Test func `cholesky rejects indefinite and semidefinite matrices`() {
    #expect(Matrix([[1, 2], [2, 1]]).cholesky() == nil)
    #expect(Matrix([[1, 1], [1, 1]]).cholesky() == nil)
    #expect(Matrix([[4]]).cholesky() == Matrix([[2]]))
  }
}
