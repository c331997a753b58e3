import Foundation
import Lab

extension TransitionMatrix {
  /// A random dense transition matrix: each column drawn from a symmetric Dirichlet.
  public static func random(
    states: Int, concentration: Double = 1, using generator: inout SeededGenerator
  ) -> TransitionMatrix {
    let columns = (0..<states).map { _ in
      generator.dirichlet(Array(repeating: concentration, count: states))
    }
    return TransitionMatrix(Matrix(rows: states, columns: states) { y, x in columns[x][y] })
  }

  /// Metropolis's acceptance `α(y ← x) = q(x ← y) p(y)`, as a matrix `[y, x]`.
  ///
  /// In [0, 1] only when `p` is normalised; it satisfies `α(y←x) q(y←x) p(x) = α(x←y) q(x←y) p(y)`.
  public static func metropolisAcceptance(target p: [Double], proposal q: TransitionMatrix) -> Matrix {
    Matrix(rows: p.count, columns: p.count) { y, x in q[to: x, from: y] * p[y] }
  }

  /// The Metropolis–Hastings acceptance as a matrix `[y, x]`.
  ///
  /// `A(y ← x) = min(1, q(x ← y) ρ(y) / (q(y ← x) ρ(x)))`; `ρ` may be unnormalised. The entry
  /// is 0 where both `q(y ← x) ρ(x)` and the numerator are 0.
  public static func metropolisHastingsAcceptance(target rho: [Double], proposal q: TransitionMatrix)
    -> Matrix
  {
    Matrix(rows: rho.count, columns: rho.count) { y, x in
      let forward = q[to: y, from: x] * rho[x]
      let backward = q[to: x, from: y] * rho[y]
      return forward > 0 ? min(1, backward / forward) : (backward > 0 ? 1 : 0)
    }
  }

  /// The kernel `p(y ← x) = q̃(y ← x) + (1 − Σ_y' q̃(y' ← x)) δ(y, x)` with
  /// `q̃ = acceptance ⊙ q`: the leftover mass of each column goes to "stay put", which keeps
  /// detailed balance whenever `q̃` satisfies it.
  ///
  /// `acceptance` must lie in [0, 1].
  public static func fillingDiagonal(proposal q: TransitionMatrix, acceptance: Matrix)
    -> TransitionMatrix
  {
    let n = q.stateCount
    var kernel = Matrix(rows: n, columns: n) { y, x in y == x ? 0 : acceptance[y, x] * q[to: y, from: x] }
    for x in 0..<n {
      let moved = (0..<n).reduce(0) { $0 + kernel[$1, x] }
      kernel[x, x] = 1 - moved
    }
    return TransitionMatrix(kernel)
  }

  /// Metropolis (1953) with the diagonal fill; needs the normalised target `p`.
  public static func metropolis(target p: [Double], proposal q: TransitionMatrix) -> TransitionMatrix {
    fillingDiagonal(proposal: q, acceptance: metropolisAcceptance(target: p, proposal: q))
  }

  /// Metropolis–Hastings with the diagonal fill; `ρ` may be unnormalised.
  public static func metropolisHastings(target rho: [Double], proposal q: TransitionMatrix)
    -> TransitionMatrix
  {
    fillingDiagonal(proposal: q, acceptance: metropolisHastingsAcceptance(target: rho, proposal: q))
  }

  /// The tempting but wrong construction, for comparison.
  ///
  /// Each column of `q̃ = α ⊙ q` (diagonal included) is normalised instead of filling the
  /// diagonal. Its stationary distribution is in general not `p`.
  public static func renormalised(target p: [Double], proposal q: TransitionMatrix) -> TransitionMatrix {
    let tilde = metropolisAcceptance(target: p, proposal: q)
    let n = p.count
    var kernel = Matrix(rows: n, columns: n) { y, x in tilde[y, x] * q[to: y, from: x] }
    for x in 0..<n {
      let total = (0..<n).reduce(0) { $0 + kernel[$1, x] }
      for y in 0..<n { kernel[y, x] /= total }
    }
    return TransitionMatrix(kernel)
  }
}
