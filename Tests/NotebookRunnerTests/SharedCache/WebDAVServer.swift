import Foundation
import Testing

/// Debian's nginx serving a temporary folder over HTTP with WebDAV PUT, on 127.0.0.1 and a free port.
///
/// It runs in the foreground as one process (`master_process off`) with its own prefix, so stopping
/// it is one signal and one wait, and nothing outlives the test.
final class WebDAVServer {
  /// Where it is when nginx is missing or will not start: the reason, for the test to fail with.
  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  let folder: String
  let port: UInt16
  private let process: Process

  /// The stored entries' root.
  var root: String { folder + "/root" }
  /// The base URL of the store.
  var url: String { "http://127.0.0.1:\(port)/" }

  /// Starts nginx; throws ``Unavailable`` with a clear reason when it is not installed or fails.
  init() throws {
    guard let binary = Self.nginxBinary() else {
      throw Unavailable(
        description: "nginx is not installed; the shared-cache tests need Debian's nginx-light "
          + "(make test-deps installs it)")
    }
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent("notebook-webdav-\(UUID().uuidString.prefix(8))")
      .path
    try FileManager.default.createDirectory(atPath: folder + "/root", withIntermediateDirectories: true)
    var attempt = 0
    while true {
      attempt += 1
      let port = try unusedLoopbackPort()
      try Self.configuration(folder: folder, port: port).write(
        toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = ["-p", folder, "-c", folder + "/nginx.conf", "-e", folder + "/error.log"]
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle(forWritingAtPath: "/dev/null")
      try process.run()
      if waitUntilListening(port: port, process: process, within: 10) {
        self.port = port
        self.process = process
        return
      }
      waitForExit(process, within: 5)
      let log = (try? String(contentsOfFile: folder + "/error.log", encoding: .utf8)) ?? ""
      // Another process may have taken the port between choosing and binding it: try another.
      if attempt < 3 && log.contains("Address already in use") { continue }
      try? FileManager.default.removeItem(atPath: folder)
      throw Unavailable(description: "nginx did not start: \(log.isEmpty ? "no error log" : log)")
    }
  }

  /// Stops nginx, reaps it and removes its folder.
  func stop() {
    if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    waitForExit(process, within: 10)
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// The body of a stored entry.
  func entry(_ path: String) -> Data? { FileManager.default.contents(atPath: "\(root)/\(path)") }

  /// Replaces a stored entry.
  func replace(_ path: String, with data: Data) throws {
    try data.write(to: URL(fileURLWithPath: "\(root)/\(path)"))
  }

  private static func nginxBinary() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let candidates = path.split(separator: ":").map { "\($0)/nginx" } + ["/usr/sbin/nginx", "/usr/bin/nginx"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  private static func configuration(folder: String, port: UInt16) -> String {
    """
    daemon off;
    master_process off;
    worker_processes 1;
    pid \(folder)/nginx.pid;
    error_log \(folder)/error.log warn;
    events { worker_connections 64; }
    http {
      access_log off;
      client_body_temp_path \(folder)/body;
      proxy_temp_path \(folder)/proxy;
      fastcgi_temp_path \(folder)/fastcgi;
      uwsgi_temp_path \(folder)/uwsgi;
      scgi_temp_path \(folder)/scgi;
      client_max_body_size 64m;
      server {
        listen 127.0.0.1:\(port);
        root \(folder)/root;
        location / {
          dav_methods PUT DELETE MKCOL;
          create_full_put_path on;
          dav_access user:rw group:r all:r;
        }
      }
    }

    """
  }
}

/// A listening socket that never accepts: connections complete, requests are never answered.
final class SilentServer {
  let port: UInt16
  private let socketDescriptor: Int32

  init() throws {
    (socketDescriptor, port) = try boundSocket()
    guard listen(socketDescriptor, 16) == 0 else { throw WebDAVServer.Unavailable(description: "listen failed") }
  }

  func stop() { close(socketDescriptor) }
}

/// A port nothing listens on right now.
func unusedLoopbackPort() throws -> UInt16 {
  let (descriptor, port) = try boundSocket()
  close(descriptor)
  return port
}

private func boundSocket() throws -> (Int32, UInt16) {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard descriptor >= 0 else { throw WebDAVServer.Unavailable(description: "no socket") }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
      bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
    }
  }
  guard bound else {
    close(descriptor)
    throw WebDAVServer.Unavailable(description: "cannot bind a port on 127.0.0.1")
  }
  return (descriptor, UInt16(bigEndian: address.sin_port))
}

/// Waits at most `seconds` for a TCP connection to `port` to succeed while `process` runs.
private func waitUntilListening(port: UInt16, process: Process, within seconds: Double) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline && process.isRunning {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = port.bigEndian
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    close(descriptor)
    if connected { return true }
    Thread.sleep(forTimeInterval: 0.05)
  }
  return false
}
