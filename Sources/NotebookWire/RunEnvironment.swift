/// The environment variables through which the runner talks to the program it starts.
public enum RunEnvironment {
  /// The run's nonce, which every record carries (``RecordFraming``).
  public static let nonce = "NOTEBOOK_NONCE"
  /// The runner's process id: the program ends when its parent is no longer the runner.
  public static let runnerProcess = "NOTEBOOK_RUNNER_PID"
  /// The `error: true` cells a run leaves out, their indices separated by commas: after such a cell traps,
  /// the runner runs the same program again without it instead of compiling a new one.
  public static let skippedCells = "NOTEBOOK_SKIP_CELLS"
}
