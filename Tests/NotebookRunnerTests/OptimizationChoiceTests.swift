import NotebookCore
import Testing

@testable import NotebookRunner

/// The runner optimises small loop-heavy notebooks without being asked, and nothing else.
@Suite struct OptimizationChoiceTests {
  private func notebook(_ code: String, frontMatter: String = "title: T") -> Notebook {
    NotebookParser.parse("---\n\(frontMatter)\n---\n\n```swift\n\(code)\n```\n", path: "notebooks/o.md")
  }

  private let jacobianChain = """
    var state = [Double](repeating: 0.1, count: 64)
    for _ in 0..<100 {
      var next = state
      for i in 0..<64 {
        var sum = 0.0
        for j in 0..<64 { sum += 0.01 * Double(i - j) * state[j] }
        next[i] = sum
      }
      state = next
    }
    print(state[0])
    """

  @Test func aSmallNotebookWithNestedLoopsIsOptimised() {
    #expect(OptimizationChoice.optimizes(notebook(jacobianChain)))
  }

  @Test func loopsInsideClosuresCountAsNested() {
    let code = "let sums = (0..<10).map { i in\n  var s = 0\n  for j in 0..<i { while s < j { s += 1 } }\n  return s\n}"
    #expect(OptimizationChoice.optimizes(notebook(code)))
  }

  @Test func aLightNotebookDoesNotPayForTheOptimiser() {
    let code = "let xs = (1...10).map(Double.init)\nfor x in xs { print(x * x) }\nlet total = xs.reduce(0, +)"
    #expect(!OptimizationChoice.optimizes(notebook(code)))
  }

  @Test func aLargeNotebookStaysUnoptimisedEvenWithNestedLoops() {
    let filler = (0..<OptimizationChoice.largestOptimisedCodeLines).map { "let v\($0) = \($0)" }.joined(separator: "\n")
    #expect(!OptimizationChoice.optimizes(notebook(jacobianChain + "\n" + filler)))
  }

  @Test func commentsAndBlankLinesAreNotCode() {
    #expect(OptimizationChoice.codeLineCount("// a\n\n  // b\nlet x = 1\n\tlet y = 2 // c\n") == 2)
  }

  @Test func theAuthorsSettingWins() {
    #expect(!OptimizationChoice.optimizes(notebook(jacobianChain, frontMatter: "title: T\noptimize: false")))
    #expect(OptimizationChoice.optimizes(notebook("print(1)", frontMatter: "title: T\noptimize: true")))
  }

  @Test func cellsThatDoNotRunAreIgnored() {
    #expect(!OptimizationChoice.optimizes(notebook("//| eval: false\n" + jacobianChain)))
  }
}
