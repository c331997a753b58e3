/// The outcome of a converged Newton iteration.
public struct NewtonResult: Sendable, Equatable {
  /// The approximate root.
  public var solution: [Double]
  /// The number of Newton steps taken (0 if the initial point already satisfied the tolerance).
  public var iterations: Int
  /// ‖F(x)‖₂ at ``solution``.
  public var residualNorm: Double
  /// ‖F(x)‖₂ at the initial point and after each step: near a simple root each entry
  /// is roughly the square of the previous one (quadratic convergence).
  public var residualHistory: [Double]
}

/// Newton's method for small nonlinear systems F(x) = 0.
public enum Newton {
  /// Solves F(x) = 0 from `initial` by Newton steps J(x)·Δ = −F(x), with backtracking:
  /// a step that does not decrease ‖F‖₂ is halved (up to 30 times), so full steps —
  /// and quadratic convergence — are kept near a simple root.
  ///
  /// Converged when ‖F(x)‖₂ ≤ `tolerance`, or when the step is below
  /// `tolerance`·(1 + ‖x‖₂) (the iteration has stalled at rounding level).
  /// - Parameters:
  ///   - initial: The starting point x₀; near a simple root, convergence is quadratic.
  ///   - tolerance: The target for ‖F(x)‖₂ (and the relative step size at which to stop).
  ///   - maxIterations: The most Newton steps to take.
  ///   - residual: F, mapping ℝⁿ to ℝⁿ.
  ///   - jacobian: J(x), n×n with entry (i, j) = ∂Fᵢ/∂xⱼ. If `nil`, a central
  ///     ``FiniteDifference/jacobian(of:at:step:)`` is used.
  /// - Returns: `nil` if the Jacobian is singular, a value is not finite, or
  ///   `maxIterations` steps do not converge.
  public static func solve(
    initial: [Double], tolerance: Double = 1e-10, maxIterations: Int = 50,
    residual: ([Double]) -> [Double], jacobian: (([Double]) -> Matrix)? = nil
  ) -> NewtonResult? {
    var x = initial
    var f = residual(x)
    var history = [f.norm]
    for iteration in 0...maxIterations {
      let fNorm = history[history.count - 1]
      guard fNorm.isFinite else { return nil }
      if fNorm <= tolerance {
        return NewtonResult(solution: x, iterations: iteration, residualNorm: fNorm, residualHistory: history)
      }
      guard iteration < maxIterations else { return nil }
      let j = jacobian?(x) ?? FiniteDifference.jacobian(of: residual, at: x)
      guard let step = j.solve(f.map { -$0 }), step.allSatisfy(\.isFinite) else { return nil }
      (x, f) = backtrack(from: x, step: step, norm: fNorm, residual: residual)
      history.append(f.norm)
      if step.norm <= tolerance * (1 + x.norm) {
        return NewtonResult(solution: x, iterations: iteration + 1, residualNorm: f.norm, residualHistory: history)
      }
    }
    return nil
  }

  /// A root of the scalar equation f(x) = 0 by Newton's method with backtracking,
  /// as ``solve(initial:tolerance:maxIterations:residual:jacobian:)`` in one dimension.
  public static func root(
    of f: (Double) -> Double, derivative: ((Double) -> Double)? = nil, initial: Double,
    tolerance: Double = 1e-12, maxIterations: Int = 50
  ) -> Double? {
    let jacobian: (([Double]) -> Matrix)? = derivative.map { d in
      { x in Matrix(rows: 1, columns: 1, elements: [d(x[0])]) }
    }
    return solve(
      initial: [initial], tolerance: tolerance, maxIterations: maxIterations,
      residual: { [f($0[0])] }, jacobian: jacobian)?.solution[0]
  }

  private static func backtrack(
    from x: [Double], step: [Double], norm: Double, residual: ([Double]) -> [Double]
  ) -> ([Double], [Double]) {
    var scale = 1.0
    var candidate = x.adding(step)
    var f = residual(candidate)
    for _ in 0..<30 where !(f.norm < norm) {
      scale /= 2
      candidate = x.adding(scale * step)
      f = residual(candidate)
    }
    return (candidate, f)
  }
}
