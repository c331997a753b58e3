/// The notebook-wide view of the cells' ``CellFacts``: for each cell, the notebook names it may use
/// and may change once what those names lead to is followed.
struct NotebookEffects {
  private let facts: [Int: CellFacts]
  private var declarers: [String: [Int]] = [:]
  private var changers: [String: [Int]] = [:]
  /// For each cell, the notebook names it may use, directly or through what they lead to.
  private var touched: [Int: Set<String>] = [:]
  /// For each cell, the notebook names it may change, directly or by calling into them.
  private var changed: [Int: Set<String>] = [:]

  init(cells: [Int], facts: [Int: CellFacts], valueTypes: LibraryValueTypes) {
    self.facts = facts
    let notebookNames = Set(cells.flatMap { facts[$0]?.declared ?? [] })
    let sharesReferences = cells.contains { facts[$0].map(Self.mayShareReferences) ?? false }
    let unchangeable =
      sharesReferences ? [] : Self.unchangeableConstants(cells: cells, facts: facts, valueTypes: valueTypes)
    var ownChanges: [Int: Set<String>] = [:]
    for cell in cells {
      guard let cellFacts = facts[cell] else { continue }
      for name in cellFacts.declared { declarers[name, default: []].append(cell) }
      var names = cellFacts.changed
      for (op, operands) in cellFacts.operatorOperands where notebookNames.contains(op) { names.formUnion(operands) }
      if sharesReferences { names.formUnion(cellFacts.passedToCalls) }
      ownChanges[cell] = names.intersection(notebookNames).subtracting(unchangeable)
      for name in ownChanges[cell] ?? [] { changers[name, default: []].append(cell) }
    }
    let reach = reachability(notebookNames, sharesReferences: sharesReferences)
    for cell in cells {
      guard let cellFacts = facts[cell] else { continue }
      let used = cellFacts.referenced.intersection(notebookNames)
      let touchedNames = used.union(used.flatMap { reach[$0] ?? [] })
      touched[cell] = touchedNames
      changed[cell] = (ownChanges[cell] ?? []).union(
        touchedNames.flatMap { latentChanges(of: $0) }.filter {
          notebookNames.contains($0) && !unchangeable.contains($0)
        })
    }
  }

  /// The constants whose value no cell can change: a `let` whose type the syntax proves is a value type
  /// holding no references (``ConstantEvidence``), none of whose type names the notebook declares itself.
  ///
  /// Only used when no value may be shared by reference: a library's generic value could otherwise hold one.
  private static func unchangeableConstants(
    cells: [Int], facts: [Int: CellFacts], valueTypes: LibraryValueTypes
  ) -> Set<String> {
    let notebookNames = Set(cells.flatMap { facts[$0]?.declared ?? [] })
    var unchangeable: Set<String> = []
    for cell in cells {
      for (name, evidence) in facts[cell]?.constants ?? [:] {
        switch evidence {
        case .literal: unchangeable.insert(name)
        case .typeNames(let types):
          if types.isSubset(of: valueTypes.names), types.isDisjoint(with: notebookNames) { unchangeable.insert(name) }
        }
      }
    }
    return unchangeable
  }

  /// Whether values may be shared by reference, so that passing one to a call may change it:
  /// the cell declares a class or actor, or names a Foundation class.
  private static func mayShareReferences(_ facts: CellFacts) -> Bool {
    facts.declaresReferenceType
      || facts.referenced.contains { $0.hasPrefix("NS") || $0.hasSuffix("Formatter") || $0.hasSuffix("Coder") }
  }

  /// For each notebook name, the notebook names that using it may reach: what its declaring cells
  /// were made from, and what runs in the bodies of the cells that change it — transitively.
  private func reachability(_ names: Set<String>, sharesReferences: Bool) -> [String: Set<String>] {
    var step: [String: Set<String>] = [:]
    for name in names {
      var next: Set<String> = []
      for cell in declarers[name] ?? [] { next.formUnion(facts[cell]?.shared ?? []) }
      for cell in changers[name] ?? [] {
        guard let cellFacts = facts[cell] else { continue }
        next.formUnion(sharesReferences ? cellFacts.shared : cellFacts.flowsInto[name] ?? [])
      }
      step[name] = next.intersection(names)
    }
    var closure: [String: Set<String>] = [:]
    for name in names {
      var found: Set<String> = []
      var pending = Array(step[name] ?? [])
      while let next = pending.popLast() {
        if found.insert(next).inserted { pending += step[next] ?? [] }
      }
      closure[name] = found
    }
    return closure
  }

  /// What code reached through `name` may change when it runs: the changes inside the bodies of
  /// the cells that declare it, and inside the closures stored into it.
  private func latentChanges(of name: String) -> Set<String> {
    let declared = (declarers[name] ?? []).flatMap { facts[$0]?.changedInBodies ?? [] }
    let stored = (changers[name] ?? []).flatMap { facts[$0]?.changesStoredIn[name] ?? [] }
    return Set(declared + stored)
  }

  /// Why `cell` depends on `other` (`nil` when it does not); `earlier` says whether `other` runs first.
  func dependency(of cell: Int, on other: Int, earlier: Bool) -> CellGraph.Dependency? {
    guard let otherFacts = facts[other], let cellFacts = facts[cell] else { return nil }
    let needed = (touched[cell] ?? []).union(changed[cell] ?? [])
    // A later cell comes first only through the functions and types it declares, which are visible
    // in the whole program: those the cell names itself.
    let provided = earlier ? otherFacts.declared.union(changed[other] ?? []) : otherFacts.declared
    let shared = provided.intersection(earlier ? needed : cellFacts.referenced)
    let named = shared.intersection(cellFacts.referenced.union(cellFacts.changed))
    var effects: [String] = []
    if earlier, !otherFacts.outsideState.isEmpty {
      effects.append("state outside the program (\(otherFacts.outsideState.sorted().joined(separator: ", ")))")
    }
    effects += otherFacts.globalDeclarations.sorted()
    if otherFacts.hasSyntaxErrors || cellFacts.hasSyntaxErrors { effects.append("code that does not parse") }
    guard !shared.isEmpty || !effects.isEmpty else { return nil }
    return CellGraph.Dependency(
      cell: other, names: named.sorted(), through: shared.subtracting(named).sorted(), effects: effects)
  }
}
