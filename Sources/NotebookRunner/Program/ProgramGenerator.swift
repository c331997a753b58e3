import Foundation
import NotebookCore

/// Turns a notebook's cells into one Swift program.
///
/// Each cell is preceded by a marker call and a `#sourceLocation` directive, so
/// compiler errors and runtime traps name the notebook's own file and lines.
/// Cells marked `error: true` run inside `do { … } catch`, so a thrown error is
/// shown rather than fatal (their declarations are then local to the cell), and inside
/// `if !_notebookSkips(index)`, so that after one traps the same program can run again without it. The cells'
/// `import` lines are moved to the top, each under a directive naming its notebook line, so a
/// module that does not exist is an error at that line.
enum ProgramGenerator {
  /// The program's source.
  ///
  /// - Parameters:
  ///   - notebook: The parsed notebook.
  ///   - excluded: Cells left out (an expected failure already recorded).
  static func source(for notebook: Notebook, excluding excluded: Set<Int> = []) -> String {
    // A cell taken from the cell cache still imports for the cells that run; an `error: true` cell left out
    // after its expected failure does not (its import may be the failure).
    let imports = ImportScanner.imports(in: notebook).filter {
      !excluded.contains($0.cell) || !notebook.cells[$0.cell].options.error
    }
    var lines = ["import Foundation", "import NotebookRuntime", "import Lab"]
    for found in imports {
      lines.append("#sourceLocation(file: \"\(escaped(notebook.path))\", line: \(found.line))")
      lines.append(found.text)
      lines.append("#sourceLocation()")
    }
    lines.append("_notebookStart()")
    for cell in notebook.cells where cell.options.eval && !excluded.contains(cell.index) {
      let location = "#sourceLocation(file: \"\(escaped(notebook.path))\", line: \(cell.codeLine))"
      let code = withoutImports(cell, imports.filter { $0.cell == cell.index })
      if cell.options.error {
        lines.append("if !_notebookSkips(\(cell.index)) {")
        lines.append("_notebookCellBegin(\(cell.index))")
        lines.append("do {")
        lines.append(location)
        lines.append(code)
        lines.append("#sourceLocation()")
        lines.append("} catch { _notebookReport(error) }")
        lines.append("}")
      } else {
        lines.append("_notebookCellBegin(\(cell.index))")
        lines.append(location)
        lines.append(code)
        lines.append("#sourceLocation()")
      }
    }
    lines.append("_notebookEnd()")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The cell's code with its import lines (moved to the top of the program) left blank, so lines keep their numbers.
  private static func withoutImports(_ cell: Cell, _ imports: [ImportScanner.Import]) -> String {
    guard !imports.isEmpty else { return cell.code }
    var lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for found in imports { lines[found.codeLine] = "" }
    return lines.joined(separator: "\n")
  }

  /// `path` as written inside the `#sourceLocation` string literal; the compiler names the file
  /// in its messages exactly so, escapes included.
  static func escaped(_ path: String) -> String {
    path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}
