import Foundation

/// One labelled position on an axis, in data units.
struct Tick: Equatable, Sendable {
  var value: Double
  var label: String
}

/// "Nice" tick positions: multiples of 1, 2 or 5 times a power of ten, and decades on log axes.
enum Ticks {
  /// Linear ticks covering `low...high` with about `target` intervals.
  ///
  /// Labels share one number of decimals, chosen from the step, so `0.5, 1.0, 1.5` never
  /// mixes with `1`; very large or small values use a common `×10ⁿ` suffix.
  /// At least two ticks are returned whenever `high > low` (the target is raised until so).
  static func linear(_ low: Double, _ high: Double, target: Int = 5) -> [Tick] {
    guard low.isFinite, high.isFinite, high > low else { return [] }
    var ticks: [Tick] = []
    for attempt in max(target, 1)...max(target, 1) + 8 {
      ticks = linear(low, high, intervals: attempt)
      if ticks.count >= 2 { break }
    }
    return ticks
  }

  private static func linear(_ low: Double, _ high: Double, intervals: Int) -> [Tick] {
    let step = niceStep((high - low) / Double(intervals))
    let first = (low / step - 1e-9).rounded(.up)
    let last = (high / step + 1e-9).rounded(.down)
    guard last - first < 1000 else { return [] }
    let values = stride(from: first, through: last, by: 1).map { $0 * step }
    return label(values, step: step)
  }

  /// The 1, 2 or 5 × 10ᵏ nearest to `raw` (on a log scale).
  static func niceStep(_ raw: Double) -> Double {
    let exponent = Int(log10(raw).rounded(.down))
    let magnitude = PlotNumber.power(exponent)
    let residual = raw / magnitude
    let factor: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
    return factor * magnitude
  }

  static func label(_ values: [Double], step: Double) -> [Tick] {
    let stepExponent = Int(log10(step).rounded(.down))
    let largest = values.map(abs).max() ?? 0
    if largest >= 1e5 || (largest < 1e-3 && largest > 0) {
      let exponent = Int(log10(largest).rounded(.down))
      let scale = PlotNumber.power(exponent)
      let decimals = max(0, exponent - stepExponent)
      return values.map { value in
        let mantissa = abs(value) < step / 2 ? 0 : value / scale
        let text = PlotNumber.fixed(mantissa, decimals: decimals)
        return Tick(
          value: value, label: text == "0" ? "0" : text + "×" + PlotNumber.powerOfTen(exponent))
      }
    }
    let decimals = max(0, -stepExponent)
    return values.map { value in
      Tick(
        value: value, label: PlotNumber.fixed(abs(value) < step / 2 ? 0 : value, decimals: decimals)
      )
    }
  }

  /// Log-axis ticks for positive `low...high`: decades when the range spans at least two,
  /// else 1-2-5 multiples, else linear ticks.
  static func logarithmic(_ low: Double, _ high: Double, target: Int = 5) -> [Tick] {
    guard low > 0, high > low, low.isFinite, high.isFinite else { return [] }
    let lowExponent = Int((log10(low) - 1e-9).rounded(.up))
    let highExponent = Int((log10(high) + 1e-9).rounded(.down))
    let decades = highExponent - lowExponent + 1
    if decades >= 2 {
      let stride = max(1, Int((Double(decades - 1) / Double(max(target, 1))).rounded(.up)))
      let first = Int((Double(lowExponent) / Double(stride)).rounded(.up)) * stride
      let exponents = Swift.stride(from: first, through: highExponent, by: stride).map { $0 }
      let plain = exponents.allSatisfy { (-3...4).contains($0) }
      return exponents.map { exponent in
        let value = PlotNumber.power(exponent)
        let label =
          plain
          ? PlotNumber.fixed(value, decimals: max(0, -exponent)) : PlotNumber.powerOfTen(exponent)
        return Tick(value: value, label: label)
      }
    }
    for multiples in [[1.0, 2, 5], [1.0, 2, 3, 4, 5, 6, 7, 8, 9]] {
      let ticks = multiplesOfPowers(multiples, low, high)
      if ticks.count >= 3 || (ticks.count >= 2 && multiples.count > 3) { return ticks }
    }
    return linear(low, high, target: target)
  }

  /// Minor ticks of a log axis: 2…9 × 10ᵏ inside the range, when it spans few decades.
  static func logarithmicMinor(_ low: Double, _ high: Double) -> [Double] {
    guard low > 0, high > low, log10(high) - log10(low) <= 6 else { return [] }
    var values: [Double] = []
    for exponent in Int(log10(low).rounded(.down))...Int(log10(high).rounded(.up)) {
      for multiple in 2...9 {
        let value = Double(multiple) * PlotNumber.power(exponent)
        if value >= low && value <= high { values.append(value) }
      }
    }
    return values
  }

  private static func multiplesOfPowers(_ multiples: [Double], _ low: Double, _ high: Double)
    -> [Tick]
  {
    var ticks: [Tick] = []
    for exponent in Int(log10(low).rounded(.down))...Int(log10(high).rounded(.up)) {
      for multiple in multiples {
        let value = multiple * PlotNumber.power(exponent)
        guard value >= low * (1 - 1e-9), value <= high * (1 + 1e-9) else { continue }
        ticks.append(Tick(value: value, label: PlotNumber.short(value, digits: 3, minus: "−")))
      }
    }
    return ticks
  }
}
