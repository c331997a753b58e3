import Foundation
import Testing

/// Notebooks for the fault tests: real work (a compile, a loop, a figure, a table, math), in two
/// versions whose pages differ, so that every trial's build has pages to replace.
func faultNotebooks(version: String) -> [String: String] {
  [
    "notebooks/alpha.md": """
    ---
    title: Alpha
    ---

    Version \(version) of the prose, with $x^2 + y^2$ and
    $$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}.$$

    ```swift
    var total = 0.0
    for i in 0..<3_000_000 { total += Double(i % 7) }
    print("total", total)
    ```

    ```swift
    var figure = Figure(title: "Squares", xLabel: "x", yLabel: "x²")
    figure.line([1, 2, 3, 4], [1, 4, 9, 16], label: "x²", markers: true)
    show(figure)
    check(total > 0, "the loop added something")
    ```

    """,
    "notebooks/beta.md": """
    ---
    title: Beta
    ---

    Version \(version): a table and many lines.

    ```swift
    show(Table(header: ["n", "n²"], rows: (1...20).map { [$0, $0 * $0] }))
    for line in 0..<2000 { print("line", line) }
    ```

    """,
    "notebooks/gamma.md": """
    ---
    title: Gamma
    ---

    Version \(version), with a check.

    ```swift
    checkClose([3.0, 4.0].norm, 5, tolerance: 1e-12, "a 3-4-5 triangle")
    ```

    """,
  ]
}

/// How many kill-and-recover trials to run (`HARDENING_KILL_TRIALS`, default 5; `make stress` uses 20).
private let trialCount = Int(ProcessInfo.processInfo.environment["HARDENING_KILL_TRIALS"] ?? "") ?? 5

@Suite(.serialized) struct KillRecoveryTests {
  /// SIGKILL of the runner at random moments of a build never leaves a corrupt cache entry or a
  /// half-written page, and the next build recovers to exactly the site a clean build makes.
  ///
  /// Reproduce by hand: in a project, `notebook build & sleep 0.$RANDOM; kill -9 %1`, then check
  /// that every `.notebook-cache/results/*.json` parses and `notebook build` succeeds.
  @Test func killingABuildAtRandomMomentsNeverCorruptsAndTheNextBuildRecovers() throws {
    let project = try ScratchProject("kill")
    defer { project.remove() }
    var references: [String: [String: Data]] = [:]
    var coldSeconds = 0.0
    for version in ["B", "A"] {
      for (path, text) in faultNotebooks(version: version) { try project.write(path, text) }
      clearResults(project)
      let start = Date()
      let run = try project.run(["build"])
      // The first build may compile Lab; the second is a plain cold build and sets the kill window.
      coldSeconds = Date().timeIntervalSince(start)
      try #require(run.status == 0, "reference build failed: \(run.err)")
      references[version] = visibleFiles(project)
    }
    let seed = UInt64(ProcessInfo.processInfo.environment["HARDENING_SEED"] ?? "") ?? UInt64.random(in: 1...999_999)
    var generator = SplitMix(seed: seed)
    var log: [String] = []
    for trial in 0..<trialCount {
      let version = trial % 2 == 0 ? "B" : "A"
      for (path, text) in faultNotebooks(version: version) { try project.write(path, text) }
      clearResults(project)
      let delay = Double(generator.next() % 10_000) / 10_000 * coldSeconds * 1.1
      let (process, out, err) = try project.start(["build"])
      let collector = OutputCollector(out, err)
      Thread.sleep(forTimeInterval: delay)
      let killed = process.isRunning
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      waitForOrphans(project)
      _ = collector.finish()
      let context = "trial \(trial), seed \(seed), killed after \(String(format: "%.2f", delay)) s"
      log.append(context + (killed ? "" : " (the build had finished)"))

      for problem in corruptResults(project) { Issue.record("\(context): corrupt cache entry \(problem)") }
      let site = visibleFiles(project)
      for (path, data) in site where references["A"]?[path] != data && references["B"]?[path] != data {
        Issue.record("\(context): site/\(path) is neither the old nor the new version (half-written?)")
      }

      let recovery = try project.run(["build"])
      #expect(recovery.status == 0, "\(context): the recovering build failed: \(recovery.err)")
      #expect(visibleFiles(project) == references[version], "\(context): the recovered site differs")
      #expect(temporaryFiles(project, under: "site") == [], "\(context): temporary files left in site/")
      #expect(corruptResults(project) == [], "\(context)")
    }
    print("kill trials:\n  " + log.joined(separator: "\n  "))
  }

  /// The runner's children die with it: a notebook program must not keep running (and looping)
  /// after the runner is killed.
  ///
  /// Reproduce: a notebook with `while true { }`, `notebook build &`, then `kill -9` the runner
  /// once the program runs; `pgrep -f .notebook-cache/programs` must find nothing a second later.
  @Test func killingTheRunnerAlsoStopsTheNotebookProgram() throws {
    let project = try ScratchProject("orphan")
    defer { project.remove() }
    try project.write(
      "notebooks/spin.md", "---\ntitle: Spin\ntimeout: 600\n---\n\n```swift\nprint(\"spinning\")\nwhile true { }\n```\n"
    )
    let (process, out, err) = try project.start(["build"])
    let collector = OutputCollector(out, err)
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      for pid in processes(under: project.root) { kill(pid, SIGKILL) }
      _ = collector.finish(within: 10)
    }
    let deadline = Date().addingTimeInterval(300)
    while processes(under: project.root).isEmpty && process.isRunning && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    try #require(!processes(under: project.root).isEmpty, "the notebook program never started")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    // The program ends when its parent dies (PR_SET_PDEATHSIG, and a watchdog): give it ample time, bounded.
    let survivors = waitUntilEmpty(within: 30) { processes(under: project.root) }
    #expect(survivors == [], "notebook programs still running after the runner was killed")
  }

  /// Two builds of one project at once: the second waits for the first; both succeed; the cache is whole.
  @Test func twoConcurrentCommandLineBuildsBothSucceed() throws {
    let project = try ScratchProject("concurrent")
    defer { project.remove() }
    for (path, text) in faultNotebooks(version: "A") { try project.write(path, text) }
    let first = try project.start(["build", "--force"])
    let second = try project.start(["build", "--force"])
    let collectors = [OutputCollector(first.1, first.2), OutputCollector(second.1, second.2)]
    #expect(waitForExit(first.0, within: 600), "the first build hung")
    #expect(waitForExit(second.0, within: 600), "the second build hung")
    let outputs = collectors.map { $0.finish() }
    #expect(first.0.terminationStatus == 0, "\(outputs[0])")
    #expect(second.0.terminationStatus == 0, "\(outputs[1])")
    #expect(corruptResults(project) == [])
    let site = visibleFiles(project)
    let third = try project.run(["build"])
    #expect(third.status == 0)
    #expect(third.out.contains("0 executed, 3 cached"))
    #expect(visibleFiles(project) == site)
  }
}

// MARK: - Helpers

/// Removes cached results and programs (keeps compiled modules), so the next build executes.
func clearResults(_ project: ScratchProject) {
  for folder in ["results", "programs"] {
    try? FileManager.default.removeItem(atPath: "\(project.root)/.notebook-cache/\(folder)")
  }
}

/// The site's files without hidden (temporary) ones.
func visibleFiles(_ project: ScratchProject) -> [String: Data] {
  project.files(under: "site").filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
}

/// Hidden files (interrupted writes) below a folder of the project.
func temporaryFiles(_ project: ScratchProject, under folder: String) -> [String] {
  project.files(under: folder).keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
}

/// Result files that are not a complete JSON entry with a key and a result.
func corruptResults(_ project: ScratchProject) -> [String] {
  project.files(under: ".notebook-cache/results").compactMap { name, data in
    guard !name.hasPrefix("."), name.hasSuffix(".json") else { return nil }
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    return object?["key"] is String && object?["result"] is [String: Any] ? nil : name
  }.sorted()
}

/// Waits (at most a minute) until no program of the project is running; kills any left.
func waitForOrphans(_ project: ScratchProject) {
  let left = waitUntilEmpty(within: 60) { processes(under: project.root) }
  for pid in left { kill(pid, SIGKILL) }
}

/// A small seeded generator, so a failing trial can be replayed with `HARDENING_SEED`.
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
