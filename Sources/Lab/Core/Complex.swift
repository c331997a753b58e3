import Foundation

/// A complex number with `Double` parts, as returned by ``Matrix/eigenvalues()``.
///
/// Only what eigenvalue work needs: parts, modulus and argument. Not an arithmetic type.
public struct Complex: Sendable, Hashable {
  /// The real part.
  public var real: Double
  /// The imaginary part.
  public var imaginary: Double

  /// Creates `real + imaginary·i`.
  public init(_ real: Double, _ imaginary: Double = 0) {
    self.real = real
    self.imaginary = imaginary
  }

  /// The modulus √(re² + im²), computed without intermediate overflow or underflow
  /// (scaled like `hypot`); `+∞` if either part is infinite, NaN if a part is NaN and neither is infinite.
  public var magnitude: Double {
    let a = abs(real)
    let b = abs(imaginary)
    if a.isInfinite || b.isInfinite { return .infinity }
    let big = Swift.max(a, b)
    let small = Swift.min(a, b)
    guard big > 0 else { return a + b }  // zero, or NaN propagates
    let ratio = small / big
    return big * (1 + ratio * ratio).squareRoot()
  }

  /// The argument in (−π, π], by `atan2(imaginary, real)`.
  public var phase: Double { atan2(imaginary, real) }

  /// Whether the imaginary part is exactly zero.
  public var isReal: Bool { imaginary == 0 }
}

extension Complex: CustomStringConvertible {
  /// `a+bi` with Swift's shortest round-tripping digits.
  public var description: String {
    imaginary < 0 ? "\(real)-\(-imaginary)i" : "\(real)+\(imaginary)i"
  }
}
