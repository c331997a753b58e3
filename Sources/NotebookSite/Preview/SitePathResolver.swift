import Foundation

/// Maps a URL path to a file inside the site folder, refusing anything outside it.
///
/// The path is percent-decoded once; `..` components, NUL bytes, backslashes and
/// hidden files are refused; the result is resolved through symbolic links and
/// must still lie inside the (resolved) site folder. A folder maps to its `index.html`.
public struct SitePathResolver: Sendable {
  /// The site folder, resolved through symbolic links.
  public let root: String

  /// A resolver for the folder at `siteDirectory`.
  public init(siteDirectory: String) {
    root = URL(fileURLWithPath: siteDirectory).resolvingSymlinksInPath().standardizedFileURL.path
  }

  /// The file to serve for `urlPath`, or `nil` if it is outside the site or does not exist.
  public func file(for urlPath: String) -> String? {
    let withoutQuery = urlPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    guard let decoded = String(withoutQuery).removingPercentEncoding,
      !decoded.contains("\0"), !decoded.contains("\\")
    else { return nil }
    let components = decoded.split(separator: "/")
    guard !components.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return nil }
    var candidate = ([root] + components.map(String.init)).joined(separator: "/")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return nil }
    if isDirectory.boolValue { candidate += "/index.html" }
    let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().standardizedFileURL.path
    guard resolved.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else { return nil }
    return resolved
  }

  /// The `Content-Type` for a file name.
  public static func contentType(for path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "woff2": return "font/woff2"
    case "woff": return "font/woff"
    case "ttf": return "font/ttf"
    case "json": return "application/json"
    case "md": return "text/plain; charset=utf-8"  // shown as text, not downloaded
    default: return "application/octet-stream"
    }
  }
}
