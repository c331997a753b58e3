import Foundation

/// Central finite differences, for checking analytic derivatives.
///
/// With step h the truncation error is O(h²) and the rounding error O(ε/h), so the
/// default step h = ε^(1/3)·max(1, |x|) ≈ 6·10⁻⁶·max(1, |x|) balances them: expect
/// about 10⁻¹⁰ relative accuracy for smooth functions of order-one scale, worse
/// where third derivatives are large or the function is noisy.
public enum FiniteDifference {
  /// The default step at `x`: ε^(1/3)·max(1, |x|), rounded so that x ± h is exact
  /// relative to x.
  public static func defaultStep(at x: Double) -> Double {
    let h = pow(Double.ulpOfOne, 1.0 / 3.0) * Swift.max(1, abs(x))
    return (x + h) - x
  }

  /// f′(x) ≈ (f(x + h) − f(x − h)) / 2h.
  public static func derivative(
    of f: (Double) -> Double, at x: Double, step: Double? = nil
  ) -> Double {
    let h = step ?? defaultStep(at: x)
    require(h > 0, "step must be positive, got \(h)")
    return (f(x + h) - f(x - h)) / (2 * h)
  }

  /// The gradient ∇f(x), one central difference per coordinate (2n evaluations).
  ///
  /// With a `step`, every coordinate uses it; otherwise coordinate i uses
  /// ``defaultStep(at:)`` of xᵢ.
  public static func gradient(
    of f: ([Double]) -> Double, at x: [Double], step: Double? = nil
  ) -> [Double] {
    x.indices.map { i in
      derivative(of: { f(replacing(x, at: i, with: $0)) }, at: x[i], step: step)
    }
  }

  /// The Jacobian of f: ℝⁿ → ℝᵐ at x, an m×n matrix with entry (i, j) = ∂fᵢ/∂xⱼ.
  ///
  /// 2n evaluations; steps as in ``gradient(of:at:step:)``.
  public static func jacobian(
    of f: ([Double]) -> [Double], at x: [Double], step: Double? = nil
  ) -> Matrix {
    var columns: [[Double]] = []
    for j in x.indices {
      let h = step ?? defaultStep(at: x[j])
      require(h > 0, "step must be positive, got \(h)")
      let plus = f(replacing(x, at: j, with: x[j] + h))
      let minus = f(replacing(x, at: j, with: x[j] - h))
      require(plus.count == minus.count, "f returned vectors of different lengths")
      columns.append(zip(plus, minus).map { ($0 - $1) / (2 * h) })
    }
    let m = columns.first?.count ?? 0
    return Matrix(rows: m, columns: x.count) { i, j in columns[j][i] }
  }

  /// The Hessian of f at x, by central differences of central differences.
  ///
  /// 4n² evaluations, symmetrised. The default step is ε^(1/4)·max(1, |xᵢ|); expect ~10⁻⁷ relative accuracy.
  public static func hessian(
    of f: ([Double]) -> Double, at x: [Double], step: Double? = nil
  ) -> Matrix {
    let steps = x.map { step ?? pow(Double.ulpOfOne, 0.25) * Swift.max(1, abs($0)) }
    func value(_ i: Int, _ si: Double, _ j: Int, _ sj: Double) -> Double {
      var point = x
      point[i] += si * steps[i]
      point[j] += sj * steps[j]
      return f(point)
    }
    var h = Matrix(rows: x.count, columns: x.count)
    for i in x.indices {
      for j in i..<x.count {
        let d = value(i, 1, j, 1) - value(i, 1, j, -1) - value(i, -1, j, 1) + value(i, -1, j, -1)
        h[i, j] = d / (4 * steps[i] * steps[j])
        h[j, i] = h[i, j]
      }
    }
    return h
  }

  private static func replacing(_ x: [Double], at index: Int, with value: Double) -> [Double] {
    var copy = x
    copy[index] = value
    return copy
  }
}
