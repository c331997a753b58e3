import Foundation

/// The naive way to make an autoregressive model emit a keyword: sample normally and, if the
/// keyword has not appeared by the last position, force it there.
///
/// It always satisfies the constraint but does not sample `p(x | keyword)`: sequences whose
/// only keyword is forced at the end are over-weighted. ``probabilities(in:)`` gives the exact
/// law of the procedure so the bias can be measured.
public struct ForcedKeywordDecoder<Model: LanguageModel>: Sendable {
  /// The unconstrained model (fixed-length).
  public let model: Model
  /// The token that must appear.
  public let keyword: Int
  /// The sequence length.
  public let length: Int

  /// Creates the decoder.
  public init(model: Model, keyword: Int, length: Int) {
    require(length >= 1, "length must be at least 1")
    self.model = model
    self.keyword = keyword
    self.length = length
  }

  /// One draw of the procedure.
  public func sample(using generator: inout SeededGenerator) -> [Int] {
    var x: [Int] = []
    for t in 0..<length {
      if t == length - 1 && !x.contains(keyword) {
        x.append(keyword)
      } else {
        x.append(model.sampleNextToken(after: x[...], using: &generator))
      }
    }
    return x
  }

  /// The exact probability of every sequence of `space` under the procedure, in index order
  /// (sums to 1 up to rounding).
  public func probabilities(in space: SequenceSpace) -> [Double] {
    require(space.length == length, "space length must match the decoder's")
    return space.allSequences.map { x in
      var prefix = 1.0
      for t in 0..<(length - 1) { prefix *= model.probability(of: x[t], after: x[..<t]) }
      if x.dropLast().contains(keyword) {
        return prefix * model.probability(of: x[length - 1], after: x.dropLast()[...])
      }
      return x[length - 1] == keyword ? prefix : 0
    }
  }
}
