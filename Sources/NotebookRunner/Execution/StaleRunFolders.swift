import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The `run-<pid>-<random>` folders that runners killed mid-run leave in `programs/<notebook>/`.
///
/// A folder belongs to the runner whose pid it names and is removed by that runner when its run
/// ends; a folder whose runner is no longer alive can be used by nobody, so any build may remove it.
enum StaleRunFolders {
  /// Removes the run folders of dead runners below `programs`.
  static func remove(under programs: String) {
    let files = FileManager.default
    for notebook in (try? files.contentsOfDirectory(atPath: programs)) ?? [] {
      let folder = programs + "/" + notebook
      for run in (try? files.contentsOfDirectory(atPath: folder)) ?? [] {
        guard let owner = runnerPid(inName: run), !isAlive(owner) else { continue }
        try? files.removeItem(atPath: folder + "/" + run)
      }
    }
  }

  /// The pid in a name `run-<pid>-<random>`, or `nil` for another name.
  static func runnerPid(inName name: String) -> pid_t? {
    let parts = name.split(separator: "-")
    guard parts.count == 3, parts[0] == "run" else { return nil }
    return pid_t(parts[1])
  }

  private static func isAlive(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}
