import Lab

extension Summarization {
  /// The copy label of one output token.
  public enum CopyTag: String, Sendable, Hashable, CaseIterable {
    /// Copied from the source, starting a new copied span.
    case begin = "B"
    /// Copied from the source, continuing the span of the previous token.
    case inside = "I"
    /// Not copied.
    case outside = "O"
  }

  /// Copy labels of `target` read off a longest common subsequence with `source`.
  ///
  /// A target token outside the common subsequence is ``CopyTag/outside``. A matched token is
  /// ``CopyTag/inside`` when the previous target token is matched too and to the immediately
  /// preceding source position (source index `i₀ + 1`, target index `j₀ + 1`), and
  /// ``CopyTag/begin`` otherwise. So every maximal `B I*` span is a contiguous piece of the source.
  /// Where several longest common subsequences exist, the labels follow the one
  /// `Sequences.longestCommonSubsequence` returns.
  ///
  /// - Returns: One tag per target token.
  public static func copyTags<Token: Equatable>(source: [Token], target: [Token]) -> [CopyTag] {
    var sourceIndexOfTarget = [Int?](repeating: nil, count: target.count)
    for pair in Sequences.longestCommonSubsequence(source, target).pairs {
      sourceIndexOfTarget[pair.1] = pair.0
    }
    return target.indices.map { j in
      guard let i = sourceIndexOfTarget[j] else { return .outside }
      if j > 0, let previous = sourceIndexOfTarget[j - 1], previous == i - 1 { return .inside }
      return .begin
    }
  }

  /// Lengths of the maximal `B I*` spans in a tag sequence, in order.
  ///
  /// An ``CopyTag/inside`` that does not follow a copied token (which ``copyTags(source:target:)``
  /// and ``CopyDecoder`` never produce) is counted as the start of a span.
  public static func copySpanLengths(_ tags: [CopyTag]) -> [Int] {
    var lengths: [Int] = []
    var previous = CopyTag.outside
    for tag in tags {
      switch tag {
      case .outside: break
      case .begin: lengths.append(1)
      case .inside:
        if previous == .outside { lengths.append(1) } else { lengths[lengths.count - 1] += 1 }
      }
      previous = tag
    }
    return lengths
  }
}
