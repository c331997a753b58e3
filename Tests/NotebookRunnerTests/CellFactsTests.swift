import NotebookCore
import Testing

@testable import NotebookRunner

/// What the syntax of one cell says it declares, uses and may change.
@Suite struct CellFactsTests {
  @Test func topLevelDeclarationsAreDeclared() {
    let facts = CellFacts.of(
      code: """
        let (a, b) = (1, 2)
        var c = 0
        func f(_ x: Int) -> Int { x }
        struct S {}
        enum E { case one }
        typealias T = Int
        guard let g = Int("3") else { fatalError() }
        """)
    #expect(facts.declared == ["a", "b", "c", "f", "S", "E", "T", "g"])
  }

  @Test func localsInBodiesAreNotDeclared() {
    let facts = CellFacts.of(code: "func f() { let inner = 1; print(inner) }\nif true { let y = 2 }\ndo { var z = 3 }")
    #expect(facts.declared == ["f"])
    #expect(!facts.referenced.contains("inner"))
  }

  @Test func aCellThatReadsNothingHasNoFreeNotebookNames() {
    let facts = CellFacts.of(code: "print(\"hello\")")
    #expect(facts.declared.isEmpty)
    #expect(facts.changed.isEmpty)
    #expect(facts.referenced == ["print"])
  }

  @Test func assignmentsChangeTheirTarget() {
    let facts = CellFacts.of(code: "x = 1\ny += 2\nz.field = 3\nw[i] = 4\nv &+= 5\n(p, q) = (q, p)\nlet ok = a == b")
    #expect(facts.changed == ["x", "y", "z", "w", "v", "p", "q"])
    #expect(facts.referenced.isSuperset(of: ["i", "a", "b"]))
  }

  @Test func inoutArgumentsAndMethodCallsChange() {
    let facts = CellFacts.of(code: "let s = sample(&rng)\nxs.append(1)\nmodel.layers[0].reset()\nlet n = ys.count")
    #expect(facts.changed == ["rng", "xs", "model"])
    #expect(facts.referenced.contains("ys"))
  }

  @Test func anInoutOnlyUseIsNotSharedButAPlainOneIs() {
    let facts = CellFacts.of(code: "let a = draw(&rng)\nlet b = Wrapper(gen)")
    #expect(!facts.shared.contains("rng"))
    #expect(facts.shared.contains("gen"))
    #expect(facts.passedToCalls.contains("gen"))
  }

  @Test func parametersAndClosureArgumentsShadowGlobals() {
    let facts = CellFacts.of(
      code: """
        func f(x: Int, and y: Int) -> Int { x + y }
        let g = { (z: Int) in z * 2 }
        let h = xs.map { x in x + 1 }
        let k = xs.map { $0 + w }
        """)
    #expect(!facts.referenced.contains("x"))
    #expect(!facts.referenced.contains("y"))
    #expect(!facts.referenced.contains("z"))
    #expect(facts.referenced.isSuperset(of: ["xs", "w"]))
  }

  @Test func aLocalShadowingAGlobalStillReadsTheGlobalInItsInitialiser() {
    let facts = CellFacts.of(code: "func f() { let n = n + 1; print(n) }\nif let m { print(m) }")
    #expect(facts.referenced.isSuperset(of: ["n", "m"]))
  }

  @Test func aGlobalUsedBeforeAShadowingLocalIsStillFree() {
    let facts = CellFacts.of(code: "func f() {\n  print(total)\n  var total = 0\n  total += 1\n}")
    #expect(facts.referenced.contains("total"))
    #expect(!facts.changed.contains("total"))
  }

  @Test func ifBindingsDoNotReachTheElseBranch() {
    let facts = CellFacts.of(code: "if let v = Int(\"1\") { print(v) } else { print(v) }")
    #expect(facts.referenced.contains("v"))
  }

  @Test func changingALocalMadeFromAGlobalChangesTheGlobal() {
    let facts = CellFacts.of(code: "func f() {\n  let alias = shared\n  alias.bump()\n  var copy = 0\n  copy += 1\n}")
    #expect(facts.changed == ["shared"])
    #expect(facts.changedInBodies == ["shared"])
  }

  @Test func changesInsideBodiesAreMarked() {
    let facts = CellFacts.of(code: "counter += 1\nfunc bump() { hits += 1 }\nlet each = { log.append($0) }")
    #expect(facts.changed == ["counter", "hits", "log"])
    #expect(facts.changedInBodies == ["hits", "log"])
    #expect(facts.referencedInBodies.isSuperset(of: ["hits", "log"]))
  }

  @Test func typeMembersAreLocalToTheType() {
    let facts = CellFacts.of(
      code: """
        struct Counter {
          func total() -> Int { count * step }
          var count = 0
          let step = 2
          mutating func add() { count += 1 }
        }
        """)
    #expect(facts.declared == ["Counter"])
    #expect(!facts.referenced.contains("count"))
    #expect(facts.changed.isEmpty)
  }

  @Test func typesAreReferencedByName() {
    let facts = CellFacts.of(code: "let p: Point = Point(x: 1)\nlet q = [Pair<Int>]()\nlet r = Outer.Inner()")
    #expect(facts.referenced.isSuperset(of: ["Point", "Pair", "Outer"]))
    #expect(!facts.referenced.contains("Inner"))
  }

  @Test func extensionsAndOperatorsAreGlobalDeclarations() {
    let facts = CellFacts.of(code: "extension Double { var squared: Double { self * self } }\ninfix operator **")
    #expect(facts.globalDeclarations == ["extension Double", "operator **"])
    #expect(!facts.referenced.contains("squared"))
  }

  @Test func classesAndActorsAreReferenceTypes() {
    #expect(CellFacts.of(code: "final class Box { var value = 0 }").declaresReferenceType)
    #expect(!CellFacts.of(code: "struct Box { var value = 0 }").declaresReferenceType)
  }

  @Test func outsideStateIsNoticed() {
    #expect(
      CellFacts.of(code: "let files = try FileManager.default.contentsOfDirectory(atPath: \".\")")
        .outsideState == ["FileManager"])
    #expect(
      CellFacts.of(code: "try text.write(toFile: \"out.txt\", atomically: true, encoding: .utf8)")
        .outsideState == [".write"])
    #expect(CellFacts.of(code: "srand48(7)").outsideState == ["srand48"])
    #expect(CellFacts.of(code: "trace.append(contentsOf: xs)").outsideState.isEmpty)
  }

  @Test func namesInsideStringInterpolationsAreUsed() {
    #expect(
      CellFacts.of(code: "print(\"total: \\(total), mean \\(sum / n)\")").referenced.isSuperset(of: [
        "total", "sum", "n",
      ]))
  }

  @Test func casePatternsBindOnlyInTheirCase() {
    let facts = CellFacts.of(
      code: """
        switch shape {
        case .circle(let r): print(r)
        case .square: print(r)
        }
        if case let .some(v) = lookup { print(v) }
        """)
    #expect(facts.referenced.isSuperset(of: ["shape", "r", "lookup"]))
    #expect(!facts.referenced.contains("v"))
  }

  @Test func anInoutParameterIsLocalButTheArgumentChanges() {
    let facts = CellFacts.of(code: "func push(_ a: inout [Int]) { a.append(2) }\npush(&xs)")
    #expect(facts.changed == ["xs"])
    #expect(facts.changedInBodies.isEmpty)
  }

  @Test func theFloatingPointEnvironmentIsOutsideState() {
    #expect(CellFacts.of(code: "fesetround(FE_UPWARD)").outsideState == ["fesetround"])
  }

  @Test func aCellRunningWithErrorTrueDeclaresNothing() {
    let notebook = NotebookParser.parse(
      "---\ntitle: T\n---\n\n```swift\n//| error: true\nlet x = try risky()\nlog.append(x)\n```\n",
      path: "notebooks/e.md")
    let facts = CellFacts.of(notebook.cells[0])
    #expect(facts.declared.isEmpty)
    #expect(facts.changed == ["log"])
  }

  @Test func customOperatorsRecordTheirOperands() {
    let facts = CellFacts.of(code: "total <~ 3")
    #expect(facts.operatorOperands["<~"] == ["total"])
    #expect(facts.referenced.contains("<~"))
  }
}
