import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The control groups of one program run: every process the program starts, whatever its
/// session, environment or parent, is in them, so the run can be ended as a whole and its memory
/// limit holds for the whole tree.
///
/// A cgroup v2 group (below the runner's own) gives `cgroup.kill`; the memory limit comes from the
/// v2 memory controller when the runner's group delegates it, else from the v1 memory hierarchy
/// (`memory.limit_in_bytes`, with `memory.memsw.limit_in_bytes` so swap cannot stretch it). Creating
/// groups needs write access to the hierarchy, normally root; without it ``create(memoryLimit:)``
/// returns `nil` and the runner falls back to process groups and an environment marker.
final class RunCgroup {
  /// The group with `cgroup.kill` (v2).
  let killGroup: String
  /// The group that holds the memory limit (the v2 group itself, or a v1 memory group), or `nil`.
  let memoryGroup: String?
  /// The limit in bytes that `memoryGroup` enforces.
  let memoryLimit: Int?

  private init(killGroup: String, memoryGroup: String?, memoryLimit: Int?) {
    self.killGroup = killGroup
    self.memoryGroup = memoryGroup
    self.memoryLimit = memoryLimit
  }

  /// Which kernel mechanisms contain a run on this machine, for messages and docs.
  var description: String {
    let memory = memoryGroup.map { $0 == killGroup ? "cgroup v2 memory.max" : "cgroup v1 memory limit" }
    return "cgroup v2 (cgroup.kill)" + (memory.map { ", " + $0 } ?? ", no tree memory limit")
  }

  /// What contains a run here: the mechanisms of a probe group, or why there are none.
  static let mechanism: String = {
    guard let probe = create(memoryLimit: 1 << 30) else {
      return "no cgroups (cannot create a cgroup v2 group here): process group and environment marker"
    }
    defer { probe.remove() }
    return probe.description
  }()

  /// Whether this machine limits the memory of a run's whole tree.
  static let limitsTreeMemory: Bool = {
    guard let probe = create(memoryLimit: 1 << 30) else { return false }
    defer { probe.remove() }
    return probe.memoryGroup != nil
  }()

  /// Creates the groups of a new run, or `nil` when this machine or user cannot.
  static func create(memoryLimit: Int?) -> RunCgroup? {
    guard let parent = ownGroup(hierarchy: unifiedRoot, controller: nil),
      FileManager.default.fileExists(atPath: parent + "/cgroup.procs")
    else { return nil }
    removeStaleGroups(in: parent)
    let name = "notebook-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let group = parent + "/" + name
    guard mkdir(group, 0o755) == 0 else { return nil }
    guard FileManager.default.fileExists(atPath: group + "/cgroup.kill") else {
      rmdir(group)
      return nil
    }
    guard let memoryLimit else { return RunCgroup(killGroup: group, memoryGroup: nil, memoryLimit: nil) }
    if write("\(memoryLimit)", to: group + "/memory.max") {
      _ = write("0", to: group + "/memory.swap.max")
      return RunCgroup(killGroup: group, memoryGroup: group, memoryLimit: memoryLimit)
    }
    return RunCgroup(
      killGroup: group, memoryGroup: v1MemoryGroup(named: name, limit: memoryLimit), memoryLimit: memoryLimit)
  }

  /// A shell command that moves the shell itself into the groups; run before `exec`ing the
  /// program, so that the program and all it starts are inside from their first instruction.
  var joinCommand: String {
    let groups = [killGroup] + (memoryGroup.map { $0 == killGroup ? [] : [$0] } ?? [])
    return groups.map { "echo $$ > '\($0)/cgroup.procs'" }.joined(separator: " && ")
  }

  /// Whether the kernel killed a process of the run for going over the memory limit.
  var hitMemoryLimit: Bool {
    guard let memoryGroup else { return false }
    let file = memoryGroup == killGroup ? "memory.events" : "memory.oom_control"
    let text = (try? String(contentsOfFile: memoryGroup + "/" + file, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").contains { line in
      let fields = line.split(separator: " ")
      return fields.count == 2 && fields[0] == "oom_kill" && fields[1] != "0"
    }
  }

  /// The peak memory of the run's whole tree, in bytes, when the kernel records it.
  var peakMemory: Int? {
    guard let memoryGroup else { return nil }
    let file = memoryGroup == killGroup ? "memory.peak" : "memory.max_usage_in_bytes"
    let text = (try? String(contentsOfFile: memoryGroup + "/" + file, encoding: .utf8)) ?? ""
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Kills every process in the run (a no-op when none is left).
  func killAll() {
    _ = Self.write("1", to: killGroup + "/cgroup.kill")
  }

  /// Kills everything, waits (at most 5 s) until the groups are empty, and removes them.
  func remove() {
    killAll()
    let deadline = Date().addingTimeInterval(5)
    while populated && Date() < deadline {
      usleep(10_000)
      killAll()
    }
    if let memoryGroup, memoryGroup != killGroup {
      while rmdir(memoryGroup) != 0 && errno == EBUSY && Date() < deadline { usleep(10_000) }
    }
    rmdir(killGroup)
  }

  private var populated: Bool {
    guard let events = try? String(contentsOfFile: killGroup + "/cgroup.events", encoding: .utf8) else {
      return false
    }
    return !events.contains("populated 0")
  }

  /// Ends the runs of runners that died (killed before they could remove their groups):
  /// groups named after a pid that is no longer alive.
  private static func removeStaleGroups(in parent: String) {
    let memoryParent = ownGroup(hierarchy: "/sys/fs/cgroup/memory", controller: "memory")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
      guard let owner = runnerPid(inName: name), !isAlive(owner) else { continue }
      let stale = RunCgroup(
        killGroup: parent + "/" + name, memoryGroup: memoryParent.map { $0 + "/" + name }, memoryLimit: nil)
      stale.remove()
    }
  }

  /// The runner's pid in a name `notebook-run-<pid>-<random>`, or `nil` for another name.
  static func runnerPid(inName name: String) -> pid_t? {
    let parts = name.split(separator: "-")
    guard parts.count == 4, parts[0] == "notebook", parts[1] == "run" else { return nil }
    return pid_t(parts[2])
  }

  // MARK: - Finding the hierarchies

  /// The cgroup v2 mount: `/sys/fs/cgroup` on a unified system, `/sys/fs/cgroup/unified` on a hybrid one.
  private static let unifiedRoot: String = {
    FileManager.default.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers")
      ? "/sys/fs/cgroup" : "/sys/fs/cgroup/unified"
  }()

  /// The runner's own group in a hierarchy (`controller` nil: the v2 one), from `/proc/self/cgroup`.
  private static func ownGroup(hierarchy: String, controller: String?) -> String? {
    guard let text = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      let matches =
        controller == nil ? fields[0] == "0" : fields[1].split(separator: ",").contains { $0 == controller! }
      if matches { return hierarchy + (fields[2] == "/" ? "" : String(fields[2])) }
    }
    return nil
  }

  private static func v1MemoryGroup(named name: String, limit: Int) -> String? {
    guard let parent = ownGroup(hierarchy: "/sys/fs/cgroup/memory", controller: "memory") else { return nil }
    let group = parent + "/" + name
    guard mkdir(group, 0o755) == 0 else { return nil }
    guard write("\(limit)", to: group + "/memory.limit_in_bytes") else {
      rmdir(group)
      return nil
    }
    // Fails when swap accounting is off; then there is no swap to account either way.
    _ = write("\(limit)", to: group + "/memory.memsw.limit_in_bytes")
    return group
  }

  private static func isAlive(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

  private static func write(_ value: String, to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let bytes = Array(value.utf8)
    return Glibc.write(descriptor, bytes, bytes.count) == bytes.count
  }
}
