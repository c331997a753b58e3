import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program in its own process group, streaming its merged stdout and stderr.
///
/// The child gets stdin from `/dev/null`. When it ends, or when `shouldStop` asks
/// for it, the whole process group is killed with SIGKILL, so children that a
/// program forked cannot outlive it.
struct ChildProcess {
  /// How a child ended.
  enum Termination: Equatable {
    /// Exited with a status code.
    case exited(Int32)
    /// Killed by a signal it did not expect (a trap is SIGILL or SIGTRAP).
    case signaled(Int32)
    /// Stopped by the runner, for the given reason.
    case stopped(String)
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

  /// Runs the child to completion.
  ///
  /// - Parameters:
  ///   - onOutput: Receives each chunk of output as it arrives.
  ///   - shouldStop: Polled at least every 100 ms; a non-nil reason kills the process group.
  func run(
    onOutput: ([UInt8]) -> Void, shouldStop: () -> String?
  ) throws -> Termination {
    // Pipe creation and spawn are serialised so that no child started by another
    // thread inherits this pipe's write end before it is marked close-on-exec.
    let (pid, readEnd): (pid_t, Int32) = try Self.spawnLock.withLock {
      var fds: [Int32] = [0, 0]
      guard pipe(&fds) == 0 else { throw LaunchError(description: "Could not create a pipe") }
      _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
      _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
      defer { close(fds[1]) }
      do {
        return (try spawn(outputFD: fds[1]), fds[0])
      } catch {
        close(fds[0])
        throw error
      }
    }
    defer { close(readEnd) }
    return monitor(pid: pid, readEnd: readEnd, onOutput: onOutput, shouldStop: shouldStop)
  }

  private func spawn(outputFD: Int32) throws -> pid_t {
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

    let argv = launchArguments()
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

  /// The command line, wrapped in `sh -c 'ulimit -v …'` when there is a memory limit.
  private func launchArguments() -> [String] {
    guard let memoryLimit else { return [executable] + arguments }
    let kilobytes = memoryLimit / 1024
    return ["/bin/sh", "-c", "ulimit -v \(kilobytes) && exec \"$0\" \"$@\"", executable] + arguments
  }

  private func monitor(
    pid: pid_t, readEnd: Int32, onOutput: ([UInt8]) -> Void, shouldStop: () -> String?
  ) -> Termination {
    var buffer = [UInt8](repeating: 0, count: 65536)
    var stopReason: String?
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
      if stopReason == nil, let reason = shouldStop() {
        stopReason = reason
        killEverything(pid)
      }
      if exitStatus == nil, let status = reap(pid, blocking: false) {
        exitStatus = status
        exitTime = Date()
        killEverything(pid)
      }
      // A descendant that escaped every kill may still hold the pipe: stop reading after a grace period.
      if Date().timeIntervalSince(exitTime) > 1 { break }
    }
    if let stopReason { return .stopped(stopReason) }
    return Self.termination(fromWaitStatus: exitStatus ?? 0)
  }

  /// Kills the child's process group and every process that carries this run's marker
  /// in its environment (descendants that moved to a group of their own).
  private func killEverything(_ pid: pid_t) {
    kill(-pid, SIGKILL)
    guard let descendantMarker else { return }
    let needle = Array(descendantMarker.utf8)
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let other = Int32(entry), other != getpid(),
        let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ")
      else { continue }
      let variables = Array(environment).split(separator: 0)
      if variables.contains(where: { $0.elementsEqual(needle) }) { kill(other, SIGKILL) }
    }
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
