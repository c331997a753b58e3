import Foundation

extension ODE {
  /// Integrates with the adaptive Dormand–Prince 5(4) pair (the method of MATLAB's `ode45`
  /// and SciPy's `RK45`).
  ///
  /// Each step's local error estimate e is kept below `tolerance` in the mixed norm
  /// maxᵢ |eᵢ| / (tolerance·(1 + |yᵢ|)) ≤ 1, so `tolerance` acts as both an absolute
  /// and a relative tolerance. The global error is typically a small multiple of
  /// `tolerance` times the length of the interval for non-stiff problems; stiff
  /// problems are solved correctly but slowly. The step size is chosen automatically;
  /// if it underflows or `maximumSteps` run out, the solution stops early with
  /// ``ODESolution/isComplete`` false.
  public static func dormandPrince(
    from start: Double, to end: Double, initial: [Double], tolerance: Double = 1e-8,
    maximumSteps: Int = 1_000_000, derivative: (Double, [Double]) -> [Double]
  ) -> ODESolution {
    require(tolerance > 0, "tolerance must be positive, got \(tolerance)")
    var y = initial
    var f = checked(derivative(start, y), count: y.count)
    var solution = ODESolution(times: [start], states: [y], derivatives: [f], evaluations: 1)
    let direction: Double = end >= start ? 1 : -1
    var t = start
    var h = direction * initialStep(span: abs(end - start), state: y, slope: f, tolerance: tolerance)
    while direction * (end - t) > 0 {
      guard solution.stepCount < maximumSteps, abs(h) > 1e-14 * Swift.max(1, abs(t)) else {
        solution.isComplete = false
        return solution
      }
      if direction * (t + h - end) > 0 { h = end - t }
      let trial = DormandPrinceStep(t: t, y: y, f: f, h: h, derivative: derivative)
      solution.evaluations += 6
      let error = trial.errorNorm(tolerance: tolerance)
      if error <= 1 {
        t = direction * (end - (t + h)) <= 1e-15 * abs(end) ? end : t + h
        y = trial.y5
        f = trial.f5
        solution.times.append(t)
        solution.states.append(y)
        solution.derivatives.append(f)
      }
      // Standard controller with safety factor 0.9 and growth limited to [0.2, 5].
      let factor = error == 0 ? 5 : Swift.min(5, Swift.max(0.2, 0.9 * pow(error, -0.2)))
      h *= error.isFinite ? factor : 0.2
    }
    return solution
  }

  /// As ``dormandPrince(from:to:initial:tolerance:maximumSteps:derivative:)`` for an
  /// autonomous system y′ = f(y).
  public static func dormandPrince(
    from start: Double, to end: Double, initial: [Double], tolerance: Double = 1e-8,
    maximumSteps: Int = 1_000_000, derivative: ([Double]) -> [Double]
  ) -> ODESolution {
    dormandPrince(
      from: start, to: end, initial: initial, tolerance: tolerance, maximumSteps: maximumSteps
    ) { _, y in derivative(y) }
  }

  /// A first step of about tolerance^(1/5) over the scale of the solution's change.
  private static func initialStep(span: Double, state: [Double], slope: [Double], tolerance: Double) -> Double {
    let rate = zip(state, slope).reduce(0) { Swift.max($0, abs($1.1) / (1 + abs($1.0))) }
    let guess = rate > 0 ? 0.1 * pow(tolerance, 0.2) / rate : span
    return Swift.min(span, Swift.max(guess, 1e-6 * span))
  }
}

/// One Dormand–Prince step: the fifth-order solution, its derivative (reused as the
/// next step's first stage) and the difference from the embedded fourth-order solution.
private struct DormandPrinceStep {
  var y5: [Double]
  var f5: [Double]
  var error: [Double]

  init(t: Double, y: [Double], f: [Double], h: Double, derivative: (Double, [Double]) -> [Double]) {
    func stage(_ c: Double, _ terms: [(Double, [Double])]) -> [Double] {
      var point = y
      for (a, k) in terms { for i in point.indices { point[i] += h * a * k[i] } }
      return derivative(t + c * h, point)
    }
    let k1 = f
    let k2 = stage(1 / 5, [(1 / 5, k1)])
    let k3 = stage(3 / 10, [(3 / 40, k1), (9 / 40, k2)])
    let k4 = stage(4 / 5, [(44 / 45, k1), (-56 / 15, k2), (32 / 9, k3)])
    let k5 = stage(8 / 9, [(19372 / 6561, k1), (-25360 / 2187, k2), (64448 / 6561, k3), (-212 / 729, k4)])
    let k6 = stage(1, [(9017 / 3168, k1), (-355 / 33, k2), (46732 / 5247, k3), (49 / 176, k4), (-5103 / 18656, k5)])
    var next = y
    for i in next.indices {
      next[i] += h * (35 / 384 * k1[i] + 500 / 1113 * k3[i] + 125 / 192 * k4[i] - 2187 / 6784 * k5[i] + 11 / 84 * k6[i])
    }
    let k7 = derivative(t + h, next)
    // e = y5 − y4 = h Σ (bᵢ − b̂ᵢ) kᵢ.
    error = y.indices.map { i in
      h
        * (71 / 57600 * k1[i] - 71 / 16695 * k3[i] + 71 / 1920 * k4[i] - 17253 / 339200 * k5[i]
          + 22 / 525 * k6[i] - 1 / 40 * k7[i])
    }
    y5 = next
    f5 = k7
  }

  func errorNorm(tolerance: Double) -> Double {
    var worst = 0.0
    for i in error.indices {
      let scaled = abs(error[i]) / (tolerance * (1 + abs(y5[i])))
      if scaled.isNaN { return .infinity }  // a NaN stage rejects the step
      worst = Swift.max(worst, scaled)
    }
    return worst
  }
}
