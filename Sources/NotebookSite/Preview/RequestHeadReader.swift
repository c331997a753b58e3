/// Reads an HTTP/1.x request head from bytes as they arrive, within fixed limits.
///
/// Each byte is examined once, whatever the chunk sizes, so reading costs time in proportion
/// to the bytes received; a request line or head over its limit is refused as soon as the limit
/// is passed, without waiting for the rest.
public struct RequestHeadReader: Sendable {
  /// The most bytes a request may use before its head is complete.
  public struct Limits: Sendable, Equatable {
    /// The longest request line, without its line end (longer: 414).
    public var requestLineBytes: Int
    /// The longest head: request line, header fields and line ends (longer: 431).
    public var headBytes: Int

    /// Limits of `requestLineBytes` and `headBytes`.
    public init(requestLineBytes: Int = 8192, headBytes: Int = 16384) {
      self.requestLineBytes = requestLineBytes
      self.headBytes = headBytes
    }
  }

  /// Why a head was refused; each maps to the status the client is sent.
  public enum Rejection: Error, Equatable, Sendable {
    /// A request line or field that is not HTTP/1.x syntax (400).
    case malformed(String)
    /// A request line over ``Limits/requestLineBytes`` (414).
    case requestLineTooLong
    /// A head over ``Limits/headBytes`` (431).
    case headTooLarge
    /// An HTTP version other than 1.0 and 1.1 (505).
    case unsupportedVersion

    /// The response status for the rejection.
    public var status: Int {
      switch self {
      case .malformed: 400
      case .requestLineTooLong: 414
      case .headTooLarge: 431
      case .unsupportedVersion: 505
      }
    }
  }

  /// What the bytes so far amount to.
  public enum Outcome: Equatable, Sendable {
    case incomplete
    case complete(RequestHead)
    case rejected(Rejection)
  }

  /// The limits in force.
  public let limits: Limits
  /// How many bytes have been examined for line ends: at most once each, so never more than were appended.
  public private(set) var examinedByteCount = 0

  private var buffer: [UInt8] = []
  private var lineStart = 0
  private var requestLine: (method: String, target: String, version: String)?
  private var fields: [RequestHead.Field] = []
  private var outcome = Outcome.incomplete

  /// A reader for one request head.
  public init(limits: Limits = Limits()) {
    self.limits = limits
  }

  /// Adds received bytes and returns what the bytes so far amount to; after a head is complete or
  /// refused, further bytes are kept (see ``remainder``) but not read.
  public mutating func append(_ bytes: some Sequence<UInt8>) -> Outcome {
    buffer.append(contentsOf: bytes)
    guard outcome == .incomplete else { return outcome }
    let end = Swift.min(buffer.count, limits.headBytes + 1)
    while examinedByteCount < end, outcome == .incomplete {
      let index = examinedByteCount
      examinedByteCount += 1
      if buffer[index] == UInt8(ascii: "\n") { endLine(at: index) }
    }
    if outcome == .incomplete { outcome = limitOutcome() }
    return outcome
  }

  /// The bytes received after the complete head (the start of a pipelined request).
  public var remainder: ArraySlice<UInt8> {
    guard case .complete = outcome else { return [] }
    return buffer[examinedByteCount...]
  }

  /// Whether no byte has been received.
  public var isEmpty: Bool { buffer.isEmpty }

  private func limitOutcome() -> Outcome {
    if requestLine == nil, examinedByteCount - lineStart > limits.requestLineBytes {
      return .rejected(.requestLineTooLong)
    }
    return examinedByteCount > limits.headBytes ? .rejected(.headTooLarge) : .incomplete
  }

  private mutating func endLine(at newline: Int) {
    var end = newline
    if end > lineStart, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    let line = buffer[lineStart..<end]
    lineStart = newline + 1
    if newline + 1 > limits.headBytes {
      outcome = .rejected(.headTooLarge)
    } else if let requestLine {
      if line.isEmpty {
        outcome = .complete(
          RequestHead(
            method: requestLine.method, target: requestLine.target, version: requestLine.version, fields: fields))
      } else {
        readField(line)
      }
    } else if !line.isEmpty {  // Empty lines before the request line are ignored (RFC 9112 §2.2).
      readRequestLine(line)
    }
  }

  private mutating func readRequestLine(_ line: ArraySlice<UInt8>) {
    guard line.count <= limits.requestLineBytes else { return outcome = .rejected(.requestLineTooLong) }
    let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(HTTPSyntax.isTokenByte) else {
      return outcome = .rejected(.malformed("request line is not 'METHOD target HTTP/1.1'"))
    }
    guard !parts[1].isEmpty, parts[1].allSatisfy({ (0x21...0x7E).contains($0) }) else {
      return outcome = .rejected(.malformed("request target has spaces, control or non-ASCII bytes"))
    }
    let version = String(decoding: parts[2], as: UTF8.self)
    guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
      let looksLikeHTTP = version.hasPrefix("HTTP/") && version.count == 8
      return outcome = .rejected(looksLikeHTTP ? .unsupportedVersion : .malformed("unknown protocol '\(version)'"))
    }
    requestLine = (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), version)
  }

  private mutating func readField(_ line: ArraySlice<UInt8>) {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
      line[..<colon].allSatisfy(HTTPSyntax.isTokenByte)
    else { return outcome = .rejected(.malformed("header field without a name or colon (or a folded line)")) }
    let value = line[(colon + 1)...].trimming(HTTPSyntax.isSpace)
    guard !value.contains(where: HTTPSyntax.isControl) else {
      return outcome = .rejected(.malformed("control character in a header field value"))
    }
    fields.append(
      RequestHead.Field(
        name: String(decoding: line[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
  }
}

/// Byte classes of RFC 9110.
enum HTTPSyntax {
  /// A `tchar`: the bytes of methods and field names.
  static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
  }

  /// Space or horizontal tab.
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// A control byte other than horizontal tab.
  static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }
}

extension ArraySlice<UInt8> {
  fileprivate func trimming(_ isTrimmed: (UInt8) -> Bool) -> ArraySlice<UInt8> {
    guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
      return []
    }
    return self[first...last]
  }
}
