import NotebookCore
import Testing

@Suite struct NumericComparisonTests {
  private func compare(_ old: String, _ new: String, relative: Double = 1e-9) -> NumericComparison {
    NumericComparison(old, new, tolerance: NumericalTolerance(relative: relative))
  }

  @Test func aLastDigitChangePassesAndIsCounted() {
    let comparison = compare("λ = 0.8423 at g = 1.5", "λ = 0.8424 at g = 1.5")
    #expect(comparison.agrees)
    #expect(comparison.numbersWithinTolerance == 1)
    #expect(comparison.largestRelativeDifference > 1e-4)
  }

  @Test func aChangedWordFails() {
    let comparison = compare("the tanh chain decays", "the tanh chain grows")
    #expect(comparison.firstDifference == .text(old: "the tanh chain decays", new: "the tanh chain grows"))
  }

  @Test func aOnePercentChangeFailsAtTheDefaultTolerance() {
    #expect(compare("x = 1.000", "x = 1.010").firstDifference == .number(old: "1.000", new: "1.010"))
    #expect(compare("TV = 3.34e-15", "TV = 2.97e-15").firstDifference == .number(old: "3.34e-15", new: "2.97e-15"))
  }

  @Test func aOnePercentChangePassesAtALooserTolerance() {
    #expect(compare("x = 1.000", "x = 1.010", relative: 0.02).agrees)
  }

  @Test func fullPrecisionRoundingNoisePassesTheRelativeTolerance() {
    let comparison = compare("-0.21414495865914013", "-0.21414495865914068")
    #expect(comparison.agrees)
    #expect(comparison.largestRelativeDifference < 1e-14)
  }

  @Test func integersHaveNoLastDigitAllowance() {
    #expect(!compare("56 of 57 checks", "57 of 57 checks").agrees)
  }

  @Test func digitsInsideWordsAreComparedAsText() {
    #expect(!compare("x86 and h2", "x87 and h2").agrees)
    #expect(!compare("hash a3f91", "hash a3f92").agrees)
  }

  @Test func anExtraNumberIsADifference() {
    #expect(!compare("values 1.5 2.5", "values 1.5 2.5 3.5").agrees)
  }

  @Test func svgCoordinatesFollowTheSameRule() {
    let old = "<polyline points=\"10.25,20.50 30.75,40.00\"/>"
    #expect(compare(old, "<polyline points=\"10.26,20.50 30.75,40.00\"/>").agrees)
    #expect(!compare(old, "<polyline points=\"10.45,20.50 30.75,40.00\"/>").agrees)
  }
}

@Suite struct NumericTextTests {
  @Test func piecesJoinBackToTheText() {
    let text = "fig-1: λ = −0.0388 ± 2.5e-3, x86-64, 1,024 steps, v6.3.1"
    #expect(NumericText.pieces(of: text).map(\.text).joined() == text)
  }

  @Test func numbersKeepTheirSignExponentAndLastDigit() {
    let numbers = NumericText.pieces(of: "a −0.0388 and 3.34e-15 and +7").compactMap { piece -> PrintedNumber? in
      if case .number(let number) = piece { return number } else { return nil }
    }
    #expect(numbers.map(\.value) == [-0.0388, 3.34e-15, 7])
    #expect(numbers[0].lastDigitStep == 1e-4)
    #expect(numbers[1].lastDigitStep.map { abs($0 - 1e-17) < 1e-30 } == true)
    #expect(numbers[2].lastDigitStep == nil)
  }

  @Test func aHyphenAfterAWordIsNotASign() {
    let pieces = NumericText.pieces(of: "cell-2")
    #expect(pieces == [.text("cell-"), .number(PrintedNumber(text: "2", value: 2, lastDigitStep: nil))])
  }
}

@Suite struct DigitChangesTests {
  @Test func everyChangedNumberIsListed() {
    let changes = DigitChanges.between("λ = 0.0388, 0.2971, 1.5", "λ = 0.0431, 0.2961, 1.5")
    #expect(changes == [.number(old: "0.0388", new: "0.0431"), .number(old: "0.2971", new: "0.2961")])
  }

  @Test func identicalTextHasNoChanges() {
    #expect(DigitChanges.between("a 1.5", "a 1.5").isEmpty)
  }

  @Test func aChangeOfWordsStopsTheComparison() {
    #expect(DigitChanges.between("held 1.5 then 2", "failed 1.5 then 3") == [.text(old: "held ", new: "failed ")])
  }
}
