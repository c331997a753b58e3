import Foundation

/// Where things live in a notebook project: the folder holding `Package.swift` and `notebooks/`.
public struct Project: Sendable {
  /// The absolute path of the project root.
  public let root: String

  /// A project rooted at `root`.
  public init(root: String) { self.root = root }

  /// Finds the project that contains `directory` by walking up to a folder with `notebooks/` and `Sources/Lab/`.
  public static func find(from directory: String) -> Project? {
    var url = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
      let notebooks = url.appendingPathComponent("notebooks").path
      let lab = url.appendingPathComponent("Sources/Lab").path
      if FileManager.default.fileExists(atPath: notebooks), FileManager.default.fileExists(atPath: lab) {
        return Project(root: url.path)
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  /// An absolute path for a path relative to the root.
  public func path(_ relative: String) -> String {
    relative.hasPrefix("/") ? relative : root + "/" + relative
  }

  /// The git-ignored folder for compiled modules, programs and cached results.
  public var cacheDirectory: String { path(".notebook-cache") }
  /// The rendered site.
  public var siteDirectory: String { path("site") }
  /// The notebooks folder.
  public var notebooksDirectory: String { path("notebooks") }

  /// Every notebook (`notebooks/*.md`), as root-relative paths in name order.
  public func notebookPaths() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: notebooksDirectory)) ?? []
    return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { "notebooks/\($0)" }
  }

  /// Every file below a root-relative folder, as sorted root-relative paths.
  public func files(under folder: String, withExtensions extensions: Set<String>? = nil) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: path(folder)) else { return [] }
    var result: [String] = []
    while let item = enumerator.nextObject() as? String {
      let full = path(folder + "/" + item)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      if let extensions, !extensions.contains((item as NSString).pathExtension) { continue }
      result.append(folder + "/" + item)
    }
    return result.sorted()
  }
}
