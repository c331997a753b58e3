import Foundation
import NotebookCore

/// Turns a notebook's cells into one Swift program.
///
/// Each cell is preceded by a marker call and a `#sourceLocation` directive, so
/// compiler errors and runtime traps name the notebook's own file and lines.
/// Cells marked `error: true` run inside `do { … } catch`, so a thrown error is
/// shown rather than fatal (their declarations are then local to the cell).
enum ProgramGenerator {
  /// The program's source.
  ///
  /// - Parameters:
  ///   - notebook: The parsed notebook.
  ///   - excluded: Cells left out (an expected failure already recorded).
  static func source(for notebook: Notebook, excluding excluded: Set<Int> = []) -> String {
    var lines = [
      "import Foundation",
      "import NotebookRuntime",
      "import Lab",
      "_notebookStart()",
    ]
    for cell in notebook.cells where cell.options.eval && !excluded.contains(cell.index) {
      lines.append("_notebookCellBegin(\(cell.index))")
      let location = "#sourceLocation(file: \"\(escaped(notebook.path))\", line: \(cell.codeLine))"
      if cell.options.error {
        lines.append("do {")
        lines.append(location)
        lines.append(cell.code)
        lines.append("#sourceLocation()")
        lines.append("} catch { _notebookReport(error) }")
      } else {
        lines.append(location)
        lines.append(cell.code)
        lines.append("#sourceLocation()")
      }
    }
    lines.append("_notebookEnd()")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `path` as written inside the `#sourceLocation` string literal; the compiler names the file
  /// in its messages exactly so, escapes included.
  static func escaped(_ path: String) -> String {
    path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}
