import Foundation
import Lab

/// Single-site Gibbs sampling for fixed-length token sequences under an unnormalised
/// log density `log ρ(x)`.
///
/// A step picks a position `i` uniformly and redraws `x_i` from the full conditional
/// `p(y | x₋ᵢ) = ρ(x_[i=y]) / Σ_y' ρ(x_[i=y'])`; viewed as Metropolis–Hastings its acceptance
/// is exactly 1 (``hastingsRatio(from:position:to:)`` computes it numerically).
public struct GibbsSampler {
  /// Tokens per position.
  public let vocabularySize: Int
  /// `log ρ(x)`, `−∞` outside the support.
  public let logDensity: ([Int]) -> Double

  /// Creates a sampler for `log ρ`.
  public init(vocabularySize: Int, logDensity: @escaping ([Int]) -> Double) {
    self.vocabularySize = vocabularySize
    self.logDensity = logDensity
  }

  /// The full conditional `p(· | x₋ᵢ)` at `position`, normalised; all zeros only if every
  /// candidate has zero density.
  public func conditional(at position: Int, of x: [Int]) -> [Double] {
    var candidate = x
    let logs = (0..<vocabularySize).map { y -> Double in
      candidate[position] = y
      return logDensity(candidate)
    }
    let top = logs.max() ?? -.infinity
    guard top > -.infinity else { return Array(repeating: 0, count: vocabularySize) }
    let weights = logs.map { exp($0 - top) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }

  /// One Gibbs update at a uniformly chosen position.
  public func step(_ x: inout [Int], using generator: inout SeededGenerator) {
    let position = generator.integer(below: x.count)
    x[position] = generator.categorical(conditional(at: position, of: x))
  }

  /// `q(x ← y) ρ(y) / (q(y ← x) ρ(x))` for the Gibbs move that sets `x[position] = token`:
  /// 1 up to rounding whenever `ρ(x) > 0` and `ρ(y) > 0`.
  public func hastingsRatio(from x: [Int], position: Int, to token: Int) -> Double {
    var y = x
    y[position] = token
    let forward = conditional(at: position, of: x)[token]
    let backward = conditional(at: position, of: y)[x[position]]
    return backward * exp(logDensity(y) - logDensity(x)) / forward
  }
}
