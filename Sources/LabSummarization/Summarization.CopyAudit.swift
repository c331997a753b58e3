import Lab

extension Summarization {
  /// What an independent check of a tagged output found.
  ///
  /// It answers two questions: does every copied span occur in the source, and does `I` ever
  /// follow `O`?
  public struct CopyAudit: Sendable, Hashable {
    /// Maximal `B I*` spans examined.
    public var spans: Int = 0
    /// Spans found verbatim, as a contiguous run, somewhere in the source.
    public var spansFoundInSource: Int = 0
    /// `I` tags at the start or right after `O`.
    public var insideAfterOutside: Int = 0
    /// Tokens examined.
    public var tokens: Int = 0

    /// Creates an empty audit.
    public init() {}

    /// Whether the copy guarantee held everywhere.
    public var holds: Bool { spans == spansFoundInSource && insideAfterOutside == 0 }

    /// Adds another audit's counts to this one.
    public mutating func add(_ other: CopyAudit) {
      spans += other.spans
      spansFoundInSource += other.spansFoundInSource
      insideAfterOutside += other.insideAfterOutside
      tokens += other.tokens
    }
  }

  /// Checks a tagged output against its source by brute-force substring search, independently of
  /// how it was decoded.
  public static func auditCopies<Token: Equatable>(
    tags: [CopyTag], tokens: [Token], source: [Token]
  ) -> CopyAudit {
    require(tags.count == tokens.count, "One tag per token: \(tags.count) tags, \(tokens.count) tokens")
    var audit = CopyAudit()
    audit.tokens = tokens.count
    var start: Int?
    func closeSpan(at end: Int) {
      guard let first = start else { return }
      audit.spans += 1
      if occurs(Array(tokens[first..<end]), in: source) { audit.spansFoundInSource += 1 }
      start = nil
    }
    for (index, tag) in tags.enumerated() {
      switch tag {
      case .outside: closeSpan(at: index)
      case .begin:
        closeSpan(at: index)
        start = index
      case .inside:
        if index == 0 || tags[index - 1] == .outside {
          audit.insideAfterOutside += 1
          start = index
        }
      }
    }
    closeSpan(at: tags.count)
    return audit
  }

  private static func occurs<Token: Equatable>(_ piece: [Token], in text: [Token]) -> Bool {
    guard piece.count <= text.count else { return false }
    return (0...(text.count - piece.count)).contains { offset in
      piece.indices.allSatisfy { piece[$0] == text[offset + $0] }
    }
  }
}
