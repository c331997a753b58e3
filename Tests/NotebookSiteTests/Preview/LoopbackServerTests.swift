import Foundation
import Testing

@testable import NotebookSite

/// The preview's HTTP server answers within limits whatever a client sends, and only to its own name.
///
/// Every client socket has a 10 s receive timeout and is closed when the test ends; each server is stopped.
@Suite(.serialized) struct LoopbackServerTests {
  /// Runs `body` against a server on a free port whose handler answers with the undecoded path.
  private func withServer(
    _ configure: (inout LoopbackServer.Configuration) -> Void = { _ in },
    logger: LoopbackServer.Logger? = nil, _ body: (UInt16) throws -> Void
  ) throws {
    var configuration = LoopbackServer.Configuration()
    configure(&configuration)
    let server = try LoopbackServer(port: 0, configuration: configuration, logger: logger) { head in
      .text(200, head.path)
    }
    server.start()
    defer { server.stop() }
    try body(server.port)
  }

  private func get(_ target: String, host: String, port: UInt16) throws -> String {
    let client = try TestClient(port: port)
    client.send("GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
    return client.receiveUntilClosed().text
  }

  @Test func getAndHeadAreServedOnOneKeptAliveConnection() throws {
    try withServer { port in
      let client = try TestClient(port: port)
      client.send("GET /a%2520b?q HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
      let first = try #require(client.receiveResponse())
      #expect(first.hasPrefix("HTTP/1.1 200 OK\r\n"))
      #expect(first.contains("Connection: keep-alive\r\n"))
      #expect(first.hasSuffix("\r\n\r\nOK: /a%2520b\n"), "the handler sees the target undecoded")
      client.send("HEAD /b HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n")
      let second = client.receiveUntilClosed()
      #expect(second.closed)
      #expect(second.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
      #expect(second.text.contains("Content-Length: 7\r\n"))
      #expect(second.text.hasSuffix("\r\n\r\n"), "HEAD has no body")
    }
  }

  @Test func pipelinedRequestsAreAnsweredInOrder() throws {
    try withServer { port in
      let client = try TestClient(port: port)
      let host = "Host: 127.0.0.1:\(port)\r\n"
      client.send("GET /one HTTP/1.1\r\n\(host)\r\nGET /two HTTP/1.1\r\n\(host)Connection: close\r\n\r\n")
      let text = client.receiveUntilClosed().text
      #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
      let one = try #require(text.range(of: "OK: /one"))
      let two = try #require(text.range(of: "OK: /two"))
      #expect(one.lowerBound < two.lowerBound)
    }
  }

  @Test func onlyRequestsNamingThisServerAreAnswered() throws {
    try withServer { port in
      #expect(try get("/", host: "LocalHost:\(port)", port: port).hasPrefix("HTTP/1.1 200"))
      for host in ["attacker.example:\(port)", "127.0.0.1", "localhost:1", "127.0.0.2:\(port)", "[::1]:\(port)"] {
        let response = try get("/", host: host, port: port)
        #expect(response.hasPrefix("HTTP/1.1 403 Forbidden"), "Host '\(host)': \(response)")
      }
      let absolute = try get("http://attacker.example/", host: "127.0.0.1:\(port)", port: port)
      #expect(absolute.hasPrefix("HTTP/1.1 403"), "an absolute-form target's authority is the one checked")
      let client = try TestClient(port: port)
      client.send("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
      #expect(client.receiveUntilClosed().text.hasPrefix("HTTP/1.1 400"), "no Host field")
      let twice = try TestClient(port: port)
      twice.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nHost: attacker.example\r\n\r\n")
      #expect(twice.receiveUntilClosed().text.hasPrefix("HTTP/1.1 400"), "two Host fields")
    }
  }

  @Test func tooLongRequestLinesGet414AndTooLargeHeadsGet431() throws {
    try withServer { port in
      let long = try TestClient(port: port)
      long.send("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
      let tooLong = long.receiveUntilClosed()
      #expect(tooLong.text.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
      #expect(tooLong.closed)
      let large = try TestClient(port: port)
      large.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: " + String(repeating: "c", count: 32768))
      let tooLarge = large.receiveUntilClosed()
      #expect(tooLarge.text.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
      #expect(tooLarge.closed)
    }
  }

  @Test func otherMethodsBodiesAndMalformedHeadsAreRefused() throws {
    try withServer { port in
      let host = "Host: 127.0.0.1:\(port)\r\n"
      let cases = [
        ("POST / HTTP/1.1\r\n\(host)\r\n", "HTTP/1.1 405"),
        ("GET / HTTP/1.1\r\n\(host)Content-Length: 5\r\n\r\nhello", "HTTP/1.1 400"),
        ("GET / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.1 400"),
        ("GET / HTTP/3.0\r\n\(host)\r\n", "HTTP/1.1 505"), ("\u{16}\u{03}\u{01}\u{02}\u{00}\r\n\r\n", "HTTP/1.1 400"),
      ]
      for (request, status) in cases {
        let client = try TestClient(port: port)
        client.send(request)
        let response = client.receiveUntilClosed()
        #expect(response.text.hasPrefix(status), "\(request.debugDescription) got \(response.text)")
        #expect(response.closed)
      }
    }
  }

  @Test func idleConnectionsAreClosedAndHalfSentHeadsGet408() throws {
    try withServer({ $0.idleTimeout = 0.3 }) { port in
      let silent = try TestClient(port: port)
      let nothing = silent.receiveUntilClosed()
      #expect(nothing.closed, "an idle connection was not closed within the client's 10 s")
      #expect(nothing.text.isEmpty)
      let slow = try TestClient(port: port)
      slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
      let half = slow.receiveUntilClosed()
      #expect(half.closed)
      #expect(half.text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
      let alive = try TestClient(port: port)
      alive.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
      #expect(alive.receiveResponse()?.hasPrefix("HTTP/1.1 200") == true)
      #expect(alive.receiveUntilClosed().closed, "a kept-alive connection is closed when idle")
    }
  }

  @Test func clientsHoldingLargeHeadsOpenDoNotDelayOthers() throws {
    try withServer { port in
      let holders = try (0..<2).map { _ in try TestClient(port: port) }
      for holder in holders {
        holder.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: " + String(repeating: "c", count: 16000))
      }
      for _ in 0..<20 {
        #expect(try get("/ok", host: "127.0.0.1:\(port)", port: port).hasSuffix("OK: /ok\n"))
      }
    }
  }

  @Test func connectionsBeyondTheLimitGet503() throws {
    try withServer({ $0.maximumConnections = 2 }) { port in
      let held = try (0..<2).map { _ in try TestClient(port: port) }
      held[0].send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
      held[1].send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
      #expect(held.allSatisfy { $0.receiveResponse()?.hasPrefix("HTTP/1.1 200") == true })
      let refused = try TestClient(port: port).receiveUntilClosed()
      #expect(refused.text.hasPrefix("HTTP/1.1 503"))
    }
  }

  @Test func theLoggerGetsOneWholeLinePerRequest() throws {
    let lines = LineCollector()
    try withServer(logger: { lines.append($0) }) { port in
      _ = try get("/page.html?x", host: "127.0.0.1:\(port)", port: port)
      _ = try get("/", host: "attacker.example", port: port)
      let large = try TestClient(port: port)
      large.send("GET / HTTP/1.1\r\nCookie: " + String(repeating: "c", count: 20000))
      _ = large.receiveUntilClosed()
    }
    #expect(lines.all == ["GET /page.html?x 200", "GET / 403", "- 431"])
  }
}

/// Lines received from the server's threads.
private final class LineCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func append(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }
}
