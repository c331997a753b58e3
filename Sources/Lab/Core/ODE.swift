/// Initial-value problems y′ = f(t, y), y(t₀) = y₀, for small systems.
///
/// The derivative closure takes the time and the state and returns dy/dt with the
/// same length as the state. Both methods integrate backwards when `end < start`.
public enum ODE {
  /// Integrates with the classical fourth-order Runge–Kutta method in `steps` equal steps.
  ///
  /// Global error is O(h⁴) with h = (end − start)/steps: halving h divides the error by
  /// about 16 for smooth problems. Four derivative evaluations per step.
  /// - Returns: `steps + 1` time points including both ends.
  public static func rk4(
    from start: Double, to end: Double, steps: Int, initial: [Double],
    derivative: ([Double]) -> [Double]
  ) -> ODESolution {
    rk4(from: start, to: end, steps: steps, initial: initial) { _, y in derivative(y) }
  }

  /// Integrates a time-dependent system with the classical fourth-order Runge–Kutta method.
  ///
  /// Global error is O(h⁴) with h = (end − start)/steps. Four derivative evaluations per step.
  /// - Returns: `steps + 1` time points including both ends.
  public static func rk4(
    from start: Double, to end: Double, steps: Int, initial: [Double],
    derivative: (Double, [Double]) -> [Double]
  ) -> ODESolution {
    require(steps > 0, "rk4 needs at least one step, got \(steps)")
    let h = (end - start) / Double(steps)
    var y = initial
    var slope = checked(derivative(start, y), count: y.count)
    var solution = ODESolution(
      times: [start], states: [y], derivatives: [slope], evaluations: 1)
    for step in 1...steps {
      let t = start + Double(step - 1) * h
      let k2 = derivative(t + h / 2, axpy(h / 2, slope, y))
      let k3 = derivative(t + h / 2, axpy(h / 2, k2, y))
      let k4 = derivative(t + h, axpy(h, k3, y))
      for i in y.indices { y[i] += h / 6 * (slope[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
      let time = step == steps ? end : start + Double(step) * h
      slope = checked(derivative(time, y), count: y.count)
      solution.times.append(time)
      solution.states.append(y)
      solution.derivatives.append(slope)
      solution.evaluations += 4
    }
    return solution
  }

  /// y + a·x, the update every Runge–Kutta stage needs.
  static func axpy(_ a: Double, _ x: [Double], _ y: [Double]) -> [Double] {
    var result = y
    for i in result.indices { result[i] += a * x[i] }
    return result
  }

  static func checked(_ value: [Double], count: Int) -> [Double] {
    require(value.count == count, "derivative returned \(value.count) values for a state of \(count)")
    return value
  }
}
