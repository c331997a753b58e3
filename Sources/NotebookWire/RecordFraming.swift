/// How records are framed in a notebook program's standard output, interleaved with what it prints.
///
/// One record per output:
///
///     "\n" U+0001 <nonce> " " <kind> " " <byte count> "\n" <payload>
///
/// The nonce is a random token the runner passes to each run (``RunEnvironment/nonce``), so printed text
/// cannot forge a record. The leading newline lets a record follow text that did not end with one; the
/// runner removes exactly that newline.
public enum RecordFraming {
  /// A whole record, ready to print.
  public static func record(_ kind: RecordKind, payload: String, nonce: String) -> String {
    "\n\u{1}\(nonce) \(kind.wireName) \(payload.utf8.count)\n\(payload)"
  }

  /// The bytes that open every record of a run with `nonce`, up to its kind.
  public static func marker(nonce: String) -> [UInt8] { Array("\n\u{1}\(nonce) ".utf8) }

  /// The largest payload a header may announce; a larger count is malformed (a program can forge headers).
  public static let largestPayload = 1 << 40

  /// A record's header after the marker: its kind's name and the payload's byte count.
  public struct Header: Sendable, Equatable {
    /// The kind as written; ``kind`` is `nil` when it names none.
    public var name: String
    /// The payload's length in bytes, or `nil` when the header is malformed.
    public var byteCount: Int?

    /// A header naming `name` with a payload of `byteCount` bytes.
    public init(name: String, byteCount: Int?) {
      self.name = name
      self.byteCount = byteCount
    }

    /// The kind, when the name is one.
    public var kind: RecordKind? { RecordKind(wireName: name) }
  }

  /// Reads the header line (without its newline) that follows the marker.
  public static func header(_ line: some Sequence<UInt8>) -> Header {
    let fields = String(decoding: Array(line), as: UTF8.self).split(separator: " ")
    guard fields.count == 2, let count = Int(fields[1]), (0...largestPayload).contains(count) else {
      return Header(name: String(fields.first ?? "invalid"), byteCount: nil)
    }
    return Header(name: String(fields[0]), byteCount: count)
  }
}
