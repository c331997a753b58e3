import Lab
import Testing

@Suite struct MatrixProductTests {
  @Test(arguments: [(1, 1, 1), (3, 5, 2), (17, 9, 23), (64, 64, 64)])
  func `matrix product matches the naive triple loop`(shape: (Int, Int, Int)) {
    var g = SeededGenerator(seed: UInt64(shape.0 * 1000 + shape.1 * 10 + shape.2))
    let a = CoreReference.randomMatrix(shape.0, shape.1, &g)
    let b = CoreReference.randomMatrix(shape.1, shape.2, &g)
    let tolerance = 1e-13 * Double(shape.1)
    #expect(CoreReference.maxDifference(a * b, CoreReference.product(a, b)) < tolerance)
    #expect(
      CoreReference.maxDifference(
        a.transposeMultiplied(by: a * b),
        CoreReference.product(a.transposed, CoreReference.product(a, b))) < 10 * tolerance * Double(shape.0))
  }

  @Test func `matrix-vector products match the matrix product with a column`() {
    var g = SeededGenerator(seed: 5)
    let a = CoreReference.randomMatrix(7, 4, &g)
    let x = g.normals(4)
    let y = g.normals(7)
    let column = Matrix(rows: 4, columns: 1, elements: x)
    #expect(CoreReference.maxDifference(a * x, CoreReference.product(a, column).elements) < 1e-13)
    #expect(CoreReference.maxDifference(a.transposeMultiplied(by: y), a.transposed * y) < 1e-13)
  }

  @Test func `empty dimensions give zero products`() {
    let a = Matrix(rows: 3, columns: 0)
    let b = Matrix(rows: 0, columns: 2)
    #expect(a * b == Matrix(rows: 3, columns: 2))
  }

  @Test func `element-wise helpers`() {
    let a = Matrix([[1, 2], [3, 4]])
    #expect(a.transposed == Matrix([[1, 3], [2, 4]]))
    #expect(a.trace == 5)
    #expect(a.rowSums == [3, 7])
    #expect(a.columnSums == [4, 6])
    #expect(a.hadamard(a) == Matrix([[1, 4], [9, 16]]))
    #expect(Matrix.outer([1, 2], [3, 4, 5]) == Matrix([[3, 4, 5], [6, 8, 10]]))
    #expect((-a * 2 / 4) == Matrix([[-0.5, -1], [-1.5, -2]]))
    #expect(abs(a.frobeniusNorm - 30.0.squareRoot()) < 1e-15)
    #expect(a.scalingRows(by: [2, -1]) == Matrix.diagonal([2, -1]) * a)
  }

  @Test func `in-place scaling matches the scaling operators`() {
    var g = SeededGenerator(seed: 9)
    let a = CoreReference.randomMatrix(5, 3, &g)
    var m = a
    m /= 3
    #expect(m == a / 3)
    m *= 6
    #expect((m - 2 * a).maxAbs < 1e-15)
    var v = [1.0, -2, 4]
    v /= 4
    #expect(v == [0.25, -0.5, 1])
    v *= 2
    #expect(v == [0.5, -1, 2] && v == [0.25, -0.5, 1] * 2 && -v == [-0.5, 1, -2])
    #expect([1.0, 2] / 0 == [.infinity, .infinity])
  }

  @Test func `the BLAS library reports its kernels and configuration`() {
    #expect(!BLASInfo.coreName.isEmpty)
    #expect(BLASInfo.configuration.contains("OpenBLAS"))
    #expect(BLASInfo.threadCount >= 1)
  }

  @Test func `vector norm neither overflows nor underflows`() {
    #expect(abs([3e200, 4e200].norm / 5e200 - 1) <= Double.ulpOfOne)
    #expect(abs([3e-200, 4e-200].norm / 5e-200 - 1) <= Double.ulpOfOne)
    #expect(abs([3e-310, 4e-310].norm / 5e-310 - 1) < 1e-9)  // subnormal inputs
    #expect([1, .infinity, .nan].norm == .infinity)
    #expect([1, .nan].norm.isNaN)
    #expect([0.0, 0].norm == 0)
    #expect([Double]().norm == 0)
    #expect([1, -7, 2].maxAbs == 7)
  }
}
