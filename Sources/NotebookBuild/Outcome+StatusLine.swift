public import NotebookRunner

extension NotebookBuilder.Outcome {
  /// The line for one notebook: `ok     notebooks/x.md  12/12 claims  executed 2 of 14 cells in 3.21 s (…)`.
  public var statusLine: String {
    let checks = result.checkCounts
    let status = succeeded ? "ok    " : "FAILED"
    let sanity = result.sanityCheckCounts
    let sanityText = sanity.total == 0 ? "" : ", \(sanity.passed)/\(sanity.total) sanity checks"
    return "\(status) \(notebook.path)  \(checks.passed)/\(checks.total) claims\(sanityText)  \(how)"
  }

  private var how: String {
    let evaluated = cellRuns.filter { $0.reason != .notEvaluated }.count
    let cells = "\(cellRuns.filter(\.executed).count) of \(evaluated) cells"
    if executed {
      return "executed \(cells) in "
        + String(
          format: "%.2f s (compile %.2f s, run %.2f s)", result.compileSeconds + result.runSeconds,
          result.compileSeconds, result.runSeconds)
    }
    if fromCellCache { return "executed \(cells): every cell's result was cached" }
    if evaluated == 0 && cellRuns.contains(where: { $0.reason == .notEvaluated }) {
      return "nothing to execute"
    }
    return fromSharedCache ? "cached (shared)" : "cached"
  }
}
