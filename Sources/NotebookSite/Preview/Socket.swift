import Foundation

/// The POSIX socket calls the loopback server needs, with bounded waits.
enum Socket {
  enum Readiness { case ready, timedOut, failed }

  enum Received: Equatable {
    case bytes([UInt8])
    case timedOut
    case closed
  }

  #if os(Linux)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let noSignal = Int32(MSG_NOSIGNAL)
  #else
    private static let streamType = SOCK_STREAM
    private static let noSignal: Int32 = 0
  #endif

  /// A listening socket on 127.0.0.1:`port` and the port it got.
  static func listen(port: UInt16) throws -> (descriptor: Int32, port: UInt16) {
    let descriptor = socket(AF_INET, streamType, 0)
    guard descriptor >= 0 else { throw failure("Cannot create a socket", port: port) }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    #if !os(Linux)
      setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, length) == 0 && Foundation.listen(descriptor, 128) == 0
          && getsockname(descriptor, $0, &length) == 0
      }
    }
    guard bound else {
      let error = failure("Cannot listen on 127.0.0.1:\(port)", port: port)
      close(descriptor)
      throw error
    }
    return (descriptor, UInt16(bigEndian: address.sin_port))
  }

  private static func failure(_ what: String, port: UInt16) -> LoopbackServerError {
    LoopbackServerError(description: "\(what): \(String(cString: strerror(errno)))")
  }

  /// Waits until `descriptor` has something to read, at most `milliseconds`.
  static func waitReadable(_ descriptor: Int32, milliseconds: Int32) -> Readiness {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let result = poll(&entry, 1, max(0, milliseconds))
    if result > 0 { return .ready }
    return result == 0 || errno == EINTR ? .timedOut : .failed
  }

  /// Receives what is available, waiting until `deadline` at most.
  static func receive(_ descriptor: Int32, until deadline: Date) -> Received {
    while true {
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { return .timedOut }
      switch waitReadable(descriptor, milliseconds: Int32(min(remaining, 3600) * 1000) + 1) {
      case .timedOut: continue
      case .failed: return .closed
      case .ready: break
      }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count > 0 { return .bytes(Array(buffer[0..<count])) }
      if count < 0, errno == EINTR || errno == EAGAIN { continue }
      return .closed
    }
  }

  /// Sends all of `bytes`; false when the peer is gone or the send timeout passed.
  static func send(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes { Foundation.send(descriptor, $0.baseAddress, $0.count, noSignal) }
      if sent < 0, errno == EINTR { continue }
      guard sent > 0 else { return false }
      offset += sent
    }
    return true
  }

  /// Ends sending and reads (and drops) what the client still sends, within bounds, before the close.
  ///
  /// Closing with unread bytes makes the kernel reset the connection, and a reset can destroy the
  /// response the client has not read yet (an error status for a head that was too large).
  static func drain(_ descriptor: Int32, upTo limit: Int, seconds: Double) {
    shutdown(descriptor, Int32(SHUT_WR))
    let deadline = Date().addingTimeInterval(seconds)
    var drained = 0
    while drained < limit, case .bytes(let bytes) = receive(descriptor, until: deadline) { drained += bytes.count }
  }

  /// Makes each `send` on `descriptor` give up after `seconds` without progress.
  static func setSendTimeout(_ descriptor: Int32, seconds: Double) {
    var timeout = timeval()
    timeout.tv_sec = .init(seconds)
    timeout.tv_usec = .init((seconds - Double(Int(seconds))) * 1_000_000)
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }
}
