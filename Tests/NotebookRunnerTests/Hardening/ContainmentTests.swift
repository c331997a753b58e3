import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

/// Every process a notebook starts ends with its run, and the memory limit holds for the run's
/// whole process tree. Which kernel mechanism does it depends on the machine (`RunCgroup.mechanism`).
@Suite(.serialized) struct ContainmentTests {
  init() { print("containment here: \(RunCgroup.mechanism)") }

  /// `Process()` with an empty environment running `setsid sleep`: no marker, a session of its own.
  ///
  /// Reproduce: such a cell, `notebook build`, then `pgrep sleep` finds the sleeper.
  @Test(.enabled(if: cgroupsWork, "skipped: creating a cgroup v2 group needs root here"))
  func aNewSessionWithAnEmptyEnvironmentEndsWithTheBuild() throws {
    let token = sleeperToken()
    defer { killProcesses(withArgument: token) }
    let outcome = try TestProject.run(
      notebook(
        "let p = Process()\np.executableURL = URL(fileURLWithPath: \"/usr/bin/setsid\")\n"
          + "p.arguments = [\"/bin/sleep\", \"\(token)\"]\np.environment = [:]\ntry p.run()\nprint(\"started\")"),
      name: "containment-setsid.md")
    #expect(outcome.succeeded)
    #expect(processes(withArgument: token) == [], "processes left after the build returned")
  }

  /// fork → setsid → fork → execve with no environment.
  @Test(.enabled(if: cgroupsWork, "skipped: creating a cgroup v2 group needs root here"))
  func aDoubleForkWithNoEnvironmentEndsWithTheBuild() throws {
    let token = sleeperToken()
    defer { killProcesses(withArgument: token) }
    let outcome = try TestProject.run(
      notebook(
        sleeperVectors(token)
          + "if fork() == 0 {\n  setsid()\n  if fork() == 0 { execve(\"/bin/sleep\", argv, envp) }\n  _exit(0)\n}\n"
          + "print(\"forked\")"),
      name: "containment-double-fork.md")
    #expect(outcome.succeeded)
    #expect(processes(withArgument: token) == [], "processes left after the build returned")
  }

  /// A process that forks, leaves its session and exits, 3,000 times, then sleeps: it moves on
  /// faster than a sweep of /proc can follow.
  @Test(.enabled(if: cgroupsWork, "skipped: creating a cgroup v2 group needs root here"))
  func aForkChainThatOutrunsASweepEndsWithTheBuild() throws {
    let token = sleeperToken()
    defer { killProcesses(withArgument: token) }
    let outcome = try TestProject.run(
      notebook(
        sleeperVectors(token)
          + "if fork() == 0 {\n  for _ in 0..<3000 {\n    if fork() != 0 { _exit(0) }\n    setsid()\n  }\n"
          + "  execve(\"/bin/sleep\", argv, envp)\n  _exit(1)\n}\nprint(\"chain started\")"),
      name: "containment-fork-chain.md")
    #expect(outcome.succeeded)
    #expect(processes(withArgument: token) == [], "processes left after the build returned")
  }

  /// Three children touching 250 MB each under a 600 MB limit: the limit is the notebook's,
  /// not each process's, and going over it fails the cell where it happened.
  @Test(.enabled(if: RunCgroup.limitsTreeMemory, "skipped: no cgroup memory controller for a run here"))
  func forkedChildrenShareTheNotebooksMemoryLimit() throws {
    var limits = ExecutionLimits()
    limits.memory = 600 << 20
    let code = """
      var children: [pid_t] = []
      for _ in 0..<3 {
        let pid = fork()
        if pid == 0 {
          let size = 250 << 20
          if let block = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            block != MAP_FAILED
          {
            memset(block, 1, size)
          }
          sleep(5)
          _exit(0)
        }
        children.append(pid)
      }
      for child in children {
        var status: Int32 = 0
        waitpid(child, &status, 0)
      }
      print("all children finished")
      // \(UUID().uuidString)
      """
    let outcome = try TestProject.run(
      "---\ntitle: F\ntimeout: 120\n---\n\n```swift\nprint(\"before\")\n```\n\n```swift\n\(code)\n```\n",
      name: "containment-fork-memory.md", limits: limits)
    #expect(outcome.result.cells.map(\.status) == [.ok, .crashed])
    let errors = TestProject.errors(outcome.result.cells[1])
    #expect(errors.contains { $0.contains("went over the memory limit (600 MiB together)") }, "\(errors)")
    #expect(outcome.result.diagnostics.map(\.line) == [10], "reported at the cell's line")
  }

  /// A program started with another process than its runner as parent (the runner died before the
  /// program's first line) ends at once instead of running unwatched.
  @Test func aProgramWhoseRunnerDiedBeforeItStartedEnds() throws {
    let code = """
      if ProcessInfo.processInfo.environment["CONTAINMENT_COPY"] != nil { while true {} }
      let gone = Process()
      gone.executableURL = URL(fileURLWithPath: "/bin/true")
      try gone.run()
      gone.waitUntilExit()
      var environment = ProcessInfo.processInfo.environment
      environment["CONTAINMENT_COPY"] = "1"
      environment["NOTEBOOK_RUNNER_PID"] = String(gone.processIdentifier)
      let copy = Process()
      copy.executableURL = URL(fileURLWithPath: "/proc/self/exe")
      copy.environment = environment
      copy.standardOutput = FileHandle.nullDevice
      try copy.run()
      var polls = 0
      while copy.isRunning && polls < 300 {
        usleep(100_000)
        polls += 1
      }
      if copy.isRunning {
        kill(copy.processIdentifier, SIGKILL)
        copy.waitUntilExit()
        print("the copy kept running")
      } else {
        print("the copy ended by itself")
      }
      """
    let outcome = try TestProject.run(notebook(code), name: "containment-runner-gone.md")
    #expect(outcome.succeeded)
    #expect(TestProject.text(outcome.result.cells[0]) == "the copy ended by itself\n")
  }

  /// `run-<pid>-*` folders of runners that are no longer alive are removed by the next execution;
  /// those of a live runner stay.
  @Test func runFoldersOfDeadRunnersAreRemoved() throws {
    let programs = TestProject.project.path(".notebook-cache/programs/stale-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(atPath: programs) }
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/true")
    try gone.run()
    gone.waitUntilExit()
    let stale = "\(programs)/run-\(gone.processIdentifier)-1"
    let live = "\(programs)/run-\(getpid())-2"
    for folder in [stale, live] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/program"))
    }
    let outcome = try TestProject.run(notebook("print(\"\(UUID().uuidString)\")"), name: "containment-stale.md")
    #expect(outcome.succeeded)
    #expect(!FileManager.default.fileExists(atPath: stale), "the dead runner's folder is still there")
    #expect(FileManager.default.fileExists(atPath: live), "a live runner's folder was removed")
  }
}

// MARK: - Helpers

private let cgroupsWork: Bool = RunCgroup.mechanism.hasPrefix("cgroup")

/// A notebook of one cell; a unique comment keeps its result out of the cache, so it always runs.
private func notebook(_ code: String) -> String {
  "---\ntitle: C\ntimeout: 120\n---\n\n```swift\n// \(UUID().uuidString)\n\(code)\n```\n"
}

/// A `sleep` argument no other process on the machine has (`sleep` accepts fractions).
private func sleeperToken() -> String { "1000.\(UInt32.random(in: 100_000...999_999))" }

/// C argument and environment vectors for `execve("/bin/sleep", [token])` with no environment,
/// made before any fork (a forked child of a threaded program must not allocate).
private func sleeperVectors(_ token: String) -> String {
  "let argv: [UnsafeMutablePointer<CChar>?] = [strdup(\"/bin/sleep\"), strdup(\"\(token)\"), nil]\n"
    + "let envp: [UnsafeMutablePointer<CChar>?] = [nil]\n"
}

/// Live (not zombie) processes with `argument` in their command line.
func processes(withArgument argument: String) -> [Int32] {
  let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
  return entries.compactMap { entry -> Int32? in
    guard let pid = Int32(entry), let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
      Array(line).split(separator: 0).contains(where: { $0.elementsEqual(argument.utf8) }),
      let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
      let state = stat.split(separator: ")").last?.split(separator: " ").first, state != "Z"
    else { return nil }
    return pid
  }
}

/// Kills what a failed test left behind, so that no test leaves processes running.
func killProcesses(withArgument argument: String) {
  for pid in processes(withArgument: argument) { kill(pid, SIGKILL) }
}
