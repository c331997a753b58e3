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
    var pipeOpen = true
    while pipeOpen {
      var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, 100)
      if ready > 0 {
        let count = read(readEnd, &buffer, buffer.count)
        if count > 0 {
          onOutput(Array(buffer[0..<count]))
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
          pipeOpen = false
        }
      }
      if stopReason == nil, let reason = shouldStop() {
        stopReason = reason
        kill(-pid, SIGKILL)
      }
      if exitStatus == nil, let status = reap(pid, blocking: false) {
        exitStatus = status
        // Descendants that kept the pipe open die with the group.
        kill(-pid, SIGKILL)
      }
    }
    let status = exitStatus ?? reap(pid, blocking: true) ?? 0
    kill(-pid, SIGKILL)
    if let stopReason { return .stopped(stopReason) }
    return Self.termination(fromWaitStatus: status)
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
