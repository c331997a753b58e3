import NotebookCore

/// Finds the `import` declarations in a notebook's cells: which modules its program links.
///
/// Only a line that holds one import and nothing else (a trailing `//` comment aside) counts:
/// `import LabFlyHash`, `@testable import X`, `import struct LabRNN.RNN`. The program generator
/// moves these lines to the top of the program, so an import in a cell marked `error: true`
/// (which runs inside `do { … }`) still works.
enum ImportScanner {
  /// One import declaration.
  struct Import: Equatable {
    /// The imported module (the first component of the path).
    var module: String
    /// The cell it is in.
    var cell: Int
    /// Its line in the notebook (1-based).
    var line: Int
    /// Its line in the cell's code (0-based).
    var codeLine: Int
    /// The line as written.
    var text: String
  }

  /// The imports in the cells that run, in order.
  static func imports(in notebook: Notebook) -> [Import] {
    notebook.cells.filter(\.options.eval).flatMap { cell in
      cell.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
        module(importedBy: line).map {
          Import(module: $0, cell: cell.index, line: cell.codeLine + offset, codeLine: offset, text: String(line))
        }
      }
    }
  }

  /// The names of the modules the notebook imports.
  static func modules(importedBy notebook: Notebook) -> Set<String> {
    Set(imports(in: notebook).map(\.module))
  }

  private static let importKinds: Set<Substring> = [
    "typealias", "struct", "class", "enum", "protocol", "let", "var", "func",
  ]

  /// The module a line imports, or `nil` when the line is not a lone import declaration.
  static func module(importedBy line: Substring) -> String? {
    let code = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line
    var words = code.split(whereSeparator: \.isWhitespace)[...]
    while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
    guard words.first == "import" else { return nil }
    words = words.dropFirst()
    if let kind = words.first, importKinds.contains(kind) { words = words.dropFirst() }
    guard words.count == 1, let path = words.first, let name = path.split(separator: ".").first,
      isIdentifier(name)
    else { return nil }
    return String(name)
  }

  private static func isIdentifier(_ text: Substring) -> Bool {
    guard let first = text.first, first == "_" || first.isLetter else { return false }
    return text.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
  }
}
