import Foundation
import NotebookSupport

/// The Swift compiler the runner uses, found on `PATH` (or `SWIFTC`).
public struct Toolchain: Sendable {
  /// The absolute path of `swiftc`.
  public let swiftc: String
  /// The first line of `swiftc --version`, part of every cache key.
  public let version: String
  /// The target triple the compiler builds for by default (`x86_64-unknown-linux-gnu`), if it said.
  public let target: String?

  /// The folder that really holds `swiftc` (symbolic links resolved), where its sibling tools live.
  public var binDirectory: String { Self.binDirectory(of: swiftc) }

  private static func binDirectory(of swiftc: String) -> String {
    URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().path
  }

  /// Locates `swiftc` and reads its version, remembering it in `cacheDirectory` keyed by
  /// the compiler binary's size and modification time.
  public static func locate(cacheDirectory: String? = nil) throws -> Toolchain {
    let environment = ProcessInfo.processInfo.environment
    let candidates =
      [environment["SWIFTC"]].compactMap { $0 }
      + (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/swiftc" }
    guard let swiftc = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw RunnerError.toolMissing("swiftc", hint: "Install Swift and put its bin folder on PATH")
    }
    let identity = binaryIdentity(swiftc)
    let memo = cacheDirectory.map { "\($0)/toolchain-\(SHA256.hex(identity).prefix(16))" }
    if let memo, let text = try? String(contentsOfFile: memo, encoding: .utf8),
      let toolchain = Toolchain(swiftc: swiftc, versionOutput: text)
    {
      return toolchain
    }
    let text = try versionOutput(of: swiftc)
    let toolchain = Toolchain(swiftc: swiftc, versionOutput: text) ?? Toolchain(swiftc: swiftc, version: "unknown")
    if let memo, toolchain.target != nil { try? writeAtomically(Data(text.utf8), to: memo) }
    return toolchain
  }

  init(swiftc: String, version: String, target: String? = nil) {
    self.swiftc = swiftc
    self.version = version
    self.target = target
  }

  /// Reads `swift --version`'s two lines: `Swift version …` and `Target: …`.
  private init?(swiftc: String, versionOutput: String) {
    let lines = versionOutput.split(separator: "\n").map(String.init)
    guard let first = lines.first, !first.isEmpty,
      let target = lines.first(where: { $0.hasPrefix("Target: ") })?.dropFirst("Target: ".count)
    else { return nil }
    self.init(swiftc: swiftc, version: first, target: String(target))
  }

  /// `--version` from the compiler front end beside `swiftc` when there is one: it answers the
  /// same in a third of the time, as the driver starts the front end to ask it anyway.
  private static func versionOutput(of swiftc: String) throws -> String {
    let frontend = "\(binDirectory(of: swiftc))/swift-frontend"
    let tool = FileManager.default.isExecutableFile(atPath: frontend) ? frontend : swiftc
    return try CapturedCommand.run(tool, ["--version"]).text
  }

  /// The resolved path, size and modification time of a binary.
  private static func binaryIdentity(_ path: String) -> String {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    return "\(resolved) \(FileStamp.of(resolved))"
  }
}

/// Runs a short command and captures its merged output.
struct CapturedCommand {
  var status: ChildProcess.Termination
  var text: String

  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Double = 600
  ) throws -> CapturedCommand {
    let process = ChildProcess(
      executable: executable, arguments: arguments,
      environment: environment ?? ProcessInfo.processInfo.environment, memoryLimit: nil)
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(timeout)
    let status = try process.run(
      onOutput: { bytes.append(contentsOf: $0) },
      shouldStop: { Date() > deadline ? .init(kind: .timedOut, message: "took longer than \(Int(timeout)) s") : nil })
    return CapturedCommand(status: status, text: String(decoding: bytes, as: UTF8.self))
  }
}
