import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

/// Mounting a small tmpfs needs root (or CAP_SYS_ADMIN); these tests are skipped without it.
enum Tmpfs {
  /// Whether a tmpfs can be mounted here (tried once).
  static let canMount: Bool = {
    let probe = FileManager.default.temporaryDirectory.appendingPathComponent("tmpfs-probe-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: probe) }
    guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil,
      mount(probe, kilobytes: 64)
    else { return false }
    unmount(probe)
    return true
  }()

  /// Mounts a tmpfs of `kilobytes` at `path`; false when not permitted.
  @discardableResult static func mount(_ path: String, kilobytes: Int) -> Bool {
    guard getuid() == 0 else { return false }
    return command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
  }

  /// Unmounts `path`.
  static func unmount(_ path: String) { _ = command("/bin/umount", [path]) }

  private static func command(_ executable: String, _ arguments: [String]) -> Bool {
    guard let result = try? CapturedCommand.run(executable, arguments, timeout: 30) else { return false }
    return result.status == .exited(0)
  }
}

@Suite(.serialized) struct ResourceFaultTests {
  /// A full disk under site/: a clear error, and every file there is whole (old or new), none half-written.
  ///
  /// Reproduce: `mount -t tmpfs -o size=256k tmpfs small && notebook build --site small`.
  @Test(.enabled(if: Tmpfs.canMount, "skipped: mounting a small tmpfs needs root"))
  func aFullDiskUnderTheSiteGivesAClearErrorAndNoPartialFiles() throws {
    let project = try ScratchProject("full-site")
    defer { project.remove() }
    for (path, text) in faultNotebooks(version: "A") { try project.write(path, text) }
    try #require(try project.run(["build"]).status == 0)
    let reference = visibleFiles(project)
    let small = project.root + "/small"
    try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
    try #require(Tmpfs.mount(small, kilobytes: 256))
    defer { Tmpfs.unmount(small) }

    let run = try project.run(["build", "--site", "small"])
    #expect(run.status != 0)
    #expect(run.err.contains("Cannot write '"), "no clear message: \(run.err)")
    #expect(run.err.contains("space"), "the message does not say the disk is full: \(run.err)")
    let written = project.files(under: "small")
    #expect(!written.isEmpty, "nothing was written before the disk filled up")
    for (path, data) in written {
      #expect(reference[path] == data, "small/\(path) is half-written or wrong")
    }
  }

  /// A full disk under the result cache: a clear error, no partial entry; with space again, the next build recovers.
  ///
  /// Reproduce: mount a 16 KiB tmpfs on .notebook-cache/results, fill it, `notebook build --force`.
  @Test(.enabled(if: Tmpfs.canMount, "skipped: mounting a small tmpfs needs root"))
  func aFullDiskUnderTheCacheGivesAClearErrorAndNoPartialEntry() throws {
    let project = try ScratchProject("full-cache")
    defer { project.remove() }
    for (path, text) in faultNotebooks(version: "A") { try project.write(path, text) }
    let results = project.root + "/.notebook-cache/results"
    try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
    try #require(Tmpfs.mount(results, kilobytes: 16))
    var mounted = true
    defer { if mounted { Tmpfs.unmount(results) } }
    let filler = results + "/.filler"
    _ = FileManager.default.createFile(atPath: filler, contents: nil)
    if let handle = FileHandle(forWritingAtPath: filler) {
      while (try? handle.write(contentsOf: Data(count: 4096))) != nil {}
      try? handle.close()
    }

    let run = try project.run(["build"])
    #expect(run.status != 0)
    #expect(run.err.contains("Cannot write '"), "no clear message: \(run.err)")
    #expect(run.err.contains("space"), "the message does not say the disk is full: \(run.err)")
    let left = try FileManager.default.contentsOfDirectory(atPath: results).filter { $0 != ".filler" }
    #expect(left == [], "partial files left in the cache: \(left)")

    // Free the space: the tmpfs goes away and the cache folder is on the real disk again.
    Tmpfs.unmount(results)
    mounted = false
    let recovery = try project.run(["build"])
    #expect(recovery.status == 0, "\(recovery.err)")
    #expect(corruptResults(project) == [])
  }

  /// A cell that allocates until the memory limit is stopped there, with the allocation failure
  /// shown in the cell; the runner survives and the next notebook builds.
  @Test func aCellAllocatingUntilTheMemoryLimitFailsInPlace() throws {
    var limits = ExecutionLimits()
    limits.memory = 1 << 30
    let outcome = try TestProject.run(
      "---\ntitle: M\n---\n\n```swift\nprint(\"before\")\n```\n\n```swift\n"
        + "var blocks: [[UInt8]] = []\nwhile true { blocks.append([UInt8](repeating: 1, count: 64 << 20)) }\n```\n",
      name: "hardening-memory.md", limits: limits)
    #expect(outcome.result.cells.map(\.status) == [.ok, .crashed])
    let errors = TestProject.errors(outcome.result.cells[1])
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("The cell crashed (SIG") == true)
    #expect(errors.first?.contains("Fatal error: failed to allocate") == true, "the terminal says why: \(errors)")
    #expect(TestProject.text(outcome.result.cells[1]).contains("allocate"))
    let next = try TestProject.run(
      "---\ntitle: N\n---\n\n```swift\nprint(\"fine\")\n```\n", name: "hardening-after-memory.md")
    #expect(next.succeeded)
  }

  /// Descendants that leave the program's process group (`setsid`) are still killed at its end.
  @Test func descendantsInANewSessionAreKilledToo() throws {
    let marker = "escaped-\(UUID().uuidString.prefix(8))"
    let outcome = try TestProject.run(
      "---\ntitle: S\n---\n\n```swift\nlet p = Process()\np.executableURL = URL(fileURLWithPath: \"/usr/bin/setsid\")\n"
        + "p.arguments = [\"/bin/sh\", \"-c\", \"exec sleep 300 # \(marker)\"]\ntry p.run()\nprint(\"started\")\n```\n",
      name: "hardening-setsid.md")
    #expect(outcome.succeeded)
    Thread.sleep(forTimeInterval: 0.5)
    let survivors = try CapturedCommand.run("/usr/bin/pgrep", ["-f", marker])
    #expect(survivors.text.isEmpty, "escaped descendants survive: \(survivors.text)")
  }

  /// Two notebooks with the same file name in different folders, built at once, keep their own programs.
  ///
  /// Reproduce: `notebook build a/dup.md b/dup.md` (jobs 2); each page must show its own output.
  @Test func notebooksWithTheSameNameInDifferentFoldersDoNotShareAProgram() throws {
    let folder = ".notebook-cache/test-notebooks/slug-\(UUID().uuidString.prefix(8))"
    var paths: [String] = []
    for name in ["a", "b"] {
      let path = "\(folder)/\(name)/hardening-dup.md"
      let url = URL(fileURLWithPath: TestProject.project.path(path))
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("---\ntitle: \(name)\n---\n\n```swift\nprint(\"from \(name)\")\n```\n".utf8).write(to: url)
      paths.append(path)
    }
    let outcomes = try TestProject.build(paths, force: true)
    #expect(TestProject.text(outcomes[0].result.cells[0]) == "from a\n")
    #expect(TestProject.text(outcomes[1].result.cells[0]) == "from b\n")
  }
}
