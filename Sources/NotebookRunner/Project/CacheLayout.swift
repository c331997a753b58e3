import Foundation
import NotebookSupport

/// Where everything under a project's `.notebook-cache/` lives: the one place that names its folders.
///
/// Every part of the cache can be removed at any time (`notebook clean` removes all of it); what is
/// missing is made again.
public struct CacheLayout: Sendable {
  /// The cache's folder.
  public let root: String

  /// The layout of the cache in `root`.
  public init(root: String) { self.root = root }

  /// Whole-notebook results, one file per notebook (``ResultCache``).
  public var results: String { "\(root)/results" }
  /// Single cells' results, a folder per notebook.
  public var cells: String { "\(root)/cells" }
  /// Generated and compiled notebook programs, a folder per run (removed when it ends).
  public var programs: String { "\(root)/programs" }
  /// Compiled library modules, a folder per module and fingerprint.
  public var modules: String { "\(root)/modules" }
  /// The memo of input files' digests by size and modification time.
  public var fileDigests: String { "\(root)/file-digests.json" }
  /// The scratch folder `swift package dump-package` works in.
  public var packageScratch: String { "\(root)/package-scratch" }
  /// The memo of the value types the libraries declare (``LibraryValueTypes``), for the cell graph.
  public var libraryValueTypes: String { "\(root)/library-value-types.json" }
  /// The lock every build of the project takes.
  public var buildLock: String { "\(root)/build.lock" }
  /// The renderer's caches (math, highlighting, prepared pages).
  public var site: String { "\(root)/site" }

  /// The memo of the package description read for a manifest and compiler digest.
  public func packageDescription(digest: String) -> String { "\(root)/package-\(digest.prefix(16)).json" }

  /// The stamp of the last render into `siteDirectory`.
  public func renderStamp(siteDirectory: String) -> String {
    "\(root)/site-stamps/\(SHA256.hex(siteDirectory).prefix(16))"
  }

  /// The record of the last whole-project build into `siteDirectory` that changed nothing it can vouch for.
  public func noChangeRecord(siteDirectory: String) -> String {
    renderStamp(siteDirectory: siteDirectory) + ".no-change"
  }

  /// Removes every part of the cache but the build lock, which the caller holds.
  public func removeAll() throws {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    for entry in entries where "\(root)/\(entry)" != buildLock {
      try FileManager.default.removeItem(atPath: "\(root)/\(entry)")
    }
  }

  /// The folder of one notebook's entries under `folder` (results of its cells, its programs).
  static func notebookFolder(_ notebookPath: String, slug: String, under folder: String) -> String {
    "\(folder)/\(slug)-\(SHA256.hex(notebookPath).prefix(8))"
  }
}

extension Project {
  /// Where the cache's parts live.
  public var cache: CacheLayout { CacheLayout(root: cacheDirectory) }
}
