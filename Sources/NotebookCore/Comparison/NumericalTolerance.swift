/// How far two printed numbers may differ and still count as the same result.
///
/// Two numbers agree when they differ by at most `relative` times the larger magnitude, or —
/// for numbers printed with a fractional part or an exponent — by at most one unit in the last
/// digit either of them shows. A value rounded for printing can flip its last digit when the
/// bits beneath change, and that is not a different result; a count (an integer) has no such
/// allowance, so `56` against `57` always differs.
public struct NumericalTolerance: Sendable, Hashable {
  /// The relative tolerance.
  public var relative: Double

  /// A tolerance of `relative`.
  public init(relative: Double) { self.relative = relative }

  /// The tolerance `notebook check` uses unless a notebook or cell sets its own: 1e-9.
  public static let `default` = NumericalTolerance(relative: 1e-9)

  /// Reads a relative tolerance written in a notebook: a number from 0 to 1.
  public static func parse(_ text: String) -> Double? {
    guard let value = Double(text), value >= 0, value <= 1 else { return nil }
    return value
  }

  /// How two printed numbers compare.
  public func compare(_ first: PrintedNumber, _ second: PrintedNumber) -> Agreement {
    if first.text == second.text { return .identical }
    let difference = abs(first.value - second.value)
    let scale = max(abs(first.value), abs(second.value))
    if difference <= relative * scale || (first.value.isNaN && second.value.isNaN) { return .withinTolerance }
    let steps = [first.lastDigitStep, second.lastDigitStep].compactMap { $0 }
    if let step = steps.max(), difference <= step * (1 + 1e-9) { return .lastDigit }
    return .different
  }

  /// The outcome of comparing two printed numbers.
  public enum Agreement: Sendable, Hashable {
    /// The same text.
    case identical
    /// Different text within the relative tolerance.
    case withinTolerance
    /// Different by one unit in the last digit shown.
    case lastDigit
    /// A real difference.
    case different

    /// Whether the numbers count as the same result.
    public var agrees: Bool { self != .different }
  }
}
