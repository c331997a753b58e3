import Foundation
import Lab

extension RNN {
  /// An autonomous vector tanh network, hₜ = tanh(W·hₜ₋₁), and the growth of its tangent vectors.
  ///
  /// The step Jacobian is ∂hₜ/∂hₜ₋₁ = diag(1 − hₜ²)·W, so a perturbation of h₀ evolves as
  /// vₜ = diag(1 − hₜ²)·W·vₜ₋₁. Its average log growth per step is the largest Lyapunov
  /// exponent; replacing the diagonal by the identity gives the linear (ReLU-like, unbounded)
  /// chain vₜ = W·vₜ₋₁, whose growth rate tends to log ρ(W). Tangent products go through BLAS;
  /// the state is stepped with portable arithmetic (see ``step(_:)``).
  public struct TanhNetwork: Sendable {
    /// The recurrent weight matrix W (n×n).
    public var weights: Matrix

    /// Creates a network with recurrent weights `weights`, which must be square.
    public init(weights: Matrix) {
      require(weights.isSquare, "recurrent weights must be square, got \(weights.rows)×\(weights.columns)")
      self.weights = weights
    }

    /// A network with independent entries Wᵢⱼ ~ N(0, g²/n), whose spectral radius is close to g
    /// for large n (circular law).
    public static func random(size n: Int, gain g: Double, using generator: inout SeededGenerator) -> TanhNetwork {
      let sigma = g / Double(n).squareRoot()
      return TanhNetwork(weights: .random(rows: n, columns: n, standardDeviation: sigma, using: &generator))
    }

    /// The number of units n.
    public var size: Int { weights.rows }

    /// One step, tanh(W·h).
    ///
    /// Computed with portable arithmetic (``Matrix/portablyMultiplied(by:)`` and
    /// ``PortableMath/tanh(_:)``): above g = 1 the state is chaotic, and a last-bit difference
    /// between two machines' BLAS kernels or math libraries would grow into a different
    /// trajectory. Tangent vectors still go through BLAS: their errors do not grow.
    public func step(_ h: [Double]) -> [Double] {
      weights.portablyMultiplied(by: h).map(PortableMath.tanh)
    }

    /// The step Jacobian diag(1 − hₜ²)·W, given the new state hₜ.
    public func stateJacobian(newState h: [Double]) -> Matrix {
      weights.scalingRows(by: h.map { 1 - $0 * $0 })
    }

    /// The average log growth per step of a renormalised tangent vector: the largest
    /// Lyapunov exponent when `linear` is false, the growth rate of W alone when it is true.
    ///
    /// The state and the tangent vector both start from `initial` (normalised for the
    /// tangent), which must not be zero. The first `discard` steps are run but not averaged, so transients do not
    /// bias the estimate; the statistical error is of order 1/√(steps − discard).
    ///
    /// - Returns: (1 / (steps − discard))·Σ log(‖vₜ‖ / ‖vₜ₋₁‖) over the kept steps.
    public func lyapunovExponent(initial: [Double], steps: Int, discard: Int, linear: Bool = false) -> Double {
      require(steps > discard && discard >= 0, "need steps > discard ≥ 0, got \(steps) and \(discard)")
      require(initial.contains { $0 != 0 }, "the initial tangent vector must not be zero")
      var h = initial
      var v = initial.normalized
      var total = 0.0
      for t in 1...steps {
        let wv = weights * v
        if linear {
          v = wv
        } else {
          h = step(h)
          v = (0..<size).map { (1 - h[$0] * h[$0]) * wv[$0] }
        }
        let growth = v.norm
        if t > discard { total += log(growth) }
        v = v.map { $0 / growth }
      }
      return total / Double(steps - discard)
    }

    /// Estimates of log‖∂hₜ/∂h₀‖_F for t = 0…`steps`, by propagating `probes` Gaussian tangent
    /// vectors at once (one n×k matrix product per step).
    ///
    /// For a matrix P and a Gaussian matrix Z with k columns, ‖P·Z‖²_F / k is an unbiased
    /// estimate of ‖P‖²_F whose relative spread is at most √(2/k), so the returned log has a
    /// spread of about 1/√(2k) (0.25 for k = 8): small next to the hundreds of e-folds a long
    /// product spans. The block is renormalised every step and the scale kept in log form, so
    /// nothing overflows or underflows.
    ///
    /// - Parameters:
    ///   - initial: h₀.
    ///   - steps: T, the number of steps.
    ///   - probes: k, the number of probe vectors (columns).
    ///   - generator: The source of the probes.
    /// - Returns: T + 1 values; element 0 estimates log‖I‖_F = ½·log n.
    public func logJacobianNorms(
      initial: [Double], steps: Int, probes: Int, using generator: inout SeededGenerator
    ) -> [Double] {
      var block = Matrix.random(rows: size, columns: probes, using: &generator)
      var h = initial
      var logScale = 0.0
      let logProbes = log(Double(probes))
      var result = [log(block.frobeniusNorm) - logProbes / 2]
      result.reserveCapacity(steps + 1)
      for _ in 0..<steps {
        h = step(h)
        block = (weights * block).scalingRows(by: h.map { 1 - $0 * $0 })
        let norm = block.frobeniusNorm
        logScale += log(norm)
        result.append(logScale - logProbes / 2)
        block = (1 / norm) * block
      }
      return result
    }
  }
}
