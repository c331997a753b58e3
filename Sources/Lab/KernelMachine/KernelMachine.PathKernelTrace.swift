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
    }

    /// `β(x) + Σᵢ η Σ_s α_{s,i} K_{θ_s}(x, xᵢ)`: the kernel-machine form with the tangent
    /// kernel at the start of each step. Its error is first order in `η` at fixed `T`.
    public var tangentReconstruction: [Double] {
      initialOutputs + KernelMachine.rowSums(tangentContributions)
    }

    /// `β(x) + Σᵢ η Σ_s α_{s,i} K̄_s(x, xᵢ)`: exact for discrete steps up to quadrature error.
    public var averagedReconstruction: [Double] {
      initialOutputs + KernelMachine.rowSums(averagedContributions)
    }

    /// The path-averaged weights `αᵢ(x) = (Σ_s α_{s,i} K_s(x, xᵢ)) / (Σ_s K_s(x, xᵢ))` of the
    /// form `f_T(x) = β(x) + Σᵢ αᵢ(x) K(x, xᵢ)` (probe × training point).
    ///
    /// An entry is NaN where the path kernel is exactly zero; it is large where the path
    /// kernel nearly vanishes, since the ratio is then ill-conditioned.
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

  init(probeCount: Int, trainingCount: Int) {
    pathKernel = Matrix(rows: probeCount, columns: trainingCount)
    trainingPathKernel = Matrix(rows: trainingCount, columns: trainingCount)
    tangentContributions = pathKernel
    averagedContributions = pathKernel
  }

  mutating func record(
    learningRate eta: Double, weights: [Double], trainingGradients: Matrix,
    probeGradients: Matrix, averagedProbeGradients: Matrix
  ) {
    let transposed = trainingGradients.transposed
    let kernel = probeGradients * transposed
    let averagedKernel = averagedProbeGradients * transposed
    trainingPathKernel = trainingPathKernel + eta * (trainingGradients * transposed)
    let n = weights.count
    for r in 0..<kernel.rows {
      for i in 0..<n {
        let index = r * n + i
        pathKernel.elements[index] += eta * kernel.elements[index]
        tangentContributions.elements[index] += eta * weights[i] * kernel.elements[index]
        averagedContributions.elements[index] += eta * weights[i] * averagedKernel.elements[index]
      }
    }
  }
}
