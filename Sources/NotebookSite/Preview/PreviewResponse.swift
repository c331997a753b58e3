import Foundation

/// A complete HTTP response: status, content type and body.
public struct PreviewResponse: Sendable {
  /// The status code, such as 200.
  public var status: Int
  /// The `Content-Type`.
  public var contentType: String
  /// The body (omitted on the wire for `HEAD`, its length still sent).
  public var body: [UInt8]
  /// Extra header fields, such as `Allow`.
  public var extraFields: [(name: String, value: String)] = []

  /// A response of `status` with `body` of type `contentType`.
  public init(status: Int, contentType: String, body: [UInt8]) {
    self.status = status
    self.contentType = contentType
    self.body = body
  }

  /// A plain-text response whose body is the reason phrase and `detail`.
  public static func text(_ status: Int, _ detail: String = "") -> PreviewResponse {
    let text = detail.isEmpty ? reason(status) : "\(reason(status)): \(detail)"
    return PreviewResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((text + "\n").utf8))
  }

  /// The bytes sent for this response; `includesBody` is false for `HEAD`.
  func serialized(keepAlive: Bool, includesBody: Bool) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
    head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\n"
    head += "X-Content-Type-Options: nosniff\r\n"
    for field in extraFields { head += "\(field.name): \(field.value)\r\n" }
    head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
    return Array(head.utf8) + (includesBody ? body : [])
  }

  /// The reason phrase for a status code this server sends.
  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 400: "Bad Request"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 414: "URI Too Long"
    case 431: "Request Header Fields Too Large"
    case 503: "Service Unavailable"
    case 505: "HTTP Version Not Supported"
    default: "Status \(status)"
    }
  }

}
