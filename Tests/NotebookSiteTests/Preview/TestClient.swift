import Foundation

/// A raw TCP client for 127.0.0.1 whose every wait is bounded; the socket closes when the client is released.
final class TestClient {
  private let descriptor: Int32

  /// Connects to 127.0.0.1:`port`; each receive waits at most `timeout` seconds.
  init(port: UInt16, timeout: Int = 10) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    var limit = timeval()
    limit.tv_sec = timeout
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    guard connected == 0 else {
      close(descriptor)
      throw POSIXError(.ECONNREFUSED)
    }
  }

  deinit { close(descriptor) }

  /// Sends `text`; returns false when the server has closed the connection.
  @discardableResult func send(_ text: String) -> Bool { send(Array(text.utf8)) }

  /// Sends `bytes`; returns false when the server has closed the connection.
  @discardableResult func send(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        Foundation.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard sent > 0 else { return false }
      offset += sent
    }
    return true
  }

  /// Everything received until the server closes (`closed` true) or the receive timeout passes.
  func receiveUntilClosed() -> (text: String, closed: Bool) {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
      if count < 0 { return (String(decoding: received, as: UTF8.self), errno == ECONNRESET) }
      received += buffer[0..<count]
    }
  }

  /// Receives one response whose body length is given by `Content-Length`, or `nil` on close or timeout.
  func receiveResponse(bodyExpected: Bool = true) -> String? {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      if let text = String(bytes: received, encoding: .utf8), let end = text.range(of: "\r\n\r\n") {
        let length = Self.contentLength(text[..<end.lowerBound]) ?? 0
        if !bodyExpected || text[end.upperBound...].utf8.count >= length { return text }
      }
      let count = recv(descriptor, &buffer, buffer.count, 0)
      guard count > 0 else { return nil }
      received += buffer[0..<count]
    }
  }

  private static func contentLength(_ head: Substring) -> Int? {
    let line = head.lowercased().split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
    return line.flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
  }
}
