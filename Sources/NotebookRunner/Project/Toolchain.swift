import Foundation

/// The Swift compiler the runner uses, found on `PATH` (or `SWIFTC`).
public struct Toolchain: Sendable {
  /// The absolute path of `swiftc`.
  public let swiftc: String
  /// The first line of `swiftc --version`, part of every cache key.
  public let version: String

  /// Locates `swiftc` and reads its version, remembering it in `cacheDirectory` keyed by
  /// the compiler binary's size and modification time (running `swiftc --version` costs ~50 ms).
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
    if let memo, let version = try? String(contentsOfFile: memo, encoding: .utf8), !version.isEmpty {
      return Toolchain(swiftc: swiftc, version: version)
    }
    let output = try CapturedCommand.run(swiftc, ["--version"])
    let firstLine = output.text.split(separator: "\n").first.map(String.init) ?? "unknown"
    if let memo { try? writeAtomically(Data(firstLine.utf8), to: memo) }
    return Toolchain(swiftc: swiftc, version: firstLine)
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
      shouldStop: { Date() > deadline ? "took longer than \(Int(timeout)) s" : nil })
    return CapturedCommand(status: status, text: String(decoding: bytes, as: UTF8.self))
  }
}
