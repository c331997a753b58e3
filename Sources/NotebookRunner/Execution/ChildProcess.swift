import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program in its own process group, streaming its merged stdout and stderr.
///
/// The child gets stdin from `/dev/null`. When it ends, or when `shouldStop` asks
/// for it, the whole process group is killed with SIGKILL, so children that a
/// program forked cannot outlive it. A `contained` child also runs in control groups of
/// its own (``RunCgroup``) where the kernel allows it: everything it starts is killed with
/// it, whatever its session or environment, and the memory limit holds for the whole tree.
struct ChildProcess {
  /// How a child ended.
  enum Termination: Equatable {
    /// Exited with a status code.
    case exited(Int32)
    /// Killed by a signal it did not expect (a trap is SIGILL or SIGTRAP).
    case signaled(Int32)
    /// Stopped by the runner, for the given reason.
    case stopped(StopReason)
  }

  /// Why the runner stopped a child: what the caller's `shouldStop` or the memory limit decided.
  struct StopReason: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
      /// A deadline passed.
      case timedOut
      /// The child printed more than the runner keeps.
      case outputLimit
      /// The run's processes went over their memory limit together.
      case memoryLimit
    }

    var kind: Kind
    /// What happened, for the terminal and the page.
    var message: String
  }

  /// An error starting the child.
  struct LaunchError: Error, CustomStringConvertible {
    var description: String
  }

  private static let spawnLock = NSLock()

  var executable: String
  var arguments: [String]
  var environment: [String: String]
  /// A cap on the child's address space, in bytes, or `nil`.
  var memoryLimit: Int?
  /// A `NAME=value` entry of `environment` that marks the child's descendants, so that
  /// those that leave its process group are killed too; `nil` to kill the group only.
  var descendantMarker: String? = nil
  /// Whether to run the child in control groups of its own (see ``RunCgroup``), when possible.
  var contained = false

  /// Runs the child to completion.
  ///
  /// - Parameters:
  ///   - onOutput: Receives each chunk of output as it arrives.
  ///   - shouldStop: Polled at least every 100 ms; a non-nil reason kills the process group.
  func run(
    onOutput: ([UInt8]) -> Void, shouldStop: () -> StopReason?
  ) throws -> Termination {
    // Pipe creation and spawn are serialised so that no child started by another
    // thread inherits this pipe's write end before it is marked close-on-exec.
    let cgroup = contained ? RunCgroup.create(memoryLimit: memoryLimit) : nil
    defer { cgroup?.remove() }
    let (pid, readEnd): (pid_t, Int32) = try Self.spawnLock.withLock {
      var fds: [Int32] = [0, 0]
      guard pipe(&fds) == 0 else { throw LaunchError(description: "Could not create a pipe") }
      _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
      _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
      defer { close(fds[1]) }
      do {
        return (try spawn(outputFD: fds[1], cgroup: cgroup), fds[0])
      } catch {
        close(fds[0])
        throw error
      }
    }
    defer { close(readEnd) }
    return monitor(pid: pid, readEnd: readEnd, cgroup: cgroup, onOutput: onOutput, shouldStop: shouldStop)
  }

  private func spawn(outputFD: Int32, cgroup: RunCgroup?) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputFD, 1)
    posix_spawn_file_actions_adddup2(&actions, outputFD, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)

    let argv = launchArguments(cgroup: cgroup)
    let envp = environment.map { "\($0.key)=\($0.value)" }.sorted()
    var pid: pid_t = 0
    let status = withCStrings(argv) { argvPointers in
      withCStrings(envp) { envPointers in
        posix_spawn(&pid, argv[0], &actions, &attributes, argvPointers, envPointers)
      }
    }
    guard status == 0 else {
      throw LaunchError(description: "Could not start '\(executable)': \(String(cString: strerror(status)))")
    }
    return pid
  }

  /// The command line, wrapped in `sh -c` that first joins the run's control groups and sets
  /// `ulimit -v` (one process's address space: a clear allocation failure for the common case),
  /// so that the program starts inside both.
  private func launchArguments(cgroup: RunCgroup?) -> [String] {
    var steps = cgroup.map { [$0.joinCommand] } ?? []
    if let memoryLimit { steps.append("ulimit -v \(memoryLimit / 1024)") }
    guard !steps.isEmpty else { return [executable] + arguments }
    let script = (steps + ["exec \"$0\" \"$@\""]).joined(separator: " && ")
    return ["/bin/sh", "-c", script, executable] + arguments
  }

  private func monitor(
    pid: pid_t, readEnd: Int32, cgroup: RunCgroup?, onOutput: ([UInt8]) -> Void, shouldStop: () -> StopReason?
  ) -> Termination {
    var buffer = [UInt8](repeating: 0, count: 65536)
    var stopReason: StopReason?
    var exitStatus: Int32?
    var exitTime = Date.distantFuture
    var pipeOpen = true
    while pipeOpen || exitStatus == nil {
      if pipeOpen {
        var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 100) > 0 {
          let count = read(readEnd, &buffer, buffer.count)
          if count > 0 {
            onOutput(Array(buffer[0..<count]))
          } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            pipeOpen = false
          }
        }
      } else {
        usleep(20_000)
      }
      if stopReason == nil, let reason = cgroup.flatMap(Self.memoryLimitMessage) ?? shouldStop() {
        stopReason = reason
        killEverything(pid, cgroup: cgroup)
      }
      if exitStatus == nil, let status = reap(pid, blocking: false) {
        exitStatus = status
        exitTime = Date()
        killEverything(pid, cgroup: cgroup)
      }
      // A descendant that escaped every kill may still hold the pipe: stop reading after a grace period.
      if Date().timeIntervalSince(exitTime) > 1 { break }
    }
    if stopReason == nil, let reason = cgroup.flatMap(Self.memoryLimitMessage) { stopReason = reason }
    if let stopReason { return .stopped(stopReason) }
    return Self.termination(fromWaitStatus: exitStatus ?? 0)
  }

  /// The failure to report when the kernel killed a process of the run for its memory.
  private static func memoryLimitMessage(_ cgroup: RunCgroup) -> StopReason? {
    guard cgroup.hitMemoryLimit, let limit = cgroup.memoryLimit else { return nil }
    return StopReason(
      kind: .memoryLimit,
      message: "The notebook's processes went over the memory limit (\(limit >> 20) MiB together) and were stopped")
  }

  /// Kills the child's process group and the rest of the run: its control group when there
  /// is one, else every process that carries this run's marker in its environment.
  private func killEverything(_ pid: pid_t, cgroup: RunCgroup?) {
    kill(-pid, SIGKILL)
    if let cgroup {
      cgroup.killAll()
      return
    }
    guard descendantMarker != nil else { return }
    // A chain that forks and exits moves on while one sweep reads /proc: sweep until one finds nothing.
    let deadline = Date().addingTimeInterval(2)
    while killMarkedProcesses() > 0 && Date() < deadline {}
  }

  /// Kills the processes that carry the marker in their environment; returns how many it found.
  private func killMarkedProcesses() -> Int {
    guard let descendantMarker else { return 0 }
    var found = 0
    let needle = Array(descendantMarker.utf8)
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let other = Int32(entry), other != getpid(),
        let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ")
      else { continue }
      let variables = Array(environment).split(separator: 0)
      if variables.contains(where: { $0.elementsEqual(needle) }) {
        kill(other, SIGKILL)
        found += 1
      }
    }
    return found
  }

  private func reap(_ pid: pid_t, blocking: Bool) -> Int32? {
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
      if result == pid { return status }
      if result == -1, errno == EINTR { continue }
      return nil
    }
  }

  private static func termination(fromWaitStatus status: Int32) -> Termination {
    let signal = status & 0x7f
    if signal == 0 { return .exited((status >> 8) & 0xff) }
    return .signaled(signal)
  }
}

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
  var pointers = strings.map { strdup($0) }
  pointers.append(nil)
  defer { pointers.forEach { free($0) } }
  return pointers.withUnsafeBufferPointer { buffer in
    guard let base = buffer.baseAddress else { preconditionFailure("argument vector has no storage") }
    return body(base)
  }
}
