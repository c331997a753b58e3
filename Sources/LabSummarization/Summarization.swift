import Foundation
import Lab

/// The algorithms of an extract-then-generate summarizer, without the neural networks.
///
/// Everything here works on token sequences (`[Token]` with `Token: Hashable`): characters for
/// Chinese, word tokens for English. The pieces are the metric (``rouge(candidate:reference:)``
/// and friends), the recursive order-preserving alignment that turns a (document, summary) pair
/// into extraction labels (``extractionAlignment(source:summary:similarity:)``), the copy labels
/// read off a longest common subsequence (``copyTags(source:target:)``) and the decoder that
/// enforces them (``CopyDecoder``).
public enum Summarization {}

extension Summarization {
  /// One (document, summary) example as stored in a JSON-lines file.
  public struct DocumentPair: Sendable, Hashable, Codable {
    /// A stable identifier of the example.
    public var id: String
    /// The reference summary.
    public var summary: String
    /// The long input text.
    public var document: String

    /// Creates a pair from its parts.
    public init(id: String, summary: String, document: String) {
      self.id = id
      self.summary = summary
      self.document = document
    }
  }

  /// Reads (document, summary) pairs from a JSON-lines file whose objects carry `id`,
  /// `summary` and `document` string fields (other fields are ignored).
  ///
  /// - Parameter path: A file path, relative to the working directory or absolute.
  /// - Returns: The pairs in file order; blank lines are skipped.
  /// - Throws: When the file cannot be read or a line is not such an object.
  public static func documentPairs(path: String) throws -> [DocumentPair] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let decoder = JSONDecoder()
    return try text.split(separator: "\n").compactMap { line in
      guard !line.allSatisfy(\.isWhitespace) else { return nil }
      return try decoder.decode(DocumentPair.self, from: Data(line.utf8))
    }
  }
}
