import NotebookCore

/// Expressions the compiler took long to type-check, as warnings at the notebook's lines.
///
/// Type-checking, not code generation, is most of a slow notebook compile: an expression whose
/// literals and closures have many possible types (a `Table` built from a `map` over tuples,
/// say) can take seconds. The front end times each expression when asked; this turns its
/// reports into warnings with a hint. They are shown in the terminal and in `--report`, never
/// on the page: they depend on the machine's speed.
enum TypeCheckHotSpots {
  /// The front-end flag that asks for the timings of expressions slower than `milliseconds`.
  static func frontendFlags(milliseconds: Int) -> [String] { ["-warn-long-expression-type-checking=\(milliseconds)"] }

  /// The warnings in the compiler's `output` located in `path`.
  static func warnings(in output: String, path: String) -> [Diagnostic] {
    output.split(separator: "\n").compactMap { line in
      guard let marker = line.range(of: ": warning: expression took ") else { return nil }
      let location = line[..<marker.lowerBound].split(separator: ":")
      guard location.count >= 3, let column = Int(location[location.count - 1]),
        let lineNumber = Int(location[location.count - 2]),
        location.dropLast(2).joined(separator: ":") == path,
        let milliseconds = Int(line[marker.upperBound...].prefix { $0.isNumber })
      else { return nil }
      let limit = line.range(of: "(limit: ").flatMap { Int(line[$0.upperBound...].prefix { $0.isNumber }) }
      return Diagnostic(.warning, file: path, line: lineNumber, column: column, message(milliseconds, limit: limit))
    }
  }

  private static func message(_ milliseconds: Int, limit: Int?) -> String {
    "This expression took \(milliseconds) ms to type-check\(limit.map { " (the limit is \($0) ms)" } ?? ""): "
      + "split it into smaller statements, or give its closures and literals explicit types"
  }
}
