import Lab

extension FlyHash {
  /// Text turned into BioWord's inputs: one binary bag-of-words vector of dimension 2V per token.
  ///
  /// Words are ranked by count (ties alphabetical). The `stopWordCount` most frequent are
  /// dropped as stop words; the next `vocabularySize` form the vocabulary (ids 0..<V in rank
  /// order); every other word is out of vocabulary. Each in-vocabulary token of a paragraph is the
  /// centre of one window: entries `0..<V` mark the distinct in-vocabulary words within
  /// `halfWindow` positions of it in the same paragraph (clipped at its ends), entry `V + centre`
  /// is its one-hot. Window indices are stored sorted, so the centre entry comes last.
  public struct BioWordCorpus: Sendable {
    /// The vocabulary, by descending count.
    public let vocabulary: [String]
    /// The corpus count of each vocabulary word.
    public let counts: [Int]
    /// The dropped stop words, most frequent first.
    public let stopWords: [String]
    /// How many positions on each side a window reaches (5 for an 11-word window).
    public let halfWindow: Int
    /// `windowCount + 1` offsets into ``windowIndices``.
    public let windowOffsets: [Int]
    /// The active input indices of every window, concatenated.
    public let windowIndices: [Int32]
    private let ids: [String: Int]

    /// Builds the vocabulary and every window of `paragraphs` (each a list of tokens).
    public init(paragraphs: [[String]], vocabularySize: Int, stopWordCount: Int = 0, halfWindow: Int) {
      var tally: [String: Int] = [:]
      for paragraph in paragraphs { for token in paragraph { tally[token, default: 0] += 1 } }
      let ranked = tally.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      stopWords = ranked.prefix(stopWordCount).map(\.key)
      let kept = ranked.dropFirst(stopWordCount).prefix(vocabularySize)
      vocabulary = kept.map(\.key)
      counts = kept.map(\.value)
      let lookup = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
      ids = lookup
      self.halfWindow = halfWindow
      var offsets = [0]
      var indices: [Int32] = []
      let size = vocabulary.count
      for paragraph in paragraphs {
        let tokenIDs = paragraph.map { lookup[$0] ?? -1 }
        for (t, centre) in tokenIDs.enumerated() where centre >= 0 {
          let span = Swift.max(0, t - halfWindow)...Swift.min(tokenIDs.count - 1, t + halfWindow)
          let context = Set(span.filter { $0 != t && tokenIDs[$0] >= 0 }.map { tokenIDs[$0] })
          indices += context.sorted().map(Int32.init)
          indices.append(Int32(size + centre))
          offsets.append(indices.count)
        }
      }
      windowOffsets = offsets
      windowIndices = indices
    }

    /// The vocabulary size V.
    public var vocabularySize: Int { vocabulary.count }
    /// The input dimension 2V.
    public var inputDimension: Int { 2 * vocabulary.count }
    /// The number of windows (in-vocabulary tokens).
    public var windowCount: Int { windowOffsets.count - 1 }
    /// The total count of in-vocabulary tokens (equal to ``windowCount``).
    public var tokenCount: Int { counts.reduce(0, +) }

    /// The id of `word`, or `nil` if it is a stop word or out of vocabulary.
    public func id(of word: String) -> Int? { ids[word] }

    /// The active indices of window `i` (sorted; the last is `V + centre`).
    public func indices(ofWindow i: Int) -> [Int] {
      windowIndices[windowOffsets[i]..<windowOffsets[i + 1]].map(Int.init)
    }

    /// The centre word id of window `i`.
    public func centre(ofWindow i: Int) -> Int { Int(windowIndices[windowOffsets[i + 1] - 1]) - vocabularySize }

    /// The word frequencies p, repeated for both halves (length 2V): p_i = count / ``tokenCount``.
    public var frequencies: [Double] {
      let total = Double(tokenCount)
      let p = counts.map { Double($0) / total }
      return p + p
    }

    /// Window `i` as the binary vector v (dimension 2V).
    public func window(_ i: Int) -> SparseVector {
      SparseVector(dimension: inputDimension, entries: indices(ofWindow: i).map { (index: $0, value: 1) })
    }

    /// Window `i` divided entry-wise by the frequencies: v / p.
    public func scaledWindow(_ i: Int) -> SparseVector {
      let p = frequencies
      return SparseVector(
        dimension: inputDimension, entries: indices(ofWindow: i).map { (index: $0, value: 1 / p[$0]) })
    }

    /// The windows `range` stacked as the rows of a sparse matrix.
    public func inputMatrix(_ range: Range<Int>) -> CSRMatrix {
      CSRMatrix(columns: inputDimension, rows: range.map(window))
    }

    /// The active indices for `centre` with the given context words.
    ///
    /// Stop words and out-of-vocabulary words are skipped; an empty context gives the static
    /// (centre-only) input; `nil` when the centre itself is not in the vocabulary.
    public func indices(centre: String, context: [String]) -> [Int]? {
      guard let c = ids[centre] else { return nil }
      return Set(context.compactMap { ids[$0] }).sorted() + [vocabularySize + c]
    }

    /// Every occurrence of `word` in `paragraphs`, with the input of its window (context half
    /// filled from the words within ``halfWindow`` positions, as in training).
    public func occurrences(of word: String, in paragraphs: [[String]])
      -> [(paragraph: Int, position: Int, indices: [Int])]
    {
      var found: [(paragraph: Int, position: Int, indices: [Int])] = []
      for (p, tokens) in paragraphs.enumerated() {
        for (t, token) in tokens.enumerated() where token == word {
          let span = Swift.max(0, t - halfWindow)...Swift.min(tokens.count - 1, t + halfWindow)
          let context = span.filter { $0 != t }.map { tokens[$0] }
          if let input = indices(centre: word, context: context) { found.append((p, t, input)) }
        }
      }
      return found
    }
  }
}
