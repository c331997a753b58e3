/// Compares two printed texts: the words exactly, the numbers within a tolerance.
public struct NumericComparison: Sendable, Hashable {
  /// How many numbers differed in their text but agreed within the tolerance.
  public private(set) var numbersWithinTolerance = 0
  /// The largest relative difference among the numbers that agreed.
  public private(set) var largestRelativeDifference = 0.0
  /// The first real difference, or `nil` when the texts agree.
  public private(set) var firstDifference: Difference?

  /// A real difference between the texts.
  public enum Difference: Sendable, Hashable {
    /// A number changed by more than the tolerance.
    case number(old: String, new: String)
    /// The words between numbers changed, or the count of numbers did.
    case text(old: String, new: String)
  }

  /// Whether the texts agree.
  public var agrees: Bool { firstDifference == nil }

  /// Compares `old` with `new`.
  public init(_ old: String, _ new: String, tolerance: NumericalTolerance) {
    let oldPieces = NumericText.pieces(of: old)
    let newPieces = NumericText.pieces(of: new)
    for (first, second) in zip(oldPieces, newPieces) {
      guard compare(first, second, tolerance: tolerance) else { return }
    }
    if oldPieces.count != newPieces.count {
      let extra = oldPieces.count > newPieces.count ? oldPieces[newPieces.count...] : newPieces[oldPieces.count...]
      let shown = Self.excerpt(extra.map(\.text).joined())
      firstDifference =
        oldPieces.count > newPieces.count ? .text(old: shown, new: "") : .text(old: "", new: shown)
    }
  }

  private mutating func compare(
    _ first: NumericText.Piece, _ second: NumericText.Piece, tolerance: NumericalTolerance
  ) -> Bool {
    switch (first, second) {
    case (.number(let old), .number(let new)):
      let agreement = tolerance.compare(old, new)
      if agreement == .identical { return true }
      guard agreement.agrees else {
        firstDifference = .number(old: old.text, new: new.text)
        return false
      }
      numbersWithinTolerance += 1
      let scale = max(abs(old.value), abs(new.value))
      if scale > 0 { largestRelativeDifference = max(largestRelativeDifference, abs(old.value - new.value) / scale) }
      return true
    case (.text(let old), .text(let new)) where old == new:
      return true
    default:
      firstDifference = .text(old: Self.excerpt(first.text), new: Self.excerpt(second.text))
      return false
    }
  }

  private static func excerpt(_ text: String) -> String {
    text.count > 120 ? String(text.prefix(117)) + "…" : text
  }
}

extension NumericText.Piece {
  /// The piece's characters.
  public var text: String {
    switch self {
    case .text(let text): return text
    case .number(let number): return number.text
    }
  }
}
