/// The shown digits that differ between two printings of the same output.
public enum DigitChanges {
  /// One difference.
  public enum Change: Sendable, Hashable {
    /// A number printed with other digits.
    case number(old: String, new: String)
    /// Words changed, or the count of numbers did; nothing after it is compared.
    case text(old: String, new: String)
  }

  /// Every number of `old` whose text differs in `new`, in order, up to the first change of words.
  public static func between(_ old: String, _ new: String) -> [Change] {
    guard old != new else { return [] }
    let oldPieces = NumericText.pieces(of: old)
    let newPieces = NumericText.pieces(of: new)
    var changes: [Change] = []
    for (first, second) in zip(oldPieces, newPieces) where first != second {
      guard case .number(let a) = first, case .number(let b) = second else {
        return changes + [.text(old: excerpt(first.text), new: excerpt(second.text))]
      }
      if a.text != b.text { changes.append(.number(old: a.text, new: b.text)) }
    }
    if oldPieces.count != newPieces.count {
      changes.append(.text(old: "\(oldPieces.count) pieces", new: "\(newPieces.count) pieces"))
    }
    return changes
  }

  private static func excerpt(_ text: String) -> String {
    text.count > 80 ? String(text.prefix(77)) + "…" : text
  }
}
