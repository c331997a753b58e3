import Foundation
import Lab
import Testing

@Suite struct SpectrumTests {
  @Test(arguments: [2, 9, 40])
  func `symmetric eigenvectors are orthonormal and satisfy A v = λ v`(n: Int) {
    var g = SeededGenerator(seed: UInt64(100 + n))
    let b = CoreReference.randomMatrix(n, n, &g)
    let a = b + b.transposed
    let eigen = a.symmetricEigen()
    let v = eigen.vectors
    let tolerance = 1e-13 * Double(n) * a.frobeniusNorm
    #expect(CoreReference.maxDifference(v.transposeMultiplied(by: v), .identity(n)) < 1e-13 * Double(n))
    #expect(CoreReference.maxDifference(a * v, v * Matrix.diagonal(eigen.values)) < tolerance)
    #expect(zip(eigen.values, eigen.values.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(abs(eigen.values.sum - a.trace) < tolerance)
  }

  @Test func `eigenvalues of a rotation are the conjugate pair e^±iθ`() {
    let theta = 0.7
    let rotation = Matrix([[cos(theta), -sin(theta)], [sin(theta), cos(theta)]])
    let values = rotation.eigenvalues()
    #expect(values.count == 2)
    for value in values {
      #expect(abs(value.magnitude - 1) < 1e-15)
      #expect(abs(abs(value.phase) - theta) < 1e-14)
    }
    #expect(values[0].imaginary == -values[1].imaginary)
    #expect(abs(rotation.spectralRadius - 1) < 1e-15)
  }

  @Test func `eigenvalues of a triangular matrix are its diagonal`() {
    let t = Matrix([[2, 5, -1], [0, -3, 4], [0, 0, 0.5]])
    let reals = t.eigenvalues().map(\.real).sorted()
    #expect(CoreReference.maxDifference(reals, [-3, 0.5, 2]) < 1e-14)
    #expect(t.eigenvalues().allSatisfy { $0.isReal })
    #expect(abs(t.spectralRadius - 3) < 1e-14)
  }

  @Test func `the spectral radius of a scaled Gaussian matrix is near one (circular law)`() {
    var g = SeededGenerator(seed: 2024)
    let n = 300
    let a = Matrix.random(rows: n, columns: n, standardDeviation: 1 / Double(n).squareRoot(), using: &g)
    #expect(abs(a.spectralRadius - 1) < 0.1)
  }

  @Test func `singular values are the square roots of the eigenvalues of AᵀA`() {
    var g = SeededGenerator(seed: 8)
    let a = CoreReference.randomMatrix(7, 4, &g)
    let sigma = a.singularValues()
    let fromGram = a.transposeMultiplied(by: a).symmetricEigen().values.reversed().map { $0.squareRoot() }
    #expect(sigma.count == 4)
    #expect(CoreReference.maxDifference(sigma, fromGram) < 1e-12)
    #expect(zip(sigma, sigma.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(a.transposed.singularValues().count == 4)
  }

  @Test func `spectral norm bounds the action of the matrix and sits between radius and Frobenius norm`() {
    var g = SeededGenerator(seed: 21)
    let a = CoreReference.randomMatrix(20, 20, &g)
    let norm = a.spectralNorm
    for _ in 0..<50 {
      let x = g.normals(20)
      #expect((a * x).norm <= norm * x.norm * (1 + 1e-14))
    }
    #expect(a.spectralRadius <= norm * (1 + 1e-14))
    #expect(norm <= a.frobeniusNorm)
    #expect(Matrix.diagonal([3, -7, 2]).spectralNorm == 7)
  }

  @Test func `complex magnitude is scaled and handles special values`() {
    #expect(Complex(3, 4).magnitude == 5)
    #expect(Complex(3e300, 4e300).magnitude == 5e300)
    #expect(Complex(.infinity, .nan).magnitude == .infinity)
    #expect(Complex(.nan, 1).magnitude.isNaN)
    #expect(Complex(0, 0).magnitude == 0)
  }
}
