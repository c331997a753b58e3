import Foundation

extension LoopbackServer {
  /// One client connection: reads request heads, answers each, until the client or a limit ends it.
  struct Connection {
    let descriptor: Int32
    let server: LoopbackServer

    /// Serves requests until the connection closes; the server closes the descriptor afterwards.
    func serve() {
      Socket.setSendTimeout(descriptor, seconds: server.configuration.idleTimeout)
      var pending: ArraySlice<UInt8> = []
      while let head = readHead(startingWith: pending) {
        let (response, mayContinue) = respond(to: head.head)
        let keepAlive = mayContinue && head.head.keepsAlive
        log(head.head, status: response.status)
        let sent = Socket.send(
          descriptor, response.serialized(keepAlive: keepAlive, includesBody: head.head.method != "HEAD"))
        guard sent, keepAlive else { return }
        pending = head.remainder
      }
    }

    /// The next complete head and the bytes after it, or `nil` once the connection is to close
    /// (after answering a refused head or a timeout with an error status).
    private func readHead(startingWith pending: ArraySlice<UInt8>) -> (head: RequestHead, remainder: ArraySlice<UInt8>)?
    {
      var reader = RequestHeadReader(limits: server.configuration.limits)
      var outcome = reader.append(pending)
      let deadline = Date().addingTimeInterval(server.configuration.idleTimeout)
      while outcome == .incomplete {
        switch Socket.receive(descriptor, until: deadline) {
        case .bytes(let bytes): outcome = reader.append(bytes)
        case .closed: return nil
        case .timedOut:
          if !reader.isEmpty { refuse(.text(408, "the request head did not arrive in time"), line: "- 408") }
          return nil
        }
      }
      switch outcome {
      case .complete(let head): return (head, reader.remainder)
      case .rejected(let rejection):
        refuse(.text(rejection.status, Self.detail(rejection)), line: "- \(rejection.status)")
        return nil
      case .incomplete: return nil
      }
    }

    private static func detail(_ rejection: RequestHeadReader.Rejection) -> String {
      switch rejection {
      case .malformed(let why): why
      case .requestLineTooLong: "the request line is too long"
      case .headTooLarge: "the request head is too large"
      case .unsupportedVersion: "only HTTP/1.0 and HTTP/1.1 are served"
      }
    }

    private func refuse(_ response: PreviewResponse, line: String) {
      server.logger?(line)
      _ = Socket.send(descriptor, response.serialized(keepAlive: false, includesBody: true))
      Socket.drain(descriptor, upTo: server.configuration.limits.headBytes, seconds: 1)
    }

    /// The response and whether the connection may serve another request after it.
    private func respond(to head: RequestHead) -> (PreviewResponse, Bool) {
      let hostFields = head.fields.filter { $0.name.lowercased() == "host" }.count
      guard hostFields <= 1, let host = head.authority?.lowercased() else {
        return (.text(400, "exactly one Host field is required"), false)
      }
      guard server.acceptedHosts.contains(host) else {
        return (.text(403, "this server answers only to 127.0.0.1:\(server.port) and localhost:\(server.port)"), false)
      }
      guard head.method == "GET" || head.method == "HEAD" else {
        var response = PreviewResponse.text(405)
        response.extraFields = [("Allow", "GET, HEAD")]
        return (response, false)
      }
      let length = head.field("Content-Length")
      guard head.field("Transfer-Encoding") == nil, length == nil || length == "0" else {
        return (.text(400, "request bodies are not accepted"), false)
      }
      return (server.handler(head), true)
    }

    private func log(_ head: RequestHead, status: Int) {
      guard let logger = server.logger else { return }
      let target = String(head.target.prefix(200))  // The reader admits printable ASCII only.
      logger("\(head.method) \(target) \(status)")
    }
  }
}
