import Foundation

/// The facts about this machine that decide which numerical platforms its notebook programs can run on.
public struct Machine: Sendable {
  /// The processor architecture, such as `x86_64` or `aarch64`.
  public var architecture: String
  /// The CPU's feature flags as `/proc/cpuinfo` names them (`avx2`, `fma`, `pni` for SSE3, …).
  public var cpuFlags: Set<String>
  /// The environment the runner was started with.
  public var environment: [String: String]

  /// Describes a machine.
  public init(architecture: String, cpuFlags: Set<String>, environment: [String: String]) {
    self.architecture = architecture
    self.cpuFlags = cpuFlags
    self.environment = environment
  }

  /// This machine, read once per process.
  public static let current = Machine(
    architecture: currentArchitecture, cpuFlags: readCPUFlags(), environment: ProcessInfo.processInfo.environment)

  private static var currentArchitecture: String {
    #if arch(x86_64)
      return "x86_64"
    #elseif arch(arm64)
      return "aarch64"
    #else
      return "unknown"
    #endif
  }

  /// The first processor's `flags` line; empty where there is none (not Linux, or not x86).
  private static func readCPUFlags() -> Set<String> {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return [] }
    let line = text.split(separator: "\n").first { $0.hasPrefix("flags") }
    let values = line?.split(separator: ":", maxSplits: 1).dropFirst().first ?? ""
    return Set(values.split(separator: " ").map(String.init))
  }
}
