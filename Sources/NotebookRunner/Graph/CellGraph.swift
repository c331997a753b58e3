import NotebookCore

/// Which cells of a notebook each cell depends on.
///
/// A cell depends on the cells whose execution can change what it prints or the state it works on.
/// The graph is built from the cells' syntax (``CellFacts``); where the syntax leaves a doubt, the
/// cell depends.
///
/// Cell B depends on an earlier cell A when A declares, or may change, a notebook name that B
/// uses or may change — directly, or through what the name leads to (a function's body, the values a
/// declaration was made from, a closure stored in it). It also depends on a later cell that declares a
/// function or type it uses (those are visible in the whole program), on every earlier cell that
/// reaches state outside the program (files, environment, C random state, threads), and on every
/// cell that declares an extension, operator or precedence group. A cell whose code does not parse
/// depends on every cell, and every cell on it. Names no cell declares belong to
/// the libraries, which keep no state, and are not dependencies.
public struct CellGraph: Sendable {
  /// Why one cell depends on another.
  public struct Dependency: Sendable, Equatable {
    /// The index of the cell depended on.
    public var cell: Int
    /// The notebook names linking the cells that the dependent cell uses or changes itself, sorted.
    public var names: [String]
    /// The names linking them only through what the cell's names lead to (a function's body, the
    /// values a declaration was made from), sorted.
    public var through: [String]
    /// Effects the syntax cannot follow: state outside the program, an extension or operator.
    public var effects: [String]

    /// Creates a dependency.
    public init(cell: Int, names: [String], through: [String] = [], effects: [String] = []) {
      self.cell = cell
      self.names = names
      self.through = through
      self.effects = effects
    }
  }

  /// The cells analysed (those that run), by index, in order.
  public let cells: [Int]
  private let direct: [Int: [Dependency]]

  /// The graph of `notebook`'s cells that run (`eval: false` cells are left out).
  ///
  /// - Parameter valueTypes: The types whose constants never change (``LibraryValueTypes``); with only the
  ///   standard library's, a constant of a library type is taken to be changeable by every method call.
  public init(notebook: Notebook, valueTypes: LibraryValueTypes = LibraryValueTypes()) {
    let running = notebook.cells.filter(\.options.eval)
    let facts = Dictionary(uniqueKeysWithValues: running.map { ($0.index, CellFacts.of($0)) })
    cells = running.map(\.index)
    direct = CellGraph.dependencies(cells: cells, facts: facts, valueTypes: valueTypes)
  }

  /// The cells `cell` depends on directly, in order, with the reasons.
  public func dependencies(of cell: Int) -> [Dependency] { direct[cell] ?? [] }

  /// Every cell `cell` depends on, directly or through others.
  public func ancestors(of cell: Int) -> Set<Int> {
    var found: Set<Int> = []
    var pending = dependencies(of: cell).map(\.cell)
    while let next = pending.popLast() {
      guard next != cell, found.insert(next).inserted else { continue }
      pending += dependencies(of: next).map(\.cell)
    }
    return found
  }

  private static func dependencies(
    cells: [Int], facts: [Int: CellFacts], valueTypes: LibraryValueTypes
  ) -> [Int: [Dependency]] {
    let effects = NotebookEffects(cells: cells, facts: facts, valueTypes: valueTypes)
    var result: [Int: [Dependency]] = [:]
    for (position, cell) in cells.enumerated() {
      result[cell] = cells.enumerated().compactMap { otherPosition, other in
        other == cell ? nil : effects.dependency(of: cell, on: other, earlier: otherPosition < position)
      }
    }
    return result
  }
}
