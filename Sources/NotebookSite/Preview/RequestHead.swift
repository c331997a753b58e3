import Foundation

/// The request line and header fields of one HTTP/1.x request, as read by ``RequestHeadReader``.
public struct RequestHead: Sendable, Equatable {
  /// The method, such as `GET`.
  public var method: String
  /// The request target exactly as sent (still percent-encoded).
  public var target: String
  /// `HTTP/1.0` or `HTTP/1.1`.
  public var version: String
  /// The header fields in the order sent; names keep their case.
  public var fields: [Field]

  /// One header field.
  public struct Field: Sendable, Equatable {
    /// The field name as sent.
    public var name: String
    /// The value with surrounding spaces and tabs removed.
    public var value: String
  }

  /// The value of the first field named `name` (compared without case), or `nil`.
  public func field(_ name: String) -> String? {
    fields.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The authority the request is addressed to: an absolute-form target's, else the `Host` field.
  public var authority: String? {
    guard let rest = target.schemeless else { return field("Host") }
    return String(rest.prefix { $0 != "/" && $0 != "?" })
  }

  /// The path of the target without query or fragment, still percent-encoded.
  public var path: String {
    var path = Substring(target)
    if let rest = target.schemeless { path = rest.drop { $0 != "/" && $0 != "?" } }
    return String(path.prefix { $0 != "?" && $0 != "#" })
  }

  /// Whether the connection stays open after the response (HTTP/1.1 unless `close`; HTTP/1.0 only on `keep-alive`).
  public var keepsAlive: Bool {
    let tokens = (field("Connection") ?? "").lowercased().split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return version == "HTTP/1.1" ? !tokens.contains("close") : tokens.contains("keep-alive")
  }
}

extension String {
  /// The text after `http://` or `https://` (compared without case), or `nil` for other targets.
  fileprivate var schemeless: Substring? {
    for scheme in ["http://", "https://"] where lowercased().hasPrefix(scheme) {
      return dropFirst(scheme.count)
    }
    return nil
  }
}
