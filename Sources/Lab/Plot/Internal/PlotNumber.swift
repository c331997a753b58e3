import Foundation

/// Locale-free number formatting for SVG coordinates and axis labels.
///
/// Everything goes through integer arithmetic so the bytes never depend on the
/// platform's `printf` or the current locale.
enum PlotNumber {
  /// A coordinate rounded to 0.01 and printed without trailing zeros: `12.5`, `-3`, `0.07`.
  static func coordinate(_ value: Double) -> String {
    fixed(min(max(value, -1e9), 1e9), decimals: 2, minus: "-", trimZeros: true)
  }

  /// Formats `value` with exactly `decimals` digits after the point, or fewer with `trimZeros`.
  ///
  /// For example `fixed(2.5, decimals: 2) == "2.50"`.
  static func fixed(_ value: Double, decimals: Int, minus: String = "−", trimZeros: Bool = false)
    -> String
  {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : minus + "∞") }
    let decimals = min(max(decimals, 0), 12)
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return scientific(value, digits: 3, minus: minus) }
    let integer = UInt64(scaled)
    if integer == 0 { return "0" }
    var digits = String(integer)
    if decimals > 0 {
      if digits.count <= decimals {
        digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
      if trimZeros {
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.hasSuffix(".") { digits.removeLast() }
      }
    }
    return (value < 0 ? minus : "") + digits
  }

  /// A short human-readable number with about `digits` significant digits: `0.0123`, `4.56e-7`.
  static func short(_ value: Double, digits: Int = 4, minus: String = "-") -> String {
    guard value.isFinite, value != 0 else { return fixed(value, decimals: 0, minus: minus) }
    let exponent = Int((log10(abs(value))).rounded(.down))
    if exponent >= -4 && exponent < 6 {
      return fixed(value, decimals: max(0, digits - 1 - exponent), minus: minus, trimZeros: true)
    }
    return scientific(value, digits: digits, minus: minus)
  }

  /// `m e k` notation with ASCII `e`: `1.5e-7`.
  static func scientific(_ value: Double, digits: Int, minus: String) -> String {
    var exponent = Int((log10(abs(value))).rounded(.down))
    var mantissa = value / power(exponent)
    if abs(mantissa) >= 9.9995 {
      exponent += 1
      mantissa /= 10
    }
    let head = fixed(mantissa, decimals: max(0, digits - 1), minus: minus, trimZeros: true)
    return head + "e" + (exponent < 0 ? minus : "") + String(abs(exponent))
  }

  /// `10` followed by the exponent in superscript digits: `10⁻³`.
  static func powerOfTen(_ exponent: Int) -> String {
    let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let digits = String(abs(exponent)).compactMap { $0.wholeNumberValue.map { superscripts[$0] } }
    return "10" + (exponent < 0 ? "⁻" : "") + String(digits)
  }

  /// Exact-as-possible `10^exponent` (repeated multiplication is exact up to 10^22).
  static func power(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}

extension PlotNumber {
  /// A scale factor with 5 decimals (0.01 would distort large unit-cell grids).
  static func scale(_ value: Double) -> String {
    fixed(value, decimals: 5, minus: "-", trimZeros: true)
  }

  /// `translate(x y) scale(sx sy)`, for drawing in a unit-cell coordinate system.
  static func transform(x: Double, y: Double, scaleX: Double, scaleY: Double) -> String {
    "translate(\(coordinate(x)) \(coordinate(y))) scale(\(scale(scaleX)) \(scale(scaleY)))"
  }
}
