import Foundation
import Lab

extension KernelMachine {
  /// A one-hidden-layer perceptron `f(x) = w₂ · tanh(W₁ x + b₁) + b₂` with a scalar output.
  ///
  /// The parameter vector is laid out as `W₁` (hidden × input, row-major), then `b₁`,
  /// then `w₂`, then `b₂`: `hidden · input + 2 · hidden + 1` entries. Gradients are exact
  /// (hand-written back-propagation), so they agree with central finite differences to the
  /// finite-difference truncation error, about 1e-8 relative at step 1e-5.
  public struct TanhMLP: Model, Hashable {
    /// The input dimension.
    public let inputSize: Int
    /// The number of hidden tanh units.
    public let hiddenSize: Int

    /// Creates an architecture; both sizes must be positive.
    public init(inputSize: Int, hiddenSize: Int) {
      require(inputSize > 0 && hiddenSize > 0, "an MLP needs positive sizes")
      self.inputSize = inputSize
      self.hiddenSize = hiddenSize
    }

    public var parameterCount: Int { hiddenSize * inputSize + 2 * hiddenSize + 1 }

    /// A random initial parameter vector.
    ///
    /// `W₁ ~ N(0, weightScale²/input)`, `b₁ ~ N(0, 1)`, `w₂ ~ N(0, 1/hidden)`, `b₂ = 0`:
    /// pre-activations of order `weightScale · |x|` and outputs of order one.
    public func initialParameters(weightScale: Double = 1, using generator: inout SeededGenerator)
      -> [Double]
    {
      let inputScale = weightScale / Double(inputSize).squareRoot()
      let outputScale = 1 / Double(hiddenSize).squareRoot()
      var theta = [Double]()
      theta.reserveCapacity(parameterCount)
      for _ in 0..<(hiddenSize * inputSize) { theta.append(inputScale * generator.normal()) }
      for _ in 0..<hiddenSize { theta.append(generator.normal()) }
      for _ in 0..<hiddenSize { theta.append(outputScale * generator.normal()) }
      theta.append(0)
      return theta
    }

    public func outputs(at inputs: Matrix, parameters: [Double]) -> [Double] {
      let hidden = activations(at: inputs, parameters: parameters)
      let secondLayer = hiddenSize * inputSize + hiddenSize
      let bias = parameters[parameterCount - 1]
      return (0..<inputs.rows).map { r in
        var f = bias
        for j in 0..<hiddenSize { f += parameters[secondLayer + j] * hidden[r * hiddenSize + j] }
        return f
      }
    }

    public func parameterGradients(at inputs: Matrix, parameters: [Double]) -> Matrix {
      let hidden = activations(at: inputs, parameters: parameters)
      let h = hiddenSize
      let d = inputSize
      let secondLayer = h * d + h
      var gradients = Matrix(rows: inputs.rows, columns: parameterCount)
      gradients.elements.withUnsafeMutableBufferPointer { g in
        for r in 0..<inputs.rows {
          let base = r * parameterCount
          for j in 0..<h {
            let a = hidden[r * h + j]
            let back = parameters[secondLayer + j] * (1 - a * a)
            for k in 0..<d { g[base + j * d + k] = back * inputs[r, k] }
            g[base + h * d + j] = back
            g[base + secondLayer + j] = a
          }
          g[base + parameterCount - 1] = 1
        }
      }
      return gradients
    }

    /// The hidden activations `tanh(W₁ x + b₁)`, row-major (rows of `inputs` × hidden).
    func activations(at inputs: Matrix, parameters: [Double]) -> [Double] {
      require(inputs.columns == inputSize, "inputs have \(inputs.columns) columns, MLP expects \(inputSize)")
      require(parameters.count == parameterCount, "expected \(parameterCount) parameters, got \(parameters.count)")
      let h = hiddenSize
      let d = inputSize
      var hidden = [Double](repeating: 0, count: inputs.rows * h)
      for r in 0..<inputs.rows {
        for j in 0..<h {
          var a = parameters[h * d + j]
          for k in 0..<d { a += parameters[j * d + k] * inputs[r, k] }
          hidden[r * h + j] = tanh(a)
        }
      }
      return hidden
    }
  }
}
