import NotebookCore
import Testing

@testable import NotebookRunner

/// Which cells depend on which, and why.
@Suite struct CellGraphTests {
  /// A notebook of the given cells; `//|` option lines go at the top of a cell's code.
  private func graph(_ cells: String...) -> CellGraph {
    let body = cells.map { "```swift\n\($0)\n```\n" }.joined(separator: "\nText.\n\n")
    return CellGraph(notebook: NotebookParser.parse("---\ntitle: T\n---\n\n" + body, path: "notebooks/g.md"))
  }

  /// Each analysed cell's direct dependencies, as cell indexes.
  private func edges(_ graph: CellGraph) -> [[Int]] {
    graph.cells.map { graph.dependencies(of: $0).map(\.cell) }
  }

  @Test func aReaderDependsOnTheDeclarer() {
    let g = graph("let a = 1", "let b = 2", "print(a)")
    #expect(edges(g) == [[], [], [0]])
    #expect(g.dependencies(of: 2) == [CellGraph.Dependency(cell: 0, names: ["a"])])
  }

  @Test func aCellThatReadsNothingDependsOnNothing() {
    let g = graph("var x = 1", "x += 1", "print(\"hello\")")
    #expect(edges(g) == [[], [0], []])
  }

  @Test func aReaderDependsOnEveryEarlierChanger() {
    let g = graph("var xs: [Int] = []", "xs.append(1)", "xs[0] = 2", "let unrelated = 3", "print(xs)")
    #expect(edges(g) == [[], [0], [0, 1], [], [0, 1, 2]])
  }

  @Test func aLaterChangeDoesNotReachBack() {
    let g = graph("var x = 1", "print(x)", "x = 2")
    #expect(edges(g)[1] == [0])
  }

  @Test func inoutUseOfAGeneratorChainsItsUsersButNotWhatTheyMade() {
    let g = graph(
      "var rng = SeededGenerator(seed: 1)", "let xs = sample(&rng)", "let ys = sample(&rng)", "print(xs.count)")
    #expect(edges(g) == [[], [0], [0, 1], [1]])
  }

  @Test func callingAFunctionThatChangesAGlobalChangesIt() {
    let g = graph("var counter = 0", "func bump() { counter += 1 }", "bump()", "print(counter)")
    #expect(edges(g)[3] == [0, 1, 2])
    #expect(g.dependencies(of: 3)[2] == CellGraph.Dependency(cell: 2, names: ["counter"]))
  }

  @Test func aFunctionsBodyReadsAreFollowed() {
    let g = graph("var scale = 2", "func scaled(_ v: Int) -> Int { v * scale }", "scale = 3", "print(scaled(1))")
    #expect(edges(g)[3] == [0, 1, 2])
  }

  @Test func aClosureStoredInAGlobalIsFollowed() {
    let g = graph(
      "var hits = 0", "var handlers: [() -> Void] = []", "handlers.append { hits += 1 }",
      "handlers.forEach { $0() }", "print(hits)")
    #expect(edges(g)[4] == [0, 2, 3])
  }

  @Test func namesReachedOnlyThroughAFunctionAreListedApart() {
    let g = graph("var scale = 2", "func scaled(_ v: Int) -> Int { v * scale }", "print(scaled(1))")
    #expect(
      g.dependencies(of: 2) == [
        CellGraph.Dependency(cell: 0, names: [], through: ["scale"]),
        CellGraph.Dependency(cell: 1, names: ["scaled"]),
      ])
  }

  @Test func aVariableIsNeverADependencyOnALaterCell() {
    let g = graph("var rng = Gen()", "print(rng)", "let draws = xs.map { _ in rng.next() }", "let later = 1")
    #expect(edges(g) == [[], [0], [0], []])
  }

  @Test func whatIsStoredIntoAGlobalIsReachedThroughIt() {
    let g = graph(
      "var limit = 1", "var checks: [() -> Bool] = []", "checks.append { limit > 0 }", "limit = 5", "print(checks[0]())"
    )
    #expect(edges(g)[4] == [0, 1, 2, 3])
    #expect(g.dependencies(of: 4)[3] == CellGraph.Dependency(cell: 3, names: [], through: ["limit"]))
  }

  @Test func anInoutFunctionChangesItsArgument() {
    let g = graph("var xs = [1]", "func push(_ a: inout [Int]) { a.append(2) }", "push(&xs)", "print(xs)")
    #expect(edges(g) == [[], [], [0, 1], [0, 2]])
  }

  @Test func aCopyReachesWhatItWasCopiedFrom() {
    let g = graph("var xs = [1]", "let ys = xs", "xs.append(2)", "print(ys)")
    #expect(edges(g)[3] == [0, 1, 2])
  }

  @Test func shadowingInAClosureIsNotADependency() {
    let g = graph("let x = 1", "let doubled = [1, 2].map { x in x * 2 }", "func f(x: Int) -> Int { x }")
    #expect(edges(g) == [[], [], []])
  }

  @Test func aFunctionDeclaredLaterIsADependency() {
    let g = graph("print(square(3))", "func square(_ v: Int) -> Int { v * v }")
    #expect(edges(g) == [[1], []])
  }

  @Test func typesDeclaredInCellsAreDependencies() {
    let g = graph("struct Point { var x = 0.0 }", "var p = Point()", "p.x = 2", "print(p.x)")
    #expect(edges(g) == [[], [0], [0, 1], [0, 1, 2]])
  }

  @Test func withAClassAnArgumentMayBeChanged() {
    let g = graph(
      "final class Box { var v = 0 }", "let box = Box()", "func fill(_ b: Box) { b.v = 1 }", "fill(box)", "print(box.v)"
    )
    #expect(edges(g)[4] == [0, 1, 2, 3])
    let values = graph(
      "struct Box { var v = 0 }", "let box = Box()", "func show(_ b: Box) { print(b.v) }", "show(box)", "print(box.v)")
    #expect(edges(values)[4] == [0, 1])
  }

  @Test func aValueMadeFromAnotherSharesItsChanges() {
    let g = graph(
      "final class Gen { var n = 0 }", "let gen = Gen()", "let wrapper = [gen]", "gen.n = 5", "print(wrapper[0].n)")
    #expect(edges(g)[4].contains(3))
  }

  @Test func anExtensionIsADependencyOfEveryCell() {
    let g = graph("print(1.5.twice)", "extension Double { var twice: Double { self * 2 } }", "print(\"x\")")
    #expect(edges(g) == [[1], [], [1]])
    #expect(g.dependencies(of: 0)[0].effects == ["extension Double"])
  }

  @Test func stateOutsideTheProgramOrdersEveryLaterCell() {
    let g = graph("print(1)", "try \"x\".write(toFile: \"out.txt\", atomically: true, encoding: .utf8)", "print(2)")
    #expect(edges(g) == [[], [], [1]])
    #expect(g.dependencies(of: 2)[0].effects == ["state outside the program (.write)"])
  }

  @Test func codeThatDoesNotParseIsLinkedToEveryCell() {
    let g = graph("let a = 1", "let b = (", "print(2)")
    #expect(edges(g) == [[1], [0, 2], [1]])
    #expect(g.dependencies(of: 2)[0].effects == ["code that does not parse"])
  }

  @Test func cellsThatDoNotRunAreLeftOut() {
    let g = graph("let a = 1", "//| eval: false\nlet b = a", "print(a)")
    #expect(g.cells == [0, 2])
    #expect(g.dependencies(of: 2).map(\.cell) == [0])
  }

  @Test func aCellWithErrorTrueSharesNoDeclarations() {
    let g = graph("//| error: true\nlet a = try risky()", "print(a)")
    #expect(edges(g) == [[], []])
  }

  @Test func aNotebookOperatorMayChangeItsOperands() {
    let g = graph(
      "infix operator <~", "func <~ (l: inout Int, r: Int) { l = r }", "var t = 0", "t <~ 3", "print(t)")
    #expect(edges(g)[4].contains(3))
  }

  @Test func ancestorsAreTransitive() {
    let g = graph("let a = 1", "let b = a + 1", "let c = b + 1", "print(\"x\")")
    #expect(g.ancestors(of: 2) == [0, 1])
    #expect(g.ancestors(of: 3).isEmpty)
  }
}
