import Foundation
import Lab

/// M ← M·A / ‖M·A‖_F for `steps` steps; returns the mean log growth per step (the top
/// Lyapunov exponent of the constant product), the same on both sides up to the seeds.
func matmulChain(size n: Int, steps: Int) -> String {
  var g = SeededGenerator(seed: 1)
  let a = Matrix.random(rows: n, columns: n, standardDeviation: 1 / Double(n).squareRoot(), using: &g)
  var m = Matrix.identity(n)
  var logGrowth = 0.0
  for _ in 0..<steps {
    m = m * a
    let scale = m.frobeniusNorm
    m /= scale
    logGrowth += log(scale)
  }
  return String(format: "%.4f", logGrowth / Double(steps))
}

/// The tanh-RNN tangent chain h ← tanh(U·h + x), J ← diag(1 − h²)·U·J, renormalising J
/// each step; returns the mean log growth of J (the top Lyapunov exponent).
func rnnJacobian(size n: Int, steps: Int) -> String {
  var g = SeededGenerator(seed: 2)
  let u = Matrix.random(rows: n, columns: n, standardDeviation: 1.5 / Double(n).squareRoot(), using: &g)
  var h = g.normals(n)
  var j = Matrix.identity(n)
  var logGrowth = 0.0
  for _ in 0..<steps {
    h = (u * h).adding(g.normals(n)).map(tanh)
    j = u.scalingRows(by: h.map { 1 - $0 * $0 }) * j
    let scale = j.frobeniusNorm
    j /= scale
    logGrowth += log(scale)
  }
  return String(format: "%.4f", logGrowth / Double(steps))
}

/// Random-walk Metropolis on the double-well density p(x) ∝ exp(−(x² − 4)²/8), modes at
/// ±2, proposals x + U(−3, 3); returns the acceptance rate and the fraction of time at x > 0.
func metropolis(steps: Int) -> String {
  var g = SeededGenerator(seed: 3)
  func logDensity(_ x: Double) -> Double {
    let well = x * x - 4
    return -well * well / 8
  }
  var x = 0.0
  var current = logDensity(x)
  var (accepted, positive) = (0, 0)
  for _ in 0..<steps {
    let proposal = x + 3 * (2 * g.uniform() - 1)
    let candidate = logDensity(proposal)
    let delta = candidate - current
    // Accept with probability min(1, e^Δ): a uniform is drawn only when Δ < 0.
    if delta >= 0 || log(g.uniform()) < delta {
      (x, current) = (proposal, candidate)
      accepted += 1
    }
    if x > 0 { positive += 1 }
  }
  return String(format: "%.2f/%.2f", Double(accepted) / Double(steps), Double(positive) / Double(steps))
}

/// The LCS length of two strings of `length` characters over a 4-letter alphabet,
/// generated from fixed seeds (the Python side builds the same strings from the same rule).
func lcs(length: Int) -> String {
  let (a, b) = (dnaString(length, seed: 4), dnaString(length, seed: 5))
  return String(Sequences.longestCommonSubsequenceLength(Array(a.utf8), Array(b.utf8)))
}

/// A deterministic ACGT string from a 64-bit linear congruential generator that Python
/// reproduces exactly (so both sides compare the same strings).
func dnaString(_ length: Int, seed: UInt64) -> String {
  let letters = Array("ACGT")
  var state = seed
  return String(
    (0..<length).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return letters[Int(state >> 62)]
    })
}
