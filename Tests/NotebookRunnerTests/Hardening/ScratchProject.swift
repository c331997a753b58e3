import Foundation
import Testing

/// A throwaway notebook project in a temporary folder, driven through the real `notebook` binary.
///
/// It holds a copy of `Package.swift` and the library sources notebook programs link (so its
/// fingerprints are the repository's at the time of copying) and shares the repository's compiled
/// modules through a symbolic link, so their optimised builds are not paid again.
struct ScratchProject {
  /// What a run of the command-line tool did.
  struct Run {
    var status: Int32
    var out: String
    var err: String
    /// Whether the run was stopped by its time bound (a hang).
    var timedOut: Bool
  }

  /// The repository root.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  /// The built command-line tool.
  static let binary = repository + "/.build/debug/notebook"
  /// The fixtures of the bad-input catalogue.
  static let fixtures = repository + "/Tests/Hardening/fixtures"

  let root: String

  /// Creates an empty project with `notebooks/`, `Package.swift` and the library sources.
  init(_ name: String) throws {
    root =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("notebook-\(name)-\(UUID().uuidString.prefix(8))").path
    let files = FileManager.default
    try files.createDirectory(atPath: root + "/notebooks", withIntermediateDirectories: true)
    try files.createDirectory(atPath: root + "/Sources", withIntermediateDirectories: true)
    try files.createDirectory(atPath: root + "/.notebook-cache", withIntermediateDirectories: true)
    try files.copyItem(atPath: "\(Self.repository)/Package.swift", toPath: "\(root)/Package.swift")
    let sources = try files.contentsOfDirectory(atPath: "\(Self.repository)/Sources")
    for module in sources where module.hasPrefix("Lab") || ["NotebookRuntime", "NotebookWire", "CBLAS"].contains(module) {
      try files.copyItem(atPath: "\(Self.repository)/Sources/\(module)", toPath: "\(root)/Sources/\(module)")
    }
    // The package's description, remembered under the manifest's digest, saves evaluating it again.
    let cache = Self.repository + "/.notebook-cache"
    for memo in (try? files.contentsOfDirectory(atPath: cache))?.filter({
      $0.hasPrefix("package-") && $0.hasSuffix(".json")
    }) ?? [] {
      try? files.copyItem(atPath: "\(cache)/\(memo)", toPath: "\(root)/.notebook-cache/\(memo)")
    }
    let modules = Self.repository + "/.notebook-cache/modules"
    try files.createDirectory(atPath: modules, withIntermediateDirectories: true)
    try files.createSymbolicLink(atPath: root + "/.notebook-cache/modules", withDestinationPath: modules)
  }

  /// Removes the project.
  func remove() { try? FileManager.default.removeItem(atPath: root) }

  /// Writes `text` to a path relative to the root.
  func write(_ relative: String, _ text: String) throws {
    try write(relative, Data(text.utf8))
  }

  /// Writes bytes to a path relative to the root.
  func write(_ relative: String, _ data: Data) throws {
    let url = URL(fileURLWithPath: "\(root)/\(relative)")
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// Copies fixtures into `notebooks/`.
  func addFixtures(_ names: [String]) throws {
    for name in names {
      try FileManager.default.copyItem(atPath: "\(Self.fixtures)/\(name)", toPath: "\(root)/notebooks/\(name)")
    }
  }

  /// Starts `notebook` with `arguments` in the project; the caller waits or kills.
  func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NOTEBOOK_NONCE")
    for name in ["NOTEBOOK_CACHE_URL", "NOTEBOOK_CACHE_TOKEN", "NOTEBOOK_CACHE_TIMEOUT", "NOTEBOOK_CACHE_UPLOAD"] {
      environment.removeValue(forKey: name)
    }
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, out, err)
  }

  /// Runs `notebook` with `arguments` to completion, killing it after `limit` seconds (a hang).
  func run(_ arguments: [String], environment: [String: String] = [:], limit: Double = 600) throws -> Run {
    let (process, out, err) = try start(arguments, environment: environment)
    let collected = OutputCollector(out, err)
    let timedOut = !waitForExit(process, within: limit)
    let (stdout, stderr) = collected.finish()
    return Run(status: process.terminationStatus, out: stdout, err: stderr, timedOut: timedOut)
  }

  /// The files of a folder below the root (relative path → bytes), hidden files included.
  func files(under relative: String) -> [String: Data] {
    let folder = "\(root)/\(relative)"
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [:] }
    var result: [String: Data] = [:]
    while let item = walker.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = "\(folder)/\(item)"
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[item] = FileManager.default.contents(atPath: path) ?? Data()
      }
    }
    return result
  }

  /// Reads a file below the root as text (invalid UTF-8 replaced).
  func text(_ relative: String) -> String {
    String(decoding: FileManager.default.contents(atPath: "\(root)/\(relative)") ?? Data(), as: UTF8.self)
  }
}

/// Drains a process's two pipes on background threads, so a chatty process never blocks.
final class OutputCollector: @unchecked Sendable {
  private let group = DispatchGroup()
  private var out = Data()
  private var err = Data()

  init(_ outPipe: Pipe, _ errPipe: Pipe) {
    group.enter()
    DispatchQueue.global().async {
      self.out = outPipe.fileHandleForReading.readDataToEndOfFile()
      self.group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      self.err = errPipe.fileHandleForReading.readDataToEndOfFile()
      self.group.leave()
    }
  }

  /// Waits (at most `seconds`) for both pipes to close and returns their text; a pipe still open
  /// then (a process that should have ended holds it) fails the running test.
  func finish(within seconds: Double = 120) -> (String, String) {
    guard group.wait(timeout: .now() + seconds) == .success else {
      Issue.record("the output pipes are still open \(Int(seconds)) s after the process ended: a descendant holds them")
      return ("", "")
    }
    return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }
}

/// Waits at most `seconds` for `process` to end; then kills it with SIGKILL and reaps it, and
/// returns false (a hang), so that no test waits without a bound or leaves its child running.
@discardableResult func waitForExit(_ process: Process, within seconds: Double) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
  let ended = !process.isRunning
  if !ended { kill(process.processIdentifier, SIGKILL) }
  process.waitUntilExit()
  return ended
}

/// Waits at most `seconds` until `list` is empty and returns what is left.
func waitUntilEmpty(within seconds: Double, _ list: () -> [Int32]) -> [Int32] {
  let deadline = Date().addingTimeInterval(seconds)
  while !list().isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
  return list()
}

/// Processes of this machine whose executable lies under `folder` (a scratch project's programs).
func processes(under folder: String) -> [Int32] {
  let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
  return entries.compactMap { entry -> Int32? in
    guard let pid = Int32(entry), pid != getpid(),
      let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/exe"),
      executable.hasPrefix(folder + "/")
    else { return nil }
    return pid
  }
}
