/// Elementary functions computed from IEEE-754 arithmetic alone, so that they give the same
/// bits on every machine.
///
/// glibc picks between FMA and plain variants of `exp`, `log`, `cos`, `tanh`, … from the CPU
/// when a program loads, and the variants differ in the last bit for some arguments. That is
/// harmless for most computations and decisive for chaotic ones, where a last-bit difference
/// grows into the second digit. These versions use only `+`, `−`, `×`, `÷` and exact
/// scaling by powers of two, in a fixed order: the same inputs give the same outputs on any
/// IEEE-754 machine. Against glibc over a million random arguments they differ by at most
/// 1 ulp (`exp`), 3 ulp (`log`) and 5 ulp (`tanh`); `cosOfTurns(u)` is more accurate than
/// `cos(2 * .pi * u)`, which rounds its argument first. They are a few times slower than glibc's.
public enum PortableMath {
  private static let ln2High = 6.93147180369123816490e-01  // ln 2 with the low 32 bits zero
  private static let ln2Low = 1.90821492927058770002e-10  // ln 2 − ln2High

  /// eˣ. Overflows to `+∞` above 709.78 and underflows to 0 below −745.13.
  public static func exp(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x > 709.782712893384 { return .infinity }
    if x < -745.1332191019412 { return 0 }
    let k = (x * 1.4426950408889634).rounded()
    let r = (x - k * ln2High) - k * ln2Low
    return scaled(taylorExp(r), byPowerOfTwo: Int(k))
  }

  /// The natural logarithm; `−∞` at 0 and NaN below it.
  public static func log(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x.isInfinite { return x }
    var exponent = Double(x.exponent)
    var m = x.significand  // in [1, 2)
    if m > 1.4142135623730951 {
      m /= 2
      exponent += 1
    }
    // log m = 2·atanh(f) with f = (m − 1)/(m + 1), |f| ≤ 0.1716.
    let f = (m - 1) / (m + 1)
    let s = f * f
    var series = 1.0 / 23
    for n in stride(from: 21, through: 1, by: -2) { series = series * s + 1 / Double(n) }
    return exponent * ln2High + (2 * f * series + exponent * ln2Low)
  }

  /// cos(2πu), with the reduction done exactly in `u`, as the Box–Muller transform needs it.
  public static func cosOfTurns(_ u: Double) -> Double {
    let quadrant = (u * 4).rounded()
    let angle = (u - quadrant / 4) * (2 * Double.pi)  // in [−π/4, π/4]
    switch Int(quadrant.truncatingRemainder(dividingBy: 4) + 4) % 4 {
    case 0: return taylorCos(angle)
    case 1: return -taylorSin(angle)
    case 2: return -taylorCos(angle)
    default: return taylorSin(angle)
    }
  }

  /// The hyperbolic tangent.
  public static func tanh(_ x: Double) -> Double {
    if x.isNaN { return x }
    let magnitude = Swift.abs(x)
    if magnitude > 22 { return x > 0 ? 1 : -1 }
    let t = expm1(2 * magnitude)
    let value = t / (t + 2)
    return x < 0 ? -value : value
  }

  /// eˣ − 1 without cancellation near 0.
  private static func expm1(_ x: Double) -> Double {
    guard Swift.abs(x) < 0.34657359 else { return exp(x) - 1 }
    var term = x
    var sum = x
    for n in 2...18 {
      term *= x / Double(n)
      sum += term
    }
    return sum
  }

  /// eʳ for |r| ≤ ln 2 / 2, by its Taylor series to degree 14.
  private static func taylorExp(_ r: Double) -> Double {
    var sum = 1.0
    for n in stride(from: 14, through: 1, by: -1) { sum = 1 + sum * r / Double(n) }
    return sum
  }

  private static func taylorSin(_ a: Double) -> Double {
    let s = a * a
    var sum = 1.0
    for n in stride(from: 19, through: 3, by: -2) { sum = 1 - sum * s / Double(n * (n - 1)) }
    return a * sum
  }

  private static func taylorCos(_ a: Double) -> Double {
    let s = a * a
    var sum = 1.0
    for n in stride(from: 20, through: 2, by: -2) { sum = 1 - sum * s / Double(n * (n - 1)) }
    return sum
  }

  /// `value`·2ᵏ, exactly unless the result is subnormal.
  private static func scaled(_ value: Double, byPowerOfTwo k: Int) -> Double {
    // Two steps, so that 2^k itself never overflows or underflows for the ks exp produces.
    let half = k / 2
    return value * Double(sign: .plus, exponent: half, significand: 1)
      * Double(sign: .plus, exponent: k - half, significand: 1)
  }
}
