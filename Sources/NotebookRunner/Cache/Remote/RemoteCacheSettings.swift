import Foundation

/// Where the shared result cache is and how to talk to it.
///
/// The URL comes from `--cache-url`, else `NOTEBOOK_CACHE_URL`, else `cache-url:` in the project's
/// `notebook.yml`; an empty value turns the shared cache off. Credentials come from the
/// environment: `NOTEBOOK_CACHE_TOKEN` (a bearer token) or user information in the URL (basic
/// authentication; keep such a URL in the environment, not in a committed file). Messages show
/// the URL with its user information masked.
public struct RemoteCacheSettings: Sendable {
  /// A setting that cannot be used.
  public struct Problem: Error, CustomStringConvertible {
    /// What is wrong, without credentials.
    public var description: String
  }

  /// The store's base URL, credentials included.
  public var url: URL
  /// A bearer token, if any.
  public var token: String?
  /// Seconds one request may take.
  public var timeout: Double = 5
  /// The largest entry fetched or uploaded.
  public var maximumBytes = RemoteResultCache.defaultMaximumBytes
  /// Whether results are uploaded (`NOTEBOOK_CACHE_UPLOAD=0` makes the cache read-only).
  public var uploads = true

  /// The URL with user information replaced by `***`.
  public var displayURL: String { Self.masked(url.absoluteString) }

  /// Settings from the command line, the environment and the project file, in that order of precedence.
  ///
  /// - Returns: `nil` when no URL is set (or it is set to the empty string).
  public static func resolve(
    flag: String?, environment: [String: String], projectFile: String?
  ) throws -> RemoteCacheSettings? {
    let fileValue = projectFile.flatMap { ProjectSettingsFile.value(of: "cache-url", in: $0) }
    guard let text = flag ?? environment["NOTEBOOK_CACHE_URL"] ?? fileValue, !text.isEmpty else { return nil }
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
      url.host?.isEmpty == false
    else {
      throw Problem(description: "The cache URL '\(masked(text))' is not an http:// or https:// URL")
    }
    var settings = RemoteCacheSettings(url: url, token: environment["NOTEBOOK_CACHE_TOKEN"].flatMap(nonEmpty))
    if let timeout = environment["NOTEBOOK_CACHE_TIMEOUT"] {
      guard let seconds = Double(timeout), seconds > 0, seconds <= 600 else {
        throw Problem(description: "NOTEBOOK_CACHE_TIMEOUT must be a number of seconds in (0, 600], got '\(timeout)'")
      }
      settings.timeout = seconds
    }
    settings.uploads = environment["NOTEBOOK_CACHE_UPLOAD"] != "0"
    return settings
  }

  /// `text` with anything between `://` and `@` in its authority replaced by `***`.
  public static func masked(_ text: String) -> String {
    guard let schemeEnd = text.range(of: "://") else { return text }
    let rest = text[schemeEnd.upperBound...]
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
    guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
    return String(text[..<schemeEnd.upperBound]) + "***" + String(rest[at...])
  }

  private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

/// The project's `notebook.yml`: flat `key: value` lines; `#` starts a comment.
public enum ProjectSettingsFile {
  /// The file's name at the project root.
  public static let name = "notebook.yml"

  /// The value of `key` in the file at `path`, unquoted, or `nil`.
  public static func value(of key: String, in path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":"),
        trimmed[..<colon].trimmingCharacters(in: .whitespaces) == key
      else { continue }
      var value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if let hash = value.range(of: " #") { value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces) }
      if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
        value = String(value.dropFirst().dropLast())
      }
      return value
    }
    return nil
  }
}
