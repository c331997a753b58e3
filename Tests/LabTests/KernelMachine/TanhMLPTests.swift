import Testing

@testable import Lab
@testable import LabKernelMachine

@Suite("KernelMachine.TanhMLP")
struct TanhMLPTests {
  @Test func parameterGradientsMatchFiniteDifferences() {
    var generator = SeededGenerator(seed: 3)
    let mlp = KernelMachine.TanhMLP(inputSize: 2, hiddenSize: 5)
    let theta = mlp.initialParameters(using: &generator)
    let inputs = Matrix.random(rows: 4, columns: 2, using: &generator)
    let gradients = mlp.parameterGradients(at: inputs, parameters: theta)
    #expect(gradients.rows == 4 && gradients.columns == mlp.parameterCount)
    for r in 0..<inputs.rows {
      let x = Matrix(rows: 1, columns: 2, elements: inputs.row(r))
      let numeric = FiniteDifference.gradient(of: { mlp.outputs(at: x, parameters: $0)[0] }, at: theta)
      for (a, b) in zip(gradients.row(r), numeric) { #expect(abs(a - b) < 1e-8) }
    }
  }

  @Test func outputsAreTheBiasWhenHiddenWeightsVanish() {
    let mlp = KernelMachine.TanhMLP(inputSize: 1, hiddenSize: 3)
    var theta = [Double](repeating: 0.3, count: mlp.parameterCount)
    for j in 0..<3 { theta[6 + j] = 0 }
    theta[mlp.parameterCount - 1] = -1.25
    let outputs = mlp.outputs(at: Matrix([[0.5], [-2]]), parameters: theta)
    #expect(outputs == [-1.25, -1.25])
  }

  @Test func meanLossGradientIsTheWeightedSumOfExampleGradients() {
    // −∇L = Σᵢ αᵢ ∇f(xᵢ) with αᵢ = −ℓ′/n: the identity the kernel-machine form rests on.
    var generator = SeededGenerator(seed: 8)
    let mlp = KernelMachine.TanhMLP(inputSize: 2, hiddenSize: 4)
    let theta = mlp.initialParameters(using: &generator)
    let data = KernelMachine.TwoMoons(count: 12, noise: 0.1, using: &generator)
    for loss in [KernelMachine.Loss.squared, .logistic] {
      let descent = KernelMachine.GradientDescent(model: mlp, loss: loss, learningRate: 1, steps: 1)
      let step = descent.stepDirection(at: theta, inputs: data.points, targets: data.labels)
      let numeric = FiniteDifference.gradient(
        of: { loss.mean(predictions: mlp.outputs(at: data.points, parameters: $0), targets: data.labels) },
        at: theta)
      for (a, b) in zip(step.displacement, numeric) { #expect(abs(a + b) < 1e-8) }
    }
  }
}

@Suite("KernelMachine.Loss")
struct LossTests {
  @Test func weightIsMinusTheDerivative() {
    for loss in [KernelMachine.Loss.squared, .logistic] {
      for (f, y) in [(0.3, 1.0), (-1.7, 1.0), (2.2, -1.0), (0.0, -1.0)] {
        let numeric = FiniteDifference.derivative(of: { loss.value(prediction: $0, target: y) }, at: f)
        #expect(abs(loss.weight(prediction: f, target: y) + numeric) < 1e-9)
      }
    }
  }

  @Test func logisticLossIsFiniteForLargeMargins() {
    let loss = KernelMachine.Loss.logistic
    #expect(loss.value(prediction: 800, target: -1) == 800)
    #expect(loss.value(prediction: 800, target: 1) == 0)
    #expect(loss.weight(prediction: -800, target: 1) == 1)
    #expect(loss.weight(prediction: 800, target: 1) == 0)
  }
}

@Suite("KernelMachine.TwoMoons")
struct TwoMoonsTests {
  @Test func noiselessMoonsLieOnTheirCircles() {
    var generator = SeededGenerator(seed: 1)
    let data = KernelMachine.TwoMoons(count: 41, noise: 0, using: &generator)
    #expect(data.labels.filter { $0 > 0 }.count == 21)
    for r in 0..<data.points.rows {
      let (x, y) = (data.points[r, 0], data.points[r, 1])
      let radius = data.labels[r] > 0 ? (x * x + y * y) : ((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5))
      #expect(abs(radius - 1) < 1e-12)
    }
  }
}
