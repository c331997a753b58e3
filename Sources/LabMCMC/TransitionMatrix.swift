import Foundation
import Lab

/// The transition probabilities of a finite Markov chain, stored column-stochastic:
/// entry `[y, x]` is `p(y ← x)`, so one step maps a distribution `p` to `P p`.
///
/// The tools here are exact linear algebra on small chains (tens to a few thousand states):
/// stationary distributions, detailed-balance residuals, the second eigenvalue.
public struct TransitionMatrix: Sendable, Equatable {
  /// The matrix, `matrix[y, x] = p(y ← x)`; each column sums to 1.
  public let matrix: Matrix

  /// Wraps a square column-stochastic matrix (checked: non-negative, columns sum to 1 within 1e-9).
  public init(_ matrix: Matrix) {
    require(matrix.rows == matrix.columns, "a transition matrix must be square")
    require(matrix.elements.allSatisfy { $0 >= 0 }, "transition probabilities must be non-negative")
    self.matrix = matrix
    require(columnSumError <= 1e-9, "columns must sum to 1 (error \(columnSumError))")
  }

  /// The number of states.
  public var stateCount: Int { matrix.rows }

  /// `p(y ← x)`.
  public subscript(to y: Int, from x: Int) -> Double { matrix[y, x] }

  /// The largest `|Σ_y p(y ← x) − 1|` over columns.
  public var columnSumError: Double {
    (0..<stateCount).map { x in abs((0..<stateCount).reduce(0) { $0 + matrix[$1, x] } - 1) }.max() ?? 0
  }

  /// One step: `p⁽ᵗ⁺¹⁾(y) = Σ_x p(y ← x) p⁽ᵗ⁾(x)`.
  public func propagate(_ distribution: [Double]) -> [Double] {
    matrix * distribution
  }

  /// `p⁽⁰⁾, p⁽¹⁾, …, p⁽ˢᵗᵉᵖˢ⁾` from the initial distribution.
  public func distributions(from initial: [Double], steps: Int) -> [[Double]] {
    var result = [initial]
    for _ in 0..<steps { result.append(propagate(result[result.count - 1])) }
    return result
  }

  /// The stationary distribution: the solution of `P p = p` with `Σ p = 1`, by an LU solve of
  /// `(P − I)` with its last equation replaced by the normalisation.
  ///
  /// - Returns: `nil` when the system is singular, i.e. the chain has several closed classes
  ///   ("islands") and no unique stationary distribution.
  public func stationaryDistribution() -> [Double]? {
    let n = stateCount
    var system = matrix - Matrix.identity(n)
    for x in 0..<n { system[n - 1, x] = 1 }
    var rhs = Array(repeating: 0.0, count: n)
    rhs[n - 1] = 1
    guard let p = system.solve(rhs), p.allSatisfy({ $0.isFinite && $0 > -1e-9 }) else { return nil }
    return p
  }

  /// `max_{x,y} |p(y ← x) p(x) − p(x ← y) p(y)|`: zero (to rounding) iff detailed balance holds.
  public func detailedBalanceResidual(_ distribution: [Double]) -> Double {
    var worst = 0.0
    for x in 0..<stateCount {
      for y in 0..<stateCount {
        worst = max(worst, abs(matrix[y, x] * distribution[x] - matrix[x, y] * distribution[y]))
      }
    }
    return worst
  }

  /// `max_y |(P p)(y) − p(y)|`: zero (to rounding) iff `p` is stationary.
  public func stationarityResidual(_ distribution: [Double]) -> Double {
    zip(propagate(distribution), distribution).map { abs($0 - $1) }.max() ?? 0
  }

  /// The probability of leaving the current state in one step, at `distribution`:
  /// `Σ_x p(x) (1 − p(x ← x))`.
  public func moveRate(at distribution: [Double]) -> Double {
    (0..<stateCount).reduce(0) { $0 + distribution[$1] * (1 - matrix[$1, $1]) }
  }

  /// The eigenvalue moduli in decreasing order (the first is 1 for a stochastic matrix).
  public var eigenvalueModuli: [Double] {
    matrix.eigenvalues().map(\.magnitude).sorted(by: >)
  }

  /// The second-largest eigenvalue modulus `|λ₂|`.
  ///
  /// The distance to stationarity shrinks roughly like `|λ₂|ᵗ`; it is 1 for a chain with islands.
  public var secondEigenvalueModulus: Double {
    let moduli = eigenvalueModuli
    return moduli.count > 1 ? moduli[1] : 0
  }
}
