import Foundation
import NotebookSite

/// A version number the watcher bumps after each rebuild; pages poll it to reload.
final class PreviewState: @unchecked Sendable {
  private let lock = NSLock()
  private var version = 0

  var current: Int { lock.withLock { version } }
  func bump() { lock.withLock { version += 1 } }
}

/// Serves `site/` on 127.0.0.1 only, adding a reload script to HTML responses (never to files).
struct PreviewServer {
  static let versionPath = "/__preview/version"

  let siteDirectory: String
  let port: UInt16
  let state: PreviewState
  /// Whether each request gets a line on the terminal.
  var isVerbose = false

  /// Serves until the process ends.
  func run() async throws {
    let resolver = SitePathResolver(siteDirectory: siteDirectory)
    let state = state
    let logger: LoopbackServer.Logger? = isVerbose ? { @Sendable line in Console.line(line) } : nil
    let server = try LoopbackServer(port: port, logger: logger) { head in
      Self.respond(to: head.path, resolver: resolver, version: state.current)
    }
    server.start()
    Console.line("Serving site/ at http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)")
    while true { try await Task.sleep(for: .seconds(3600)) }
  }

  /// The response for `path` (still percent-encoded: the resolver decodes it, once).
  static func respond(to path: String, resolver: SitePathResolver, version: Int) -> PreviewResponse {
    if path == versionPath {
      return PreviewResponse(status: 200, contentType: "text/plain", body: Array(String(version).utf8))
    }
    guard let file = resolver.file(for: path), let body = FileManager.default.contents(atPath: file) else {
      return .text(404)
    }
    let type = SitePathResolver.contentType(for: file)
    let served = type.hasPrefix("text/html") ? injectReloadScript(into: body, version: version) : body
    return PreviewResponse(status: 200, contentType: type, body: Array(served))
  }

  /// Appends a script that polls the version and reloads when it changes.
  static func injectReloadScript(into page: Data, version: Int) -> Data {
    let script = """
      <script>(function(){var v=\(version);setInterval(function(){fetch('\(versionPath)').then(function(r){return r.text()})\
      .then(function(t){if(+t!==v){location.reload()}}).catch(function(){})},1000)})();</script>
      """
    var text = String(decoding: page, as: UTF8.self)
    if let range = text.range(of: "</body>", options: .backwards) {
      text.insert(contentsOf: script, at: range.lowerBound)
    } else {
      text += script
    }
    return Data(text.utf8)
  }
}
