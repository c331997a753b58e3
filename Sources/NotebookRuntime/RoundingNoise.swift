import Foundation

/// A quantity that is zero up to rounding, as a page should show it.
///
/// Residuals of identities and distances between things that are equal in exact arithmetic
/// come out as 3e-16 on one machine and 9e-16 on another: their digits are noise. Below
/// `bound` this returns `"below 1e-14"` (the bound to one digit); above it, the value with
/// three significant digits, since then it is a result.
///
/// - Parameters:
///   - value: The quantity; its sign is ignored below the bound.
///   - bound: The level under which digits mean nothing, such as `1e-14`.
public func roundingNoise(_ value: Double, below bound: Double) -> String {
  if abs(value) < bound { return "below " + String(format: "%.0e", bound) }
  return String(format: "%.3g", value)
}
