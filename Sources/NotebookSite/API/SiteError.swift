/// A problem with the environment that stops the site from being built: KaTeX or `node`
/// missing, a file that cannot be written.
///
/// Problems in notebooks are never thrown; they are ``SiteBuildReport/diagnostics``.
public struct SiteError: Error, Sendable, CustomStringConvertible {
  enum Reason: Sendable {
    case nodeMissing
    case katexMissing(String)
    case katexFailed(String)
    case assetMissing(String)
    case writeFailed(path: String, underlying: String)
  }

  let reason: Reason

  init(_ reason: Reason) { self.reason = reason }

  /// Whether KaTeX ran and failed (as opposed to being missing): another batch may succeed.
  var isRendererFailure: Bool {
    if case .katexFailed = reason { return true }
    return false
  }

  /// A sentence-case message naming the missing program or the file.
  public var description: String {
    switch reason {
    case .nodeMissing:
      return "Cannot run 'node' to typeset math; install it with 'apt-get install nodejs katex'"
    case .katexMissing(let detail):
      return "Cannot load KaTeX (\(detail)); install it with 'apt-get install katex fonts-katex libjs-katex'"
    case .katexFailed(let detail):
      return "KaTeX stopped unexpectedly: \(detail)"
    case .assetMissing(let path):
      return "Missing site asset '\(path)'; install it with 'apt-get install katex fonts-katex libjs-katex'"
    case .writeFailed(let path, let underlying):
      return "Cannot write '\(path)': \(underlying)"
    }
  }
}
