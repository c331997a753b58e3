import Lab

extension Summarization {
  /// Greedy decoding under copy constraints: the tag is chosen first, then the token.
  ///
  /// Rules, for a source `x` and a vocabulary `0..<V`:
  /// - ``CopyTag/outside``: any token.
  /// - ``CopyTag/begin``: only tokens that occur in the source.
  /// - ``CopyTag/inside``: only tokens that extend the current copied span to an n-gram of the
  ///   source, and only right after ``CopyTag/begin`` or ``CopyTag/inside``; it is never
  ///   allowed after ``CopyTag/outside`` or at the start.
  ///
  /// When the span can no longer be extended (it only occurs at the end of the source), `I` is
  /// simply not allowed, so every maximal `B I*` span of the output is a substring of the source
  /// exactly, not just with high probability. The decoder keeps the set of source positions where
  /// the current span ends, so each step costs O(source length + V).
  public struct CopyDecoder: Sendable, Hashable {
    /// The source token ids.
    public let source: [Int]
    /// The tags emitted so far.
    public private(set) var tags: [CopyTag] = []
    /// The tokens emitted so far.
    public private(set) var tokens: [Int] = []
    private let sourceVocabulary: [Int]
    private var spanEnds: [Int] = []

    /// Starts decoding against `source`.
    public init(source: [Int]) {
      self.source = source
      self.sourceVocabulary = Array(Set(source)).sorted()
    }

    /// The tags allowed at the next step, in the order B, I, O.
    public var allowedTags: [CopyTag] { allowedTags(continuations: continuations) }

    /// The tokens allowed at the next step under `tag`, ascending.
    public func allowedTokens(for tag: CopyTag, vocabularySize: Int) -> [Int] {
      allowedTokens(for: tag, vocabularySize: vocabularySize, continuations: continuations)
    }

    /// Emits one (tag, token): the highest-scoring allowed tag, then the highest-scoring token
    /// allowed under it (first index on ties).
    ///
    /// - Parameters:
    ///   - tagScores: Scores of B, I, O, in that order.
    ///   - tokenScores: One score per vocabulary entry; must cover every source token.
    /// - Returns: The emitted tag and token.
    @discardableResult
    public mutating func step(tagScores: [Double], tokenScores: [Double]) -> (tag: CopyTag, token: Int) {
      require(tagScores.count == 3, "CopyDecoder needs 3 tag scores (B, I, O), got \(tagScores.count)")
      require(!tokenScores.isEmpty, "CopyDecoder needs at least one token score")
      let next = continuations
      let tag = allowedTags(continuations: next).max { tagScores[$0.scoreIndex] < tagScores[$1.scoreIndex] } ?? .outside
      let candidates = allowedTokens(for: tag, vocabularySize: tokenScores.count, continuations: next)
      var token = candidates[0]
      for candidate in candidates where tokenScores[candidate] > tokenScores[token] { token = candidate }
      append(tag: tag, token: token)
      return (tag, token)
    }

    /// Appends a (tag, token) chosen elsewhere, after checking that it is allowed.
    public mutating func emit(tag: CopyTag, token: Int) {
      switch tag {
      case .outside: break
      case .begin:
        require(sourceVocabulary.contains(token), "B token \(token) does not occur in the source")
      case .inside:
        require(continuations.contains(token), "I token \(token) does not extend the copied span")
      }
      append(tag: tag, token: token)
    }

    /// Tokens that extend the current copied span to a longer source n-gram (empty after `O`).
    private var continuations: [Int] {
      guard tags.last == .begin || tags.last == .inside else { return [] }
      var seen = Set<Int>()
      for end in spanEnds where end + 1 < source.count { seen.insert(source[end + 1]) }
      return seen.sorted()
    }

    private func allowedTags(continuations: [Int]) -> [CopyTag] {
      (source.isEmpty ? [] : [.begin]) + (continuations.isEmpty ? [] : [.inside]) + [.outside]
    }

    private func allowedTokens(for tag: CopyTag, vocabularySize: Int, continuations: [Int]) -> [Int] {
      switch tag {
      case .outside: Array(0..<vocabularySize)
      case .begin: sourceVocabulary
      case .inside: continuations
      }
    }

    private mutating func append(tag: CopyTag, token: Int) {
      switch tag {
      case .outside: spanEnds = []
      case .begin: spanEnds = source.indices.filter { source[$0] == token }
      case .inside: spanEnds = spanEnds.compactMap { $0 + 1 < source.count && source[$0 + 1] == token ? $0 + 1 : nil }
      }
      tags.append(tag)
      tokens.append(token)
    }
  }
}

extension Summarization.CopyTag {
  fileprivate var scoreIndex: Int {
    switch self {
    case .begin: 0
    case .inside: 1
    case .outside: 2
    }
  }
}
