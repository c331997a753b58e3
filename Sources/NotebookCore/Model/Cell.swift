/// A fenced `swift` block: code that runs, in order, sharing state with the cells before it.
public struct Cell: Sendable, Hashable, Codable {
  /// The 0-based position among the notebook's cells.
  public var index: Int
  /// The code without its option lines.
  public var code: String
  /// The parsed options.
  public var options: CellOptions
  /// The 1-based line of the opening fence.
  public var fenceLine: Int
  /// The 1-based line of the first line of ``code``.
  public var codeLine: Int

  /// Creates a cell.
  public init(index: Int, code: String, options: CellOptions, fenceLine: Int, codeLine: Int) {
    self.index = index
    self.code = code
    self.options = options
    self.fenceLine = fenceLine
    self.codeLine = codeLine
  }
}
