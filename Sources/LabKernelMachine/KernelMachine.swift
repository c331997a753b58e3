import Lab

/// Gradient descent seen as a kernel machine (Domingos, arXiv:2012.00152).
///
/// A model `f_θ(x)` trained by gradient descent on a loss `L(θ) = (1/n) Σᵢ ℓ(yᵢ, f_θ(xᵢ))`
/// changes, at every step, by a weighted sum of kernel evaluations against the training
/// points. The types here train small models while accumulating those kernels, so that
/// the trained model can be rebuilt as `β(x) + Σᵢ cᵢ(x)` and compared with the real one:
///
/// - ``Model``: a scalar model with per-example parameter gradients
///   (``TanhMLP``, ``RandomFeatures``);
/// - ``Loss``: the per-example loss and its derivative;
/// - ``GradientDescent``: full-batch descent that records the path kernels (``PathKernelTrace``);
/// - ``TwoMoons``: the usual two-class toy data set.
public enum KernelMachine {}

extension KernelMachine {
  /// A scalar-output model whose parameters live in a flat vector.
  ///
  /// Conforming types hold only the architecture (and any fixed random features);
  /// the trainable parameters are passed in, so a trainer can move them freely.
  public protocol Model: Sendable {
    /// The length of the parameter vector.
    var parameterCount: Int { get }

    /// The outputs `f_θ(x)` for every row `x` of `inputs`.
    func outputs(at inputs: Matrix, parameters: [Double]) -> [Double]

    /// The per-example gradients: row `r` is `∇_θ f_θ(x_r)` for row `x_r` of `inputs`,
    /// a matrix of `inputs.rows × parameterCount`.
    func parameterGradients(at inputs: Matrix, parameters: [Double]) -> Matrix
  }
}
