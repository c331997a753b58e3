import Foundation
import NotebookCore

/// What the last build rendered for each page, so that an unchanged page is kept, not re-rendered.
///
/// A page is kept when its inputs (the renderer's executable, the site title, the KaTeX version,
/// the notebook's path and text, and its result's identity) are those it was rendered from, and
/// its file in the site is still the one written then (size and modification time). A prose edit
/// in one notebook of a thousand then renders one page and the index.
struct PageMemo: Codable {
  struct Entry: Codable {
    var inputs: String
    var file: String
    var index: IndexRenderer.Entry
    var diagnostics: [Diagnostic]
    var highlightKeys: [String]
  }

  var pages: [String: Entry] = [:]

  static func load(cacheDirectory: String?, siteDirectory: String) -> PageMemo {
    guard let path = path(cacheDirectory: cacheDirectory, siteDirectory: siteDirectory),
      let data = FileManager.default.contents(atPath: path),
      let memo = try? JSONDecoder().decode(PageMemo.self, from: data)
    else { return PageMemo() }
    return memo
  }

  func save(cacheDirectory: String?, siteDirectory: String) {
    guard let path = Self.path(cacheDirectory: cacheDirectory, siteDirectory: siteDirectory),
      let data = try? JSONEncoder().encode(self)
    else { return }
    try? FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// The inputs of a page, or `nil` when the page has no result identity (it is always rendered).
  static func inputs(of page: SitePage, siteTitle: String, katexVersion: String) -> String? {
    guard let identity = page.resultIdentity, let text = page.notebook.sourceDigest else { return nil }
    return [rendererIdentity, siteTitle, katexVersion, page.notebook.path, text, identity].joined(separator: "\u{0}")
  }

  /// The stamp of a site file: size and modification time, or `nil` when it is missing.
  static func stamp(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }

  private static let rendererIdentity: String = {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    return "\(executable) \(stamp(executable) ?? "unknown")"
  }()

  private static func path(cacheDirectory: String?, siteDirectory: String) -> String? {
    guard let cacheDirectory else { return nil }
    let name = siteDirectory.unicodeScalars.reduce(into: UInt64(14_695_981_039_346_656_037)) { hash, scalar in
      hash = (hash ^ UInt64(scalar.value)) &* 1_099_511_628_211
    }
    return "\(cacheDirectory)/pages-\(String(name, radix: 16)).json"
  }
}
