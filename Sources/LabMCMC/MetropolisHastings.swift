import Foundation
import Lab

/// The Metropolis–Hastings step on any state space, with log densities.
///
/// From `x`, draw `y ~ q(· ← x)` and move with probability
/// `A(y ← x) = min(1, q(x ← y) ρ(y) / (q(y ← x) ρ(x)))`; on rejection the chain repeats `x`
/// (it does not retry). Only ratios of `ρ` enter, so its normaliser is never needed.
public enum MetropolisHastings {
  /// A proposed move with the log probabilities of proposing it and of proposing its reverse.
  public struct Proposal<State> {
    /// The proposed state `y`.
    public var state: State
    /// `log q(y ← x)`.
    public var logForward: Double
    /// `log q(x ← y)`.
    public var logBackward: Double

    /// Creates a proposal; a symmetric proposal has equal forward and backward terms.
    public init(state: State, logForward: Double = 0, logBackward: Double = 0) {
      self.state = state
      self.logForward = logForward
      self.logBackward = logBackward
    }
  }

  /// `min(1, exp(log q(x←y) + log ρ(y) − log q(y←x) − log ρ(x)))`, with the conventions that
  /// a proposal of zero density (`log ρ(y) = −∞`) is never accepted and a move away from a
  /// zero-density state always is.
  public static func acceptanceProbability(
    currentLogDensity: Double, proposedLogDensity: Double, logForward: Double, logBackward: Double
  ) -> Double {
    if proposedLogDensity == -.infinity || logBackward == -.infinity { return 0 }
    if currentLogDensity == -.infinity { return 1 }
    let logRatio = logBackward + proposedLogDensity - logForward - currentLogDensity
    return logRatio >= 0 ? 1 : exp(logRatio)
  }

  /// A chain of `steps` Metropolis–Hastings transitions from `initial`.
  ///
  /// - Parameters:
  ///   - logDensity: `log ρ`, unnormalised.
  ///   - propose: Draws `y` and reports `log q(y ← x)` and `log q(x ← y)`.
  /// - Returns: The visited states `x₁ … x_steps` (rejections repeat the state) and the
  ///   fraction of accepted moves.
  public static func run<State>(
    from initial: State, steps: Int, using generator: inout SeededGenerator,
    logDensity: (State) -> Double,
    propose: (State, inout SeededGenerator) -> Proposal<State>
  ) -> (states: [State], acceptanceRate: Double) {
    var x = initial
    var logRhoX = logDensity(x)
    var states: [State] = []
    states.reserveCapacity(steps)
    var accepted = 0
    for _ in 0..<steps {
      let proposal = propose(x, &generator)
      let logRhoY = logDensity(proposal.state)
      let a = acceptanceProbability(
        currentLogDensity: logRhoX, proposedLogDensity: logRhoY,
        logForward: proposal.logForward, logBackward: proposal.logBackward)
      if generator.uniform() < a {
        x = proposal.state
        logRhoX = logRhoY
        accepted += 1
      }
      states.append(x)
    }
    return (states, steps == 0 ? 0 : Double(accepted) / Double(steps))
  }
}
