import Lab

extension KernelMachine {
  /// What one gradient-descent run recorded: the model before and after at the probe
  /// points, and the kernels accumulated along the path.
  ///
  /// Matrices indexed by (probe, training point) have `probes.rows × inputs.rows` entries.
  public struct PathKernelTrace: Sendable {
    /// The learning rate of the run.
    public let learningRate: Double
    /// `θ_T`.
    public let finalParameters: [Double]
    /// `β(x) = f_{θ_0}(x)` at each probe.
    public let initialOutputs: [Double]
    /// `f_{θ_T}(x)` at each probe.
    public let finalOutputs: [Double]
    /// The path kernel `η Σ_s K_{θ_s}(x, xᵢ)` (probe × training point).
    public let pathKernel: Matrix
    /// The path kernel among training points, `η Σ_s K_{θ_s}(xᵢ, xⱼ)`: symmetric and
    /// positive semi-definite, being a sum of Gram matrices.
    public let trainingPathKernel: Matrix
    /// `η Σ_s α_{s,i} K_{θ_s}(x, xᵢ)` (probe × training point).
    public let tangentContributions: Matrix
    /// `η Σ_s α_{s,i} K̄_s(x, xᵢ)` with the step-averaged kernel (probe × training point).
    public let averagedContributions: Matrix
    /// The mean training loss before each step, then after the last one (`steps + 1` values).
    public let losses: [Double]
    /// The weights `α_{s,i}` of every step (steps × training points), including the `1/n`
    /// (or `1/|B|`) factor and zeros outside a mini-batch.
    public let stepWeights: Matrix
    /// `min_s K_{θ_s}(x, xᵢ)` over the steps (probe × training point).
    public let minimumKernel: Matrix
    /// `max_s K_{θ_s}(x, xᵢ)` over the steps (probe × training point).
    public let maximumKernel: Matrix

    init(
      learningRate: Double, finalParameters: [Double], initialOutputs: [Double],
      finalOutputs: [Double], recorder: PathKernelRecorder
    ) {
      self.learningRate = learningRate
      self.finalParameters = finalParameters
      self.initialOutputs = initialOutputs
      self.finalOutputs = finalOutputs
      pathKernel = recorder.pathKernel
      trainingPathKernel = recorder.trainingPathKernel
      tangentContributions = recorder.tangentContributions
      averagedContributions = recorder.averagedContributions
      losses = recorder.losses
      stepWeights = Matrix(
        rows: recorder.stepWeights.count, columns: pathKernel.columns,
        elements: recorder.stepWeights.flatMap { $0 })
      minimumKernel = recorder.minimumKernel
      maximumKernel = recorder.maximumKernel
    }

    /// The kernel-machine form with the tangent kernel at the start of each step.
    ///
    /// `β(x) + Σᵢ η Σ_s α_{s,i} K_{θ_s}(x, xᵢ)`; its error is first order in `η` at fixed `T`.
    public var tangentReconstruction: [Double] {
      initialOutputs.adding(KernelMachine.rowSums(tangentContributions))
    }

    /// The kernel-machine form with the step-averaged kernel.
    ///
    /// `β(x) + Σᵢ η Σ_s α_{s,i} K̄_s(x, xᵢ)`: exact for discrete steps up to quadrature error.
    public var averagedReconstruction: [Double] {
      initialOutputs.adding(KernelMachine.rowSums(averagedContributions))
    }

    /// The path-averaged weights `αᵢ(x) = (Σ_s α_{s,i} K_s(x, xᵢ)) / (Σ_s K_s(x, xᵢ))` of the
    /// form `f_T(x) = β(x) + Σᵢ αᵢ(x) K(x, xᵢ)` (probe × training point).
    ///
    /// An entry is NaN where the path kernel is exactly zero; it is large where the path
    /// kernel nearly vanishes, since the ratio is then ill-conditioned. Where `K_s(x, xᵢ)`
    /// keeps one sign along the whole path (see ``minimumKernel``, ``maximumKernel``),
    /// `αᵢ(x)` is a weighted average of the `α_{s,i}`, so it lies between their minimum and
    /// maximum over `s` (for full-batch descent, up to rounding).
    public var weights: Matrix {
      Matrix(rows: pathKernel.rows, columns: pathKernel.columns) { r, i in
        let k = pathKernel[r, i]
        return k == 0 ? .nan : tangentContributions[r, i] / k
      }
    }
  }

  /// The sum of each row of `matrix`.
  static func rowSums(_ matrix: Matrix) -> [Double] {
    (0..<matrix.rows).map { matrix.row($0).sum }
  }
}

/// Accumulates the per-step kernels of a ``KernelMachine/GradientDescent`` run.
struct PathKernelRecorder {
  var pathKernel: Matrix
  var trainingPathKernel: Matrix
  var tangentContributions: Matrix
  var averagedContributions: Matrix
  var losses: [Double] = []
  var stepWeights: [[Double]] = []
  var minimumKernel: Matrix
  var maximumKernel: Matrix

  init(probeCount: Int, trainingCount: Int) {
    pathKernel = Matrix(rows: probeCount, columns: trainingCount)
    trainingPathKernel = Matrix(rows: trainingCount, columns: trainingCount)
    tangentContributions = pathKernel
    averagedContributions = pathKernel
    minimumKernel = Matrix(rows: probeCount, columns: trainingCount, repeating: .infinity)
    maximumKernel = Matrix(rows: probeCount, columns: trainingCount, repeating: -.infinity)
  }

  mutating func record(
    learningRate eta: Double, weights: [Double], trainingGradients: Matrix,
    probeGradients: Matrix, averagedProbeGradients: Matrix
  ) {
    let transposed = trainingGradients.transposed
    let kernel = probeGradients * transposed
    let averagedKernel = averagedProbeGradients * transposed
    trainingPathKernel = trainingPathKernel + eta * (trainingGradients * transposed)
    stepWeights.append(weights)
    let n = weights.count
    for r in 0..<kernel.rows {
      for i in 0..<n {
        let index = r * n + i
        minimumKernel.elements[index] = min(minimumKernel.elements[index], kernel.elements[index])
        maximumKernel.elements[index] = max(maximumKernel.elements[index], kernel.elements[index])
        pathKernel.elements[index] += eta * kernel.elements[index]
        tangentContributions.elements[index] += eta * weights[i] * kernel.elements[index]
        averagedContributions.elements[index] += eta * weights[i] * averagedKernel.elements[index]
      }
    }
  }
}
