import Foundation
import NotebookRunner

/// Polls the notebooks and library sources for changes (size and modification time).
struct SourceWatcher: Sendable {
  let project: Project
  let toolchain: Toolchain

  /// The folders whose changes trigger a rebuild: the notebooks and the libraries' folders as `Package.swift`
  /// declares them (all of `Sources` when it cannot be read), with `Package.swift` itself.
  var watched: [String] {
    let manifest = try? PackageManifest.load(project: project, toolchain: toolchain)
    let graph = manifest.flatMap { try? LibraryGraph(manifest: $0) }
    let folders = graph.map { $0.modules.values.map { $0.folder }.sorted() } ?? ["Sources"]
    return ["notebooks"] + folders
  }

  /// Calls `onChange` after each change, forever; checks twice a second.
  func watch(onChange: () -> Void) {
    var last = signature()
    while true {
      Thread.sleep(forTimeInterval: 0.5)
      let now = signature()
      if now != last {
        last = now
        onChange()
        last = signature()
      }
    }
  }

  private func signature() -> [String: String] {
    var result = ["Package.swift": FileStamp.of(project.path("Package.swift"))]
    for folder in watched {
      for file in project.files(under: folder) {
        result[file] = FileStamp.of(project.path(file))
      }
    }
    return result
  }
}
