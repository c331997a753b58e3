extension NotebookResult {
  /// This result with its line numbers moved to where `notebook`'s cells are now.
  ///
  /// The cache key ignores prose, so a cached result may come from a version of the
  /// file whose cells sat at other lines. Cell lines, diagnostics and the
  /// `file:line:` locations inside error messages are shifted by how far each cell moved.
  public func rebased(to notebook: Notebook) -> NotebookResult {
    guard cells.count == notebook.cells.count else { return self }
    let shifts = zip(cells, notebook.cells).map { (old: $0.line, delta: $1.fenceLine - $0.line) }
    guard shifts.contains(where: { $0.delta != 0 }) else { return self }
    func shifted(_ line: Int) -> Int {
      line + (shifts.last { $0.old <= line }?.delta ?? 0)
    }
    var copy = self
    copy.cells = zip(cells, notebook.cells).map { old, cell in
      var result = old
      result.line = cell.fenceLine
      result.outputs = old.outputs.map { output in
        guard case .error(let message) = output else { return output }
        return .error(Self.shiftLocations(in: message, file: notebook.path, by: shifted))
      }
      return result
    }
    copy.diagnostics = diagnostics.map { diagnostic in
      var moved = diagnostic
      moved.line = shifted(diagnostic.line)
      return moved
    }
    return copy
  }

  /// Rewrites `file:LINE:` occurrences in `message` with `shift(LINE)`.
  public static func shiftLocations(in message: String, file: String, by shift: (Int) -> Int) -> String {
    let prefix = file + ":"
    var output = ""
    var rest = Substring(message)
    while let range = rest.range(of: prefix) {
      output += rest[..<range.upperBound]
      rest = rest[range.upperBound...]
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      if let line = Int(digits) {
        output += String(shift(line))
        rest = rest.dropFirst(digits.count)
      }
    }
    return output + rest
  }
}
