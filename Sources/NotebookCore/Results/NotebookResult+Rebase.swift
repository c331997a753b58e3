extension NotebookResult {
  /// This result with its line numbers moved to where `notebook`'s cells are now.
  ///
  /// The cache key ignores prose, so a cached result may come from a version of the
  /// file whose cells sat at other lines. Cell lines, diagnostics and the lines errors
  /// name are shifted by how far each cell moved.
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
      result.outputs = old.outputs.map { $0.moved(by: shifted) }
      return result
    }
    copy.diagnostics = diagnostics.map { $0.moved(by: shifted) }
    return copy
  }
}

extension CellOutput {
  /// The same output with the lines it names passed through `shift` (only errors name lines).
  public func moved(by shift: (Int) -> Int) -> CellOutput {
    guard case .error(let error) = self else { return self }
    return .error(error.moved(by: shift))
  }
}

extension Diagnostic {
  /// The same diagnostic at the line `shift` gives for its own.
  public func moved(by shift: (Int) -> Int) -> Diagnostic {
    var moved = self
    moved.line = shift(line)
    return moved
  }
}
