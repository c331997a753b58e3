import Foundation
import Testing

/// `notebook preview` serves site/ and nothing else, and listens on 127.0.0.1 only.
///
/// The project has a secret file next to site/, a symbolic link inside site/ to it, a link to a
/// folder outside, and a hidden file; raw requests (no client-side normalisation) try every
/// traversal form. Reproduce one by hand: `notebook preview --no-watch --port 8000` then
/// `printf 'GET /%2e%2e/secret.txt HTTP/1.1\r\nHost: x\r\n\r\n' | nc 127.0.0.1 8000`.
@Suite(.serialized) struct PreviewServerTests {
  static let attempts = [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
    "/%2e%2e%2fsecret.txt", "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
    "/%252e%252e/secret.txt", "/..\\secret.txt", "/..%5csecret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
    "/link-to-secret", "/link-to-outside/secret.txt", "/link-to-outside/", "/.hidden", "/%2ehidden",
    "/index.html%00.txt", "/%00", "//secret.txt", "/./../secret.txt", "/assets/..%2f..%2fsecret.txt",
    "/" + String(repeating: "../", count: 40) + "etc/passwd", "/%c0%ae%c0%ae/secret.txt", "/..;/secret.txt",
    "http://127.0.0.1/../secret.txt",
  ]

  @Test func traversalAttemptsAreRefusedAndOnlyLoopbackListens() throws {
    let project = try ScratchProject("preview")
    defer { project.remove() }
    let secret = "SECRET-\(UUID().uuidString)"
    try project.write("secret.txt", secret)
    try project.write("outside/secret.txt", secret)
    try project.write("site/index.html", "<html><body>index</body></html>")
    try project.write("site/assets/site.css", "body {}")
    try project.write("site/.hidden", secret)
    try FileManager.default.createSymbolicLink(
      atPath: project.root + "/site/link-to-secret", withDestinationPath: project.root + "/secret.txt")
    try FileManager.default.createSymbolicLink(
      atPath: project.root + "/site/link-to-outside", withDestinationPath: project.root + "/outside")

    let (out, _) = try servePreview(project) { port in
      try traversalAttemptsAreRefused(port: port, secret: secret)
      let sockets = listeningSockets(port: port)
      #expect(!sockets.isEmpty)
      #expect(sockets.allSatisfy { $0 == "0100007F" }, "listening on \(sockets), not only 127.0.0.1")
    }
    #expect(out.split(separator: "\n").count == 1, "requests are not logged without --verbose: \(out)")
  }

  private func traversalAttemptsAreRefused(port: UInt16, secret: String) throws {
    let index = try request("/", port: port)
    #expect(index.hasPrefix("HTTP/1.1 200"))
    #expect(index.contains("index"))
    #expect(try request("/assets/site.css", port: port).hasPrefix("HTTP/1.1 200"))
    for path in Self.attempts {
      let response = try request(path, port: port)
      #expect(!response.contains(secret), "'\(path)' leaked a file outside site/")
      #expect(!response.contains("root:x:0:0"), "'\(path)' leaked /etc/passwd")
      // Some forms reach the server as another path inside the site (`//x` is read as a host, an
      // undecodable path as `/`); serving a file of the site for them is fine, anything else is not.
      if response.hasPrefix("HTTP/1.1 200") {
        #expect(
          response.hasSuffix("index</body></html>") || response.contains("index<script>"),
          "'\(path)' served \(response)")
      }
    }
  }

  @Test func pathsAreDecodedOnceAndVerboseLogsOneLinePerRequest() throws {
    let project = try ScratchProject("preview-verbose")
    defer { project.remove() }
    try project.write("site/authoring.html", "<html><body>guide</body></html>")
    let (out, err) = try servePreview(project, verbose: true) { port throws in
      #expect(try request("/authoring%2ehtml", port: port).hasPrefix("HTTP/1.1 200"))
      #expect(try request("/authoring%252ehtml", port: port).hasPrefix("HTTP/1.1 404"), "decoded twice")
      #expect(try request("/", port: port, host: "attacker.example").hasPrefix("HTTP/1.1 403"))
    }
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    #expect(Array(lines) == ["GET /authoring%2ehtml 200", "GET /authoring%252ehtml 404", "GET / 403", ""])
    #expect(!err.contains("FlyingFox"))
  }
}

/// Runs `notebook preview --no-watch` on a free port for `body`, then kills it; returns its stdout and stderr.
private func servePreview(
  _ project: ScratchProject, verbose: Bool = false, _ body: (UInt16) throws -> Void
) throws -> (String, String) {
  let port = try freePort()
  let (server, out, err) = try project.start(
    ["preview", "--no-watch", "--port", String(port)] + (verbose ? ["--verbose"] : []))
  let collector = OutputCollector(out, err)
  var isRunning = true
  func stop() {
    guard isRunning else { return }
    kill(server.processIdentifier, SIGKILL)
    server.waitUntilExit()
    isRunning = false
  }
  defer { stop() }
  try #require(waitUntilListening(port), "the preview server never listened on 127.0.0.1:\(port)")
  try body(port)
  stop()
  return collector.finish(within: 30)
}

/// A port that is free on 127.0.0.1 now.
func freePort() throws -> UInt16 {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(descriptor) }
  var address = loopback(port: 0)
  let bound = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
  }
  return UInt16(bigEndian: address.sin_port)
}

private func loopback(port: UInt16) -> sockaddr_in {
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = port.bigEndian
  address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
  return address
}

private func connectLoopback(_ port: UInt16) -> Int32? {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  var address = loopback(port: port)
  let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  if connected == 0 { return descriptor }
  close(descriptor)
  return nil
}

func waitUntilListening(_ port: UInt16) -> Bool {
  let deadline = Date().addingTimeInterval(300)
  while Date() < deadline {
    if let descriptor = connectLoopback(port) {
      close(descriptor)
      return true
    }
    Thread.sleep(forTimeInterval: 0.1)
  }
  return false
}

/// Sends one raw GET for `path` (sent exactly as given) and returns the whole response.
func request(_ path: String, port: UInt16, host: String? = nil) throws -> String {
  guard let descriptor = connectLoopback(port) else { throw POSIXError(.ECONNREFUSED) }
  defer { close(descriptor) }
  var timeout = timeval(tv_sec: 10, tv_usec: 0)
  setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  let message = Array("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n".utf8)
  _ = message.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
  var response: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = recv(descriptor, &buffer, buffer.count, 0)
    if count <= 0 { break }
    response += buffer[0..<count]
    if let text = String(bytes: response, encoding: .utf8), isComplete(text) { break }
  }
  return String(decoding: response, as: UTF8.self)
}

/// Whether a response's body is complete according to its Content-Length.
private func isComplete(_ response: String) -> Bool {
  guard let end = response.range(of: "\r\n\r\n") else { return false }
  let head = response[..<end.lowerBound].lowercased()
  guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
    let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
  else { return false }
  return response[end.upperBound...].utf8.count >= length
}

/// The local addresses (hex, as in /proc/net/tcp) of sockets listening on `port`, IPv4 and IPv6.
private func listeningSockets(port: UInt16) -> [String] {
  let portHex = String(format: "%04X", port)
  var addresses: [String] = []
  for file in ["/proc/net/tcp", "/proc/net/tcp6"] {
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: " ")
      guard fields.count > 3, fields[3] == "0A" else { continue }  // 0A: LISTEN
      let local = fields[1].split(separator: ":")
      if local.count == 2, local[1] == portHex { addresses.append(String(local[0])) }
    }
  }
  return addresses
}
