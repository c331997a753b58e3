import NotebookCore

/// Finds the printed numbers whose shown digits depend on the numerical platform.
///
/// `notebook check --perturb` runs each notebook twice, on its pinned platform and on that
/// platform's perturbation (other OpenBLAS kernels, glibc's math without FMA), and compares
/// every output of every cell: printed text, tables, figures, check details. A number whose
/// digits change is noise at the precision it is printed to.
public enum DigitAudit {
  /// One output whose shown digits changed.
  public struct Finding: Sendable, Hashable, CustomStringConvertible {
    /// The notebook.
    public var path: String
    /// The line of the cell that printed it.
    public var line: Int
    /// What changed.
    public var message: String

    /// `path:line: message`.
    public var description: String { "\(path):\(line): \(message)" }
  }

  /// How many changed numbers of one output are listed before the rest are counted.
  static let listedPerOutput = 3

  /// The findings for one notebook, `baseline` from its pinned platform and `perturbed` from the other.
  public static func findings(
    notebook: Notebook, baseline: NotebookResult, perturbed: NotebookResult
  ) -> [Finding] {
    let platform = perturbed.platform?.id ?? "the perturbed platform"
    var findings: [Finding] = []
    for cell in notebook.cells {
      guard cell.index < baseline.cells.count, cell.index < perturbed.cells.count else { continue }
      let messages = messages(baseline.cells[cell.index], perturbed.cells[cell.index], platform: platform)
      findings += messages.map { Finding(path: notebook.path, line: cell.fenceLine, message: $0) }
    }
    return findings
  }

  private static func messages(_ old: CellResult, _ new: CellResult, platform: String) -> [String] {
    if old.status != new.status {
      return ["the cell's status changes from '\(old.status.rawValue)' to '\(new.status.rawValue)' under \(platform)"]
    }
    if old.outputs.count != new.outputs.count {
      return ["the cell shows \(old.outputs.count) outputs, and \(new.outputs.count) under \(platform)"]
    }
    return zip(old.outputs, new.outputs).flatMap { describe(DigitChanges.between($0.text, $1.text), platform) }
  }

  private static func describe(_ changes: [DigitChanges.Change], _ platform: String) -> [String] {
    var messages = changes.prefix(listedPerOutput).map { change in
      switch change {
      case .number(let old, let new): return "'\(old)' changes to '\(new)' under \(platform)"
      case .text(let old, let new): return "text '\(old)' changes to '\(new)' under \(platform)"
      }
    }
    if changes.count > listedPerOutput {
      messages.append("\(changes.count - listedPerOutput) more numbers of the same output change under \(platform)")
    }
    return messages
  }
}

extension CellOutput {
  /// The output as the audit reads it: everything a page would show of it.
  var text: String {
    switch self {
    case .text(let text): return text
    case .error(let error): return error.description
    case .display(let kind, let content): return "\(kind.rawValue) \(content)"
    case .check(let passed, let claim, let detail), .sanityCheck(let passed, let claim, let detail):
      return "\(passed) \(claim) \(detail)"
    case .truncated(let dropped): return "truncated \(dropped)"
    }
  }
}
