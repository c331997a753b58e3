import Foundation
import Testing

@testable import Lab
@testable import LabKernelMachine

@Suite("KernelMachine.GradientDescent")
struct PathKernelTests {
  let inputs = Matrix(rows: 12, columns: 1) { i, _ in -2 + 4 * Double(i) / 11 }
  var targets: [Double] { inputs.elements.map { sin(2 * $0) } }
  let probes = Matrix([[-1.7], [-0.4], [0.25], [1.1], [2.5]])

  @Test func randomFeatureModelIsExactlyAKernelMachine() {
    var generator = SeededGenerator(seed: 2)
    let model = KernelMachine.RandomFeatures(inputSize: 1, featureCount: 40, bandwidth: 1.5, using: &generator)
    let theta = (0..<40).map { _ in 0.3 * generator.normal() }
    let trace = KernelMachine.GradientDescent(model: model, loss: .squared, learningRate: 0.5, steps: 200)
      .run(from: theta, inputs: inputs, targets: targets, probes: probes)
    for (a, b) in zip(trace.tangentReconstruction, trace.finalOutputs) { #expect(abs(a - b) < 1e-12) }
    for (a, b) in zip(trace.averagedReconstruction, trace.finalOutputs) { #expect(abs(a - b) < 1e-12) }
    #expect(trace.losses.last! < trace.losses.first!)
  }

  @Test func randomFeatureGradientsAreTheFeatures() {
    var generator = SeededGenerator(seed: 4)
    let model = KernelMachine.RandomFeatures(inputSize: 2, featureCount: 6, using: &generator)
    let theta = generator.normals(6)
    let x = Matrix([[0.3, -0.8]])
    let numeric = FiniteDifference.gradient(of: { model.outputs(at: x, parameters: $0)[0] }, at: theta)
    for (a, b) in zip(model.parameterGradients(at: x, parameters: theta).row(0), numeric) {
      #expect(abs(a - b) < 1e-9)
    }
  }

  @Test func stepAveragedKernelRebuildsTheMLPAndTheTangentKernelIsFirstOrder() {
    var generator = SeededGenerator(seed: 9)
    let mlp = KernelMachine.TanhMLP(inputSize: 1, hiddenSize: 8)
    let theta = mlp.initialParameters(using: &generator)
    var errors: [Double] = []
    for eta in [0.1, 0.05, 0.025] {
      let trace = KernelMachine.GradientDescent(model: mlp, loss: .squared, learningRate: eta, steps: Int(5 / eta))
        .run(from: theta, inputs: inputs, targets: targets, probes: probes)
      let averaged = zip(trace.averagedReconstruction, trace.finalOutputs).map { abs($0 - $1) }.max()!
      #expect(averaged < 1e-10)
      errors.append(zip(trace.tangentReconstruction, trace.finalOutputs).map { abs($0 - $1) }.max()!)
    }
    for k in 1..<errors.count {
      let ratio = errors[k - 1] / errors[k]
      #expect(ratio > 1.6 && ratio < 2.5)
    }
  }

  @Test func trainingPathKernelIsSymmetricPositiveSemidefinite() {
    var generator = SeededGenerator(seed: 6)
    let mlp = KernelMachine.TanhMLP(inputSize: 1, hiddenSize: 8)
    let theta = mlp.initialParameters(using: &generator)
    let trace = KernelMachine.GradientDescent(model: mlp, loss: .squared, learningRate: 0.1, steps: 50)
      .run(from: theta, inputs: inputs, targets: targets, probes: inputs)
    let gram = trace.trainingPathKernel
    #expect((gram - gram.transposed).maxAbs < 1e-12 * gram.maxAbs)
    #expect(gram.symmetricEigen().values.first! > -1e-10 * gram.trace)
    // Probing at the training inputs reproduces the training Gram matrix.
    #expect((trace.pathKernel - gram).maxAbs < 1e-12 * gram.maxAbs)
  }

  @Test func weightsTimesPathKernelGiveTheContributions() {
    var generator = SeededGenerator(seed: 7)
    let mlp = KernelMachine.TanhMLP(inputSize: 1, hiddenSize: 6)
    let trace = KernelMachine.GradientDescent(model: mlp, loss: .squared, learningRate: 0.1, steps: 30)
      .run(from: mlp.initialParameters(using: &generator), inputs: inputs, targets: targets, probes: probes)
    let weights = trace.weights
    for r in 0..<probes.rows {
      for i in 0..<inputs.rows {
        let rebuilt = weights[r, i] * trace.pathKernel[r, i]
        #expect(abs(rebuilt - trace.tangentContributions[r, i]) < 1e-12)
      }
    }
  }

  @Test func miniBatchStepsAreStillExactlyAKernelMachine() {
    var generator = SeededGenerator(seed: 12)
    let mlp = KernelMachine.TanhMLP(inputSize: 1, hiddenSize: 8)
    let descent = KernelMachine.GradientDescent(
      model: mlp, loss: .squared, learningRate: 0.05, steps: 100, batchSize: 4, seed: 3)
    let trace = descent.run(
      from: mlp.initialParameters(using: &generator), inputs: inputs, targets: targets, probes: probes)
    for (a, b) in zip(trace.averagedReconstruction, trace.finalOutputs) { #expect(abs(a - b) < 1e-10) }
    // Each step touches exactly four examples.
    for s in 0..<trace.stepWeights.rows {
      #expect(trace.stepWeights.row(s).filter { $0 != 0 }.count <= 4)
    }
  }

  @Test func pathAveragedWeightsLieWithinTheRangeOfTheStepWeights() {
    var generator = SeededGenerator(seed: 13)
    let mlp = KernelMachine.TanhMLP(inputSize: 1, hiddenSize: 8)
    let trace = KernelMachine.GradientDescent(model: mlp, loss: .squared, learningRate: 0.1, steps: 60)
      .run(from: mlp.initialParameters(using: &generator), inputs: inputs, targets: targets, probes: probes)
    let weights = trace.weights
    var checked = 0
    for i in 0..<inputs.rows {
      let history = trace.stepWeights.column(i)
      let (low, high) = (history.min()!, history.max()!)
      for r in 0..<probes.rows where trace.minimumKernel[r, i] > 0 || trace.maximumKernel[r, i] < 0 {
        #expect(weights[r, i] >= low - 1e-12 && weights[r, i] <= high + 1e-12)
        checked += 1
      }
    }
    #expect(checked > 0)
  }
}
