import Foundation
import Lab

extension KernelMachine {
  /// A model linear in its parameters, `f_θ(x) = θ · φ(x)`, with random Fourier features
  /// `φ(x) = √(2/m) · cos(Ω x + b)`.
  ///
  /// Its gradient `∇_θ f = φ(x)` does not depend on `θ`, so the tangent kernel
  /// `φ(x) · φ(x')` is constant along training and the kernel-machine form of
  /// gradient descent holds exactly, up to rounding. As `m → ∞` the kernel tends to the
  /// Gaussian kernel `exp(−‖x − x'‖² / (2ℓ²))` with `ℓ = 1 / bandwidth`.
  public struct RandomFeatures: Model, Equatable {
    /// The frequencies `Ω`, one row per feature (features × input dimension).
    public let frequencies: Matrix
    /// The phases `b`, uniform on [0, 2π).
    public let phases: [Double]

    /// Draws `featureCount` features with frequencies `Ω ~ N(0, bandwidth²)`.
    public init(inputSize: Int, featureCount: Int, bandwidth: Double = 1, using generator: inout SeededGenerator) {
      require(inputSize > 0 && featureCount > 0, "random features need positive sizes")
      frequencies = Matrix.random(
        rows: featureCount, columns: inputSize, standardDeviation: bandwidth, using: &generator)
      phases = (0..<featureCount).map { _ in 2 * Double.pi * generator.uniform() }
    }

    public var parameterCount: Int { frequencies.rows }

    /// The feature matrix: row `r` is `φ(x_r)`.
    public func features(at inputs: Matrix) -> Matrix {
      require(
        inputs.columns == frequencies.columns,
        "inputs have \(inputs.columns) columns, features expect \(frequencies.columns)")
      let scale = (2 / Double(parameterCount)).squareRoot()
      let projected = inputs * frequencies.transposed
      return Matrix(rows: inputs.rows, columns: parameterCount) { r, j in
        scale * cos(projected[r, j] + phases[j])
      }
    }

    public func outputs(at inputs: Matrix, parameters: [Double]) -> [Double] {
      require(parameters.count == parameterCount, "expected \(parameterCount) parameters, got \(parameters.count)")
      return features(at: inputs) * parameters
    }

    public func parameterGradients(at inputs: Matrix, parameters: [Double]) -> Matrix {
      features(at: inputs)
    }
  }
}
