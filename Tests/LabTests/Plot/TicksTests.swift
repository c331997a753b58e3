import Foundation
import Testing

@testable import Lab

@Suite struct TicksTests {
  @Test func coordinatesAreRoundedToHundredthsWithoutLocale() {
    #expect(PlotNumber.coordinate(12.5) == "12.5")
    #expect(PlotNumber.coordinate(3) == "3")
    #expect(PlotNumber.coordinate(0.07) == "0.07")
    #expect(PlotNumber.coordinate(-2.004) == "-2")
    #expect(PlotNumber.coordinate(-0.001) == "0")
    #expect(PlotNumber.coordinate(1234.567) == "1234.57")
  }

  @Test func linearTicksAreOneTwoFiveMultiples() {
    #expect(Ticks.linear(0, 1, target: 5).map(\.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    #expect(Ticks.linear(-3.2, 3.2, target: 6).map(\.value) == [-3, -2, -1, 0, 1, 2, 3])
    for (low, high) in [(0.0013, 0.0071), (-7e6, 2e6), (17.0, 18.0), (-1.0, 1e-12)] {
      let ticks = Ticks.linear(low, high, target: 5)
      #expect(ticks.count >= 2, "\(low)…\(high)")
      let step = ticks[1].value - ticks[0].value
      let mantissa = step / pow(10, log10(step).rounded(.down))
      #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(step)")
      #expect(ticks.allSatisfy { $0.value >= low - 1e-12 && $0.value <= high + 1e-12 })
    }
  }

  @Test func negativeLabelsUseTheMinusSign() {
    #expect(Ticks.linear(-2, 2, target: 4).first?.label == "−2")
  }

  @Test func largeValuesShareAPowerOfTen() {
    #expect(
      Ticks.linear(0, 4e6, target: 4).map(\.label) == ["0", "1×10⁶", "2×10⁶", "3×10⁶", "4×10⁶"])
  }

  @Test func logTicksArePowersOfTen() {
    for (low, high) in [(1e-3, 1e4), (2e-12, 5e-2), (0.5, 2000.0), (1.0, 1e30)] {
      let ticks = Ticks.logarithmic(low, high)
      #expect(ticks.count >= 2)
      for tick in ticks {
        let exponent = log10(tick.value)
        #expect(abs(exponent - exponent.rounded()) < 1e-12, "\(tick.value) is not a power of ten")
      }
    }
    #expect(Ticks.logarithmic(1e-3, 10).map(\.label) == ["0.001", "0.01", "0.1", "1", "10"])
    #expect(Ticks.logarithmic(1e-9, 1e-6).map(\.label) == ["10⁻⁹", "10⁻⁸", "10⁻⁷", "10⁻⁶"])
  }

  @Test func narrowLogRangesFallBackToOneTwoFive() {
    #expect(Ticks.logarithmic(1.5, 60).map(\.value) == [2, 5, 10, 20, 50])
  }
}
