import FlyingFox
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

  func run() async throws {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port))
    let resolver = SitePathResolver(siteDirectory: siteDirectory)
    let state = state
    await server.appendRoute(HTTPRoute(method: .GET, path: Self.versionPath)) { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
        body: Data(String(state.current).utf8))
    }
    await server.appendRoute(HTTPRoute(method: .GET, path: "*")) { request in
      Self.serve(request.path, resolver: resolver, version: state.current)
    }
    try await server.run()
  }

  static func serve(_ path: String, resolver: SitePathResolver, version: Int) -> HTTPResponse {
    guard let file = resolver.file(for: path), var body = FileManager.default.contents(atPath: file) else {
      return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("Not found\n".utf8))
    }
    let type = SitePathResolver.contentType(for: file)
    if type.hasPrefix("text/html") { body = injectReloadScript(into: body, version: version) }
    return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
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
