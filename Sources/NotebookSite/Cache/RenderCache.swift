import Foundation

/// Highlighted code and typeset formulas from the previous build, so a build pays only for
/// code and math that changed (a prose edit typesets one page's formulas and highlights nothing).
///
/// Keys are the exact inputs (the code; a page's formulas in order), so a hit is always right
/// for the same KaTeX installation and highlighter. The file records KaTeX's version and the
/// size and date of its script, and ``RenderCache/version`` changes with the highlighter's
/// output, so an upgrade of either empties the cache. A missing or unreadable file is an
/// empty cache; only entries used by the last build are kept.
struct RenderCache: Codable, Sendable {
  /// Bumped whenever highlighting or math HTML changes shape.
  static let version = 1

  /// Identifies the KaTeX installation the formulas were typeset with.
  struct KaTeXStamp: Codable, Sendable, Equatable {
    var version: String
    var distDirectory: String
    var scriptSize: Int
    var scriptModified: Double

    /// The stamp of the installation in `distDirectory` now, or `nil` when its script is gone.
    static func current(version: String, distDirectory: String) -> KaTeXStamp? {
      let attributes = try? FileManager.default.attributesOfItem(atPath: distDirectory + "/katex.js")
      guard let size = attributes?[.size] as? Int, let date = attributes?[.modificationDate] as? Date else {
        return nil
      }
      return KaTeXStamp(
        version: version, distDirectory: distDirectory, scriptSize: size,
        scriptModified: date.timeIntervalSince1970)
    }
  }

  var formatVersion = RenderCache.version
  var katex: KaTeXStamp?
  /// Swift source → highlighted HTML.
  var highlights: [String: String] = [:]
  /// A page's formulas (see ``mathKey(_:)``) → their results.
  var math: [String: [MathResult]] = [:]

  /// The key of a page's formulas: their TeX and style, in order (macros make order matter).
  static func mathKey(_ requests: [MathRequest]) -> String {
    requests.map { ($0.display ? "D" : "I") + $0.tex }.joined(separator: "\u{1}")
  }

  /// Reads the cache in `directory`; an absent, stale or unreadable cache is empty.
  static func load(from directory: String?) -> RenderCache {
    guard let directory, let data = FileManager.default.contents(atPath: file(in: directory)),
      var cache = try? JSONDecoder().decode(RenderCache.self, from: data),
      cache.formatVersion == version
    else { return RenderCache() }
    if let stamp = cache.katex,
      KaTeXStamp.current(version: stamp.version, distDirectory: stamp.distDirectory) != stamp
    {
      cache.katex = nil
      cache.math = [:]
    }
    return cache
  }

  /// Writes the cache atomically; failures are ignored (the cache only saves time).
  func save(to directory: String?) {
    guard let directory, let data = try? JSONEncoder().encode(self) else { return }
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let target = URL(fileURLWithPath: Self.file(in: directory))
    try? data.write(to: target, options: .atomic)
  }

  private static func file(in directory: String) -> String { directory + "/site-render-cache.json" }
}
