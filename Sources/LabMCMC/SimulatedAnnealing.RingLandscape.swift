import Foundation
import Lab

extension SimulatedAnnealing {
  /// A finite objective on the states `0..<values.count` arranged in a ring, with the symmetric
  /// proposal "jump ±k, k uniform in 1…maxStep, wrapping around".
  ///
  /// The annealing and hill-climbing loops here are specialised (no generic closures), for
  /// experiments that run thousands of chains.
  public struct RingLandscape: Sendable, Hashable {
    /// `f(x)` for each state.
    public let values: [Double]
    /// The largest jump of the proposal.
    public let maxStep: Int

    /// Creates the landscape; `maxStep` must be at least 1 and less than half the ring.
    public init(values: [Double], maxStep: Int) {
      require(maxStep >= 1 && 2 * maxStep < values.count, "need 1 ≤ maxStep < count/2")
      self.values = values
      self.maxStep = maxStep
    }

    /// The state with the largest value (the first, if tied).
    public var globalMaximum: Int {
      values.indices.reduce(0) { values[$1] > values[$0] ? $1 : $0 }
    }

    /// The states whose value exceeds both ring neighbours' (strict local maxima for ±1 moves).
    public var localMaxima: [Int] {
      let n = values.count
      return values.indices.filter { values[$0] > values[($0 + n - 1) % n] && values[$0] > values[($0 + 1) % n] }
    }

    /// One draw of the symmetric proposal from `x`.
    public func neighbour(of x: Int, using generator: inout SeededGenerator) -> Int {
      let step = 1 + generator.integer(below: maxStep)
      let signed = generator.integer(below: 2) == 0 ? step : -step
      return (x + signed + values.count) % values.count
    }

    /// Simulated annealing for `steps` steps from `start` with the linear schedule
    /// `τ_t = max(initialTemperature (1 − t/steps), floor)`; returns the final state.
    public func anneal(
      from start: Int, steps: Int, initialTemperature: Double, floor: Double = 1e-3,
      using generator: inout SeededGenerator
    ) -> Int {
      var x = start
      for t in 0..<steps {
        let y = neighbour(of: x, using: &generator)
        let delta = values[y] - values[x]
        let tau = max(initialTemperature * (1 - Double(t) / Double(steps)), floor)
        if delta >= 0 || generator.uniform() < exp(delta / tau) { x = y }
      }
      return x
    }

    /// Hill climbing for `steps` steps from `start` (accept iff `f` does not decrease).
    public func hillClimb(from start: Int, steps: Int, using generator: inout SeededGenerator) -> Int {
      var x = start
      for _ in 0..<steps {
        let y = neighbour(of: x, using: &generator)
        if values[y] >= values[x] { x = y }
      }
      return x
    }
  }
}
