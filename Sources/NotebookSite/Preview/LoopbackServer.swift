import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for `GET` and `HEAD`, built to stay responsive whatever clients send.
///
/// Each connection has its own thread, up to ``Configuration/maximumConnections``; request heads are
/// read by ``RequestHeadReader`` within its limits (414, 431); a connection that does not deliver a
/// complete head within ``Configuration/idleTimeout`` of opening or of its last response is closed
/// (with 408 if it had started one). Requests must name this server in `Host` (`127.0.0.1` or
/// `localhost` with the port), so a page on another site cannot read the preview through DNS
/// rebinding. Request bodies are refused. The handler sees the target undecoded: it decodes it once.
public final class LoopbackServer: @unchecked Sendable {
  /// How the server bounds its work.
  public struct Configuration: Sendable {
    /// Size limits for request heads.
    public var limits = RequestHeadReader.Limits()
    /// Seconds a connection may take to deliver a complete request head; also bounds each send.
    public var idleTimeout: Double = 10
    /// Connections served at once; more are answered 503 and closed.
    public var maximumConnections = 64

    /// The default configuration.
    public init() {}
  }

  /// Answers one request; called on the connection's thread.
  public typealias Handler = @Sendable (RequestHead) -> PreviewResponse
  /// Receives one line per request (`GET /path 200`).
  public typealias Logger = @Sendable (String) -> Void

  /// The port listened on (the one chosen by the system when asked for port 0).
  public let port: UInt16
  let configuration: Configuration
  let handler: Handler
  let logger: Logger?
  private let listener: Int32
  private let lock = NSLock()
  private var connections: Set<Int32> = []
  private var isStopped = false

  /// Binds 127.0.0.1:`port`; call ``start()`` to serve.
  ///
  /// - Throws: ``LoopbackServerError`` when the port cannot be bound.
  public init(
    port: UInt16, configuration: Configuration = Configuration(), logger: Logger? = nil,
    handler: @escaping Handler
  ) throws {
    (listener, self.port) = try Socket.listen(port: port)
    self.configuration = configuration
    self.logger = logger
    self.handler = handler
  }

  /// Starts accepting connections on a thread of its own.
  public func start() {
    Thread.detachNewThread { [self] in acceptLoop() }
  }

  /// Stops accepting, shuts down open connections and closes the listening socket.
  public func stop() {
    lock.withLock {
      isStopped = true
      for descriptor in connections { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }
  }

  private var stopped: Bool { lock.withLock { isStopped } }

  private func acceptLoop() {
    defer { close(listener) }
    while !stopped {
      guard Socket.waitReadable(listener, milliseconds: 200) == .ready else { continue }
      let descriptor = accept(listener, nil, nil)
      guard descriptor >= 0 else { continue }
      guard register(descriptor) else {
        refuseBusy(descriptor)
        continue
      }
      Thread.detachNewThread { [self] in
        defer { unregister(descriptor) }
        Connection(descriptor: descriptor, server: self).serve()
      }
    }
  }

  private func register(_ descriptor: Int32) -> Bool {
    lock.withLock {
      guard !isStopped, connections.count < configuration.maximumConnections else { return false }
      connections.insert(descriptor)
      return true
    }
  }

  private func unregister(_ descriptor: Int32) {
    lock.withLock {
      connections.remove(descriptor)
      close(descriptor)
    }
  }

  private func refuseBusy(_ descriptor: Int32) {
    Socket.setSendTimeout(descriptor, seconds: 1)
    _ = Socket.send(
      descriptor, PreviewResponse.text(503, "too many connections").serialized(keepAlive: false, includesBody: true))
    close(descriptor)
  }

  /// The `Host` values that name this server.
  var acceptedHosts: Set<String> {
    var hosts: Set<String> = ["127.0.0.1:\(port)", "localhost:\(port)"]
    if port == 80 { hosts.formUnion(["127.0.0.1", "localhost"]) }
    return hosts
  }
}

/// A port that could not be listened on.
public struct LoopbackServerError: Error, CustomStringConvertible {
  /// The explanation, naming the address.
  public let description: String
}
