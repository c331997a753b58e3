import Foundation
import Lab

extension CGMHSampler {
  /// Every sentence over ``candidates`` whose length lies in ``lengths``, shortest first.
  ///
  /// Sentences are listed whether or not they satisfy the keywords. Only for tiny
  /// vocabularies: the count is `Σ_l |candidates|^l`, capped at 100,000 by a precondition.
  public func allSentences() -> [[Int]] {
    let total = lengths.reduce(0.0) { $0 + pow(Double(candidates.count), Double($1)) }
    require(total <= 100_000, "too many sentences (\(Int(total))) to enumerate")
    var result: [[Int]] = []
    var frontier: [[Int]] = [[]]
    for length in 1...lengths.upperBound {
      frontier = frontier.flatMap { prefix in candidates.map { prefix + [$0] } }
      if lengths.contains(length) { result += frontier }
    }
    return result
  }

  /// The exact kernel on `states` checked against `ρ_τ`: the largest detailed-balance defect
  /// `|ρ_τ(x) P(y ← x) − ρ_τ(y) P(x ← y)|` and the largest stationarity defect
  /// `|Σ_x ρ_τ(x) P(y ← x) − ρ_τ(y)|`, with `ρ_τ = exp(log ρ_τ)` unnormalised.
  ///
  /// Both are 0 up to rounding (about 1e-16 for probabilities of order 1e-2) when `states`
  /// holds the whole support, e.g. ``allSentences()``.
  public func kernelDefects(over states: [[Int]], temperature: Double = 1)
    -> (detailedBalance: Double, stationarity: Double)
  {
    let rho = states.map { exp(logDensity($0, temperature: temperature)) }
    var rows: [[Int]: [[Int]: Double]] = [:]
    for (x, r) in zip(states, rho) where r > 0 {
      rows[x] = transitions(from: x, temperature: temperature)
    }
    var balance = 0.0
    var inflow = [[Int]: Double]()
    for (x, rx) in zip(states, rho) {
      for (y, probability) in rows[x] ?? [:] {
        let backward = rows[y]?[x] ?? 0
        let ry = exp(logDensity(y, temperature: temperature))
        balance = max(balance, abs(rx * probability - ry * backward))
        inflow[y, default: 0] += rx * probability
      }
    }
    let stationarity = zip(states, rho).map { abs((inflow[$0] ?? 0) - $1) }.max() ?? 0
    return (balance, stationarity)
  }
}
