import NotebookCore
import Testing

@testable import NotebookRunner

/// A constant whose type the syntax proves is one of the libraries' value types cannot change, so the cells
/// that only call methods on it do not chain each other; anything less certain still chains.
@Suite struct ValueConstantGraphTests {
  private let libraries = LibraryValueTypes(
    sources: [
      "public enum Kernel { public struct Net { public func train() -> Double { 1 } } }",
      "public struct Space { public func count() -> Int { 4 } }",
      "public protocol Model {}", "public struct Box<T> { var value: T }",
    ])

  private func edges(_ cells: String..., valueTypes: LibraryValueTypes? = nil) -> [[Int]] {
    let body = cells.map { "```swift\n\($0)\n```\n" }.joined(separator: "\nText.\n\n")
    let notebook = NotebookParser.parse("---\ntitle: T\n---\n\n" + body, path: "notebooks/v.md")
    let graph = CellGraph(notebook: notebook, valueTypes: valueTypes ?? libraries)
    return graph.cells.map { graph.dependencies(of: $0).map(\.cell) }
  }

  @Test func theLibrariesStructsAndEnumsAreValueTypesAndTheirProtocolsAreNot() {
    #expect(libraries.names.isSuperset(of: ["Kernel", "Net", "Space", "Box", "Double", "String"]))
    #expect(!libraries.names.contains("Model"))
    #expect(!libraries.names.contains("T"))
  }

  @Test func methodCallsOnAnInitialisedLibraryValueDoNotChainTheCellsThatMakeThem() {
    #expect(edges("let net = Kernel.Net()", "print(net.train())", "print(net.train())") == [[], [0], [0]])
    #expect(edges("let space = Space()", "_ = space.count()", "_ = space.count()") == [[], [0], [0]])
  }

  @Test func anAnnotatedConstantIsProvedByItsAnnotation() {
    #expect(edges("let net: Kernel.Net = make()", "_ = net.train()", "_ = net.train()") == [[], [0], [0]])
    #expect(edges("let sizes: [Int] = counts()", "_ = sizes.first", "_ = sizes.max()") == [[], [0], [0]])
  }

  @Test func literalsNeverChange() {
    #expect(edges("let n = 200_000", "_ = n.description", "_ = n.signum()") == [[], [0], [0]])
  }

  @Test func whatTheSyntaxCannotProveStillChains() {
    // A static method may return anything; only an initializer names the value's type.
    #expect(edges("let net = Kernel.make()", "_ = net.train()", "_ = net.train()") == [[], [0], [0, 1]])
    // A type the libraries do not declare may be a class (here Foundation's).
    #expect(edges("let f = NumberFormatter()", "_ = f.string()", "_ = f.string()") == [[], [0], [0, 1]])
    // A protocol-typed constant may hold a class; a function type is no evidence at all.
    #expect(edges("let m: Model = make()", "_ = m.fit()", "_ = m.fit()") == [[], [0], [0, 1]])
    #expect(CellFacts.of(code: "let step: () -> Int = make()").constants.isEmpty)
    #expect(CellFacts.of(code: "let n = 1, s = \"a\"").constants == ["n": .literal, "s": .literal])
    // A `var` can change.
    #expect(edges("var net = Kernel.Net()", "_ = net.train()", "_ = net.train()") == [[], [0], [0, 1]])
    // Without the libraries' types the graph knows only the standard library's.
    #expect(
      edges("let net = Kernel.Net()", "_ = net.train()", "_ = net.train()", valueTypes: LibraryValueTypes())
        == [[], [0], [0, 1]])
  }

  @Test func aNotebookThatDeclaresAClassOrShadowsALibraryTypeKeepsEveryChain() {
    // A library's generic value could hold the notebook's reference.
    #expect(
      edges("final class Counter { var n = 0 }", "let box = Box(value: Counter())", "box.value.n += 1", "print(box)")
        .last == [0, 1, 2])
    #expect(
      edges(
        "struct Space { let s = NSMutableString() }", "let space = Space()", "_ = space.count()", "_ = space.count()")
        == [[], [0], [0, 1], [0, 1, 2]])
  }
}
