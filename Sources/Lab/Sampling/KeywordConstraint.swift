/// The keyword constraint `χ(x, c)`: 1 when the sentence `x` contains every keyword of `c`.
///
/// A keyword is a single token; repeated keywords count once.
public struct KeywordConstraint: Sendable, Hashable {
  /// The required tokens.
  public let keywords: Set<Int>

  /// Creates the constraint for the given keyword tokens.
  public init(keywords: some Sequence<Int>) {
    self.keywords = Set(keywords)
  }

  /// Whether `sentence` contains every keyword: `χ = 1`.
  public func isSatisfied(by sentence: some Sequence<Int>) -> Bool {
    var missing = keywords
    for token in sentence {
      missing.remove(token)
      if missing.isEmpty { return true }
    }
    return missing.isEmpty
  }

  /// `χ(x, c)` as a number, 1 or 0.
  public func indicator(_ sentence: some Sequence<Int>) -> Double {
    isSatisfied(by: sentence) ? 1 : 0
  }
}
