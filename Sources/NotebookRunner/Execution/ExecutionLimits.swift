/// Resource limits for running notebook programs.
public struct ExecutionLimits: Sendable {
  /// Memory cap for a notebook program, in bytes: the address space of each process, and where
  /// the kernel allows it (``RunCgroup``) the memory of all the processes of a run together.
  public var memory: Int = 4 << 30
  /// Printed text kept per cell, in bytes; the rest is counted and dropped.
  public var textPerCell: Int = 1 << 20
  /// Total output after which a program is stopped, in bytes.
  public var totalOutput: Int = 256 << 20
  /// Seconds a compile may take.
  public var compileTimeout: Double = 300
  /// Expressions that take longer than this many milliseconds to type-check get a warning.
  public var slowTypeCheckMilliseconds = 300

  /// The default limits.
  public init() {}
}
