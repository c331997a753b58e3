import Foundation
import NotebookRunner

/// Polls the notebooks and library sources for changes (size and modification time).
struct SourceWatcher: Sendable {
  let project: Project

  /// The folders whose changes trigger a rebuild.
  static let watched = ["notebooks", "Sources/Lab", "Sources/NotebookRuntime"]

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
    var result: [String: String] = [:]
    for folder in Self.watched {
      for file in project.files(under: folder) {
        result[file] = FileStamp.of(project.path(file))
      }
    }
    return result
  }
}
