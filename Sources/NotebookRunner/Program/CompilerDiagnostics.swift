import NotebookCore

/// Reads `swiftc`'s LLVM-style diagnostics and keeps the errors that point into a notebook.
enum CompilerDiagnostics {
  /// An error with the lines `swiftc` printed after it (the source line and caret).
  struct Entry {
    var diagnostic: Diagnostic
    var context: String
  }

  /// The errors in `output` located in the file `path`, each with its context lines.
  ///
  /// An unterminated `/*` swallows the rest of the program, so the compiler puts the error at its
  /// end, past the last cell; it is moved to where the comment starts (the compiler's note).
  static func errors(in output: String, path: String) -> [Entry] {
    let named = ProgramGenerator.escaped(path)
    var entries: [Entry] = []
    // Context lines follow their own message: those after a warning or note belong to it, not to
    // the error before it (which would then depend on what else the program holds).
    var collecting = false
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if var diagnostic = parse(line), diagnostic.file == named {
        diagnostic.file = path
        entries.append(Entry(diagnostic: diagnostic, context: ""))
        collecting = true
      } else if let note = parse(line, kind: "note"), note.file == named, let last = entries.indices.last,
        note.message == "comment started here", entries[last].diagnostic.message.hasPrefix("unterminated '/*'")
      {
        entries[last].diagnostic.line = note.line
        entries[last].diagnostic.column = note.column
        entries[last].context = ""
      } else if isHeader(line) {
        collecting = false
      } else if collecting, !entries.isEmpty, isContext(line) {
        entries[entries.count - 1].context += line + "\n"
      }
    }
    return entries
  }

  /// `no such module 'X'` with the modules a notebook can import: a misspelt topic module is the usual cause.
  static func explainingMissingModule(_ entry: Entry, importable: [String]) -> Entry {
    guard entry.diagnostic.message.hasPrefix("no such module '") else { return entry }
    var entry = entry
    entry.diagnostic.message +=
      " (notebooks can import the system's modules and these of the package: \(importable.joined(separator: ", ")))"
    return entry
  }

  /// Parses `file:line:column: error: message` (or another `kind` of message, such as `note`).
  static func parse(_ line: Substring, kind: String = "error") -> Diagnostic? {
    guard let errorRange = line.range(of: ": \(kind): ") else { return nil }
    let location = line[..<errorRange.lowerBound].split(separator: ":")
    guard location.count >= 3, let column = Int(location[location.count - 1]),
      let lineNumber = Int(location[location.count - 2])
    else { return nil }
    let file = location.dropLast(2).joined(separator: ":")
    let message = String(line[errorRange.upperBound...])
    return Diagnostic(.error, file: file, line: lineNumber, column: column, message)
  }

  /// Whether a line starts a message of its own (a warning, a note, or an error elsewhere).
  private static func isHeader(_ line: Substring) -> Bool {
    line.contains(": warning: ") || line.contains(": note: ") || line.contains(": error: ")
  }

  /// Whether a line after an error belongs to it: the source line and caret, not the glue that
  /// the generator wrapped around the cells.
  private static func isContext(_ line: Substring) -> Bool {
    !line.isEmpty && !line.contains("_notebook") && !line.contains("#sourceLocation")
  }
}
