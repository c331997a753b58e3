import Foundation

/// The Swift compiler the runner uses, found on `PATH` (or `SWIFTC`).
public struct Toolchain: Sendable {
  /// The absolute path of `swiftc`.
  public let swiftc: String
  /// The first line of `swiftc --version`, part of every cache key.
  public let version: String

  /// Locates `swiftc` and reads its version.
  public static func locate() throws -> Toolchain {
    let environment = ProcessInfo.processInfo.environment
    let candidates =
      [environment["SWIFTC"]].compactMap { $0 }
      + (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/swiftc" }
    guard let swiftc = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw RunnerError.toolMissing("swiftc", hint: "Install Swift and put its bin folder on PATH")
    }
    let output = try CapturedCommand.run(swiftc, ["--version"])
    let firstLine = output.text.split(separator: "\n").first.map(String.init) ?? "unknown"
    return Toolchain(swiftc: swiftc, version: firstLine)
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
