/// A problem with the environment that stops the runner (not a problem in a notebook).
public struct RunnerError: Error, CustomStringConvertible, Sendable {
  private enum Reason: Sendable {
    case toolMissing(String, hint: String)
    case libraryBuildFailed(String)
    case io(String)
  }

  private let reason: Reason

  /// A required program is not installed.
  static func toolMissing(_ tool: String, hint: String) -> RunnerError {
    RunnerError(reason: .toolMissing(tool, hint: hint))
  }

  /// Lab or the runtime did not compile.
  static func libraryBuildFailed(_ output: String) -> RunnerError {
    RunnerError(reason: .libraryBuildFailed(output))
  }

  /// A file could not be read or written.
  static func io(_ message: String) -> RunnerError {
    RunnerError(reason: .io(message))
  }

  public var description: String {
    switch reason {
    case .toolMissing(let tool, let hint): return "Cannot find '\(tool)'. \(hint)."
    case .libraryBuildFailed(let output): return "The notebook libraries failed to compile:\n\(output)"
    case .io(let message): return message
    }
  }
}
