/// The trajectory of an ODE solve: the states at the accepted time points.
public struct ODESolution: Sendable, Equatable {
  /// The time points, starting at the initial time and ending at the final time
  /// (unless ``isComplete`` is false); increasing, or decreasing when integrating backwards.
  public var times: [Double]
  /// The state at each time point.
  public var states: [[Double]]
  /// The derivative at each time point (used for interpolation by ``state(at:)``).
  public var derivatives: [[Double]]
  /// How many times the derivative was evaluated.
  public var evaluations: Int
  /// Whether the integration reached the final time (false if the adaptive step
  /// size underflowed or the step budget ran out).
  public var isComplete: Bool

  /// Creates a solution from its parts.
  public init(
    times: [Double], states: [[Double]], derivatives: [[Double]], evaluations: Int,
    isComplete: Bool = true
  ) {
    self.times = times
    self.states = states
    self.derivatives = derivatives
    self.evaluations = evaluations
    self.isComplete = isComplete
  }

  /// The last state.
  public var final: [Double] { states[states.count - 1] }

  /// The number of steps taken.
  public var stepCount: Int { times.count - 1 }

  /// Component `index` of the state along the trajectory (for plotting against ``times``).
  public func component(_ index: Int) -> [Double] { states.map { $0[index] } }

  /// The state at time `t`, by cubic Hermite interpolation between the neighbouring
  /// time points (it uses the stored states and derivatives).
  ///
  /// The interpolation error is O(h⁴) for a step of length h — within the solver's
  /// own error for RK4 and comparable to it for Dormand–Prince. `t` is clamped to
  /// the solved interval.
  public func state(at t: Double) -> [Double] {
    guard times.count > 1 else { return states[0] }
    let forward = times[times.count - 1] >= times[0]
    let k = segment(containing: t, forward: forward)
    let (t0, t1) = (times[k], times[k + 1])
    let h = t1 - t0
    let s = Swift.min(Swift.max((t - t0) / h, 0), 1)
    let h00 = (1 + 2 * s) * (1 - s) * (1 - s)
    let h10 = s * (1 - s) * (1 - s)
    let h01 = s * s * (3 - 2 * s)
    let h11 = s * s * (s - 1)
    return states[k].indices.map { i in
      h00 * states[k][i] + h10 * h * derivatives[k][i] + h01 * states[k + 1][i]
        + h11 * h * derivatives[k + 1][i]
    }
  }

  /// The index k of the step [tₖ, tₖ₊₁] that contains `t`, by binary search.
  private func segment(containing t: Double, forward: Bool) -> Int {
    var low = 0
    var high = times.count - 1
    while high - low > 1 {
      let mid = (low + high) / 2
      if (times[mid] <= t) == forward { low = mid } else { high = mid }
    }
    return low
  }
}
