import Foundation
import Lab

extension FlyHash {
  /// Count-based word vectors: positive pointwise mutual information of word–context pairs,
  /// reduced by a truncated SVD (Levy, Goldberg & Dagan, 2015).
  ///
  /// Counts pair each vocabulary token with the vocabulary tokens within `halfWindow` positions in
  /// the same paragraph (other words are skipped but keep their positions). With context
  /// smoothing α, PPMI(w, c) = max(0, log(#(w,c) Σ_c' #c'^α / (#(w,·) #c^α))). The vector of
  /// word w is row w of U_d Σ_d^{1/2}, scaled to unit length, so neighbours are by cosine.
  public struct PPMIEmbedding: Sendable {
    /// The words, indexed like the rows of ``vectors``.
    public let vocabulary: [String]
    /// Unit-length word vectors, one per row.
    public let vectors: Matrix
    /// The leading singular values of the PPMI matrix, descending.
    public let singularValues: [Double]
    private let ids: [String: Int]

    /// Counts, weighs and factorises the co-occurrences of `vocabulary` in `paragraphs`.
    public init(
      paragraphs: [[String]], vocabulary: [String], halfWindow: Int, dimensions: Int,
      contextSmoothing: Double = 0.75, using generator: inout SeededGenerator
    ) {
      let lookup = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
      let ppmi = Self.ppmiMatrix(
        counts: Self.cooccurrences(paragraphs, lookup, vocabulary.count, halfWindow),
        contextSmoothing: contextSmoothing)
      let svd = TruncatedSVD(ppmi, rank: dimensions, using: &generator)
      var rows = Matrix(rows: vocabulary.count, columns: dimensions) { i, j in
        svd.leftVectors[i, j] * svd.values[j].squareRoot()
      }
      for i in 0..<rows.rows {
        let norm = rows.row(i).norm
        for j in 0..<dimensions where norm > 0 { rows[i, j] /= norm }
      }
      self.vocabulary = vocabulary
      vectors = rows
      singularValues = svd.values
      ids = lookup
    }

    /// Symmetric co-occurrence counts within `halfWindow` (a V×V matrix).
    public static func cooccurrences(
      _ paragraphs: [[String]], _ lookup: [String: Int], _ size: Int, _ halfWindow: Int
    ) -> Matrix {
      var counts = [Double](repeating: 0, count: size * size)
      for paragraph in paragraphs {
        let tokenIDs = paragraph.map { lookup[$0] ?? -1 }
        for (t, word) in tokenIDs.enumerated() where word >= 0 {
          for u in (t + 1)..<Swift.min(tokenIDs.count, t + halfWindow + 1) where tokenIDs[u] >= 0 {
            counts[word * size + tokenIDs[u]] += 1
            counts[tokenIDs[u] * size + word] += 1
          }
        }
      }
      return Matrix(rows: size, columns: size, elements: counts)
    }

    /// The PPMI matrix of a co-occurrence count matrix (rows: words, columns: contexts);
    /// empty rows, columns or cells give 0.
    public static func ppmiMatrix(counts: Matrix, contextSmoothing: Double) -> Matrix {
      let rowTotals = (0..<counts.rows).map { counts.row($0).reduce(0, +) }
      let columnWeights = (0..<counts.columns).map { j in
        pow((0..<counts.rows).reduce(0.0) { $0 + counts[$1, j] }, contextSmoothing)
      }
      let weightTotal = columnWeights.reduce(0, +)
      return Matrix(rows: counts.rows, columns: counts.columns) { i, j in
        let joint = counts[i, j]
        guard joint > 0, rowTotals[i] > 0, columnWeights[j] > 0 else { return 0 }
        return Swift.max(0, log(joint * weightTotal / (rowTotals[i] * columnWeights[j])))
      }
    }

    /// The unit-length vector of `word`, `nil` if it is not in the vocabulary.
    public func vector(of word: String) -> [Double]? { ids[word].map { vectors.row($0) } }

    /// The cosine of two words' vectors, `nil` if either is missing.
    public func cosine(_ a: String, _ b: String) -> Double? {
      guard let i = ids[a], let j = ids[b] else { return nil }
      return vectors.row(i).dot(vectors.row(j))
    }

    /// The `count` words of highest cosine with `word` (itself excluded), best first.
    public func neighbours(of word: String, count: Int) -> [String] {
      guard let i = ids[word] else { return [] }
      let query = vectors.row(i)
      var scores = vectors * query
      scores[i] = -.infinity
      return scores.topK(count).map { vocabulary[$0] }
    }
  }
}
