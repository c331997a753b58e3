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
        let attributes = try? FileManager.default.attributesOfItem(atPath: project.path(file))
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        result[file] = "\(size)@\(modified)"
      }
    }
    return result
  }
}
