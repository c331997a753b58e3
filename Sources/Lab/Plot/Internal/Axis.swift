import Foundation

/// A data interval mapped onto a pixel interval, with its ticks.
struct Axis: Sendable {
  var scale: Figure.Scale
  /// The data interval shown; `low < high` always (degenerate input is widened).
  var low: Double
  var high: Double
  /// Pixel position of `low` and of `high` (for a y axis `start > end`).
  var start: Double = 0
  var end: Double = 1
  var ticks: [Tick] = []
  var minorTicks: [Double] = []

  /// The axis for the given data values: padded by `padding` of the span on each side,
  /// or exactly `range` when the caller fixed it.
  ///
  /// Non-finite values (and non-positive ones on a log axis) are ignored; no values, or all
  /// equal, give a small interval around the value instead of a zero-width one.
  init(
    scale: Figure.Scale, values: [Double], range: ClosedRange<Double>?, padding: Double = 0.04,
    includeZero: Bool = false
  ) {
    self.scale = scale
    var usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
    // `Lab` defines `+` on `[Double]` as vector addition, so arrays are joined with `append`.
    if includeZero && scale == .linear { usable.append(0) }
    var (low, high) = Axis.interval(scale: scale, usable)
    if let range, range.lowerBound.isFinite, range.upperBound.isFinite,
      range.upperBound > range.lowerBound, scale == .linear || range.lowerBound > 0
    {
      (low, high) = (range.lowerBound, range.upperBound)
    } else if scale == .log {
      // Padded in exponents: `high / low` overflows for ranges wider than ~308 decades.
      let pad = (log10(high) - log10(low)) * padding
      (low, high) = (
        max(pow(10, log10(low) - pad), Double.leastNormalMagnitude),
        min(pow(10, log10(high) + pad), Double.greatestFiniteMagnitude)
      )
    } else {
      let pad = (high - low) * padding
      (low, high) = (
        includeZero && low == 0 ? 0 : low - pad, includeZero && high == 0 ? 0 : high + pad
      )
    }
    self.low = low
    self.high = high
  }

  private static func interval(scale: Figure.Scale, _ values: [Double]) -> (Double, Double) {
    guard var low = values.min(), var high = values.max() else {
      return scale == .log ? (1, 10) : (0, 1)
    }
    if high <= low {
      if scale == .log {
        (low, high) = (low / 2, high * 2)
      } else {
        let half = low == 0 ? 1 : abs(low) * 0.1
        (low, high) = (low - half, high + half)
      }
    }
    return (low, high)
  }

  /// Computes ticks for the current interval, aiming at `target` labelled ticks.
  mutating func makeTicks(target: Int) {
    switch scale {
    case .linear:
      ticks = Ticks.linear(low, high, target: target)
    case .log:
      ticks = Ticks.logarithmic(low, high, target: target)
      let majors = Set(ticks.map(\.value))
      minorTicks =
        ticks.count >= 2 && ticks.allSatisfy({ isPowerOfTen($0.value) })
        ? Ticks.logarithmicMinor(low, high).filter { !majors.contains($0) } : []
    }
  }

  private func isPowerOfTen(_ value: Double) -> Bool {
    let exponent = log10(value)
    return abs(exponent - exponent.rounded()) < 1e-9
  }

  /// The pixel position of a data value, or `nil` for values the axis cannot show
  /// (NaN, ±∞, and values ≤ 0 on a log axis).
  func position(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    let fraction: Double
    switch scale {
    case .linear:
      fraction = (value - low) / (high - low)
    case .log:
      guard value > 0 else { return nil }
      fraction = (log10(value) - log10(low)) / (log10(high) - log10(low))
    }
    return start + fraction * (end - start)
  }

  /// The position of a value, clamped to the axis (for bar bases and reference lines).
  func clampedPosition(_ value: Double) -> Double {
    guard let position = position(value) else { return value > 0 ? end : start }
    let (a, b) = (min(start, end), max(start, end))
    return min(max(position, a - 1), b + 1)
  }

  func contains(_ value: Double) -> Bool {
    value >= low - (high - low) * 1e-9 && value <= high + (high - low) * 1e-9
  }
}
