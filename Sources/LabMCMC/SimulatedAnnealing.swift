import Foundation
import Lab

/// Simulated annealing and hill climbing: maximising `f` by sampling `p_τ ∝ exp(f/τ)` while
/// the temperature `τ` falls.
///
/// With a symmetric proposal the Metropolis–Hastings acceptance is
/// `min(1, exp((f(y) − f(x))/τ))`; hill climbing is its greedy limit, accepting iff
/// `f(y) ≥ f(x)`.
public enum SimulatedAnnealing {
  /// The linear cooling schedule `τ_t = initial · (1 − t/steps)`, floored at `floor`.
  public static func linearSchedule(initial: Double, steps: Int, floor: Double = 1e-3)
    -> @Sendable (Int) -> Double
  {
    { t in max(initial * (1 - Double(t) / Double(steps)), floor) }
  }

  /// `p_τ(x) = exp(f(x)/τ) / Σ exp(f/τ)` over a finite list of values, computed stably.
  public static func boltzmann(_ values: [Double], temperature: Double) -> [Double] {
    require(temperature > 0, "temperature must be positive")
    let top = values.max() ?? 0
    let weights = values.map { exp(($0 - top) / temperature) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }

  /// Runs annealing for `steps` steps with a symmetric proposal and returns the final state.
  ///
  /// - Parameters:
  ///   - temperature: `τ_t` for step `t = 0 ..< steps`; must be positive.
  ///   - objective: `f`, to maximise.
  ///   - propose: A symmetric proposal `q(y ← x) = q(x ← y)`.
  public static func anneal<State>(
    from initial: State, steps: Int, temperature: (Int) -> Double,
    using generator: inout SeededGenerator, objective: (State) -> Double,
    propose: (State, inout SeededGenerator) -> State
  ) -> State {
    var x = initial
    var fx = objective(x)
    for t in 0..<steps {
      let y = propose(x, &generator)
      let fy = objective(y)
      if fy >= fx || generator.uniform() < exp((fy - fx) / temperature(t)) {
        x = y
        fx = fy
      }
    }
    return x
  }

  /// Hill climbing: the same walk, accepting a proposal iff it does not lower `f`.
  public static func hillClimb<State>(
    from initial: State, steps: Int, using generator: inout SeededGenerator,
    objective: (State) -> Double, propose: (State, inout SeededGenerator) -> State
  ) -> State {
    var x = initial
    var fx = objective(x)
    for _ in 0..<steps {
      let y = propose(x, &generator)
      let fy = objective(y)
      if fy >= fx {
        x = y
        fx = fy
      }
    }
    return x
  }
}
