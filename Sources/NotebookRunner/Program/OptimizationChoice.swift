import NotebookCore
internal import SwiftParser
internal import SwiftSyntax

/// Chooses whether a notebook's own code is compiled with `-O`, so that authors need not know the option.
///
/// An explicit `optimize:` in the front matter wins. Otherwise a notebook is optimised when one of its cells
/// runs a loop inside a loop — the plain-Swift pattern (`for step … { for i … { for j … } } }`) where `-O`
/// pays — and its code is small. Both conditions are measured, not guessed:
///
/// - A 64-dimensional Jacobian chain of 100 steps in plain loops ran 1.97 s at `-Onone` and 0.04 s at `-O`,
///   for 0.2 s more compile.
/// - The optimiser's cost grows with the generated program: `-O` added 3.9 s of compile to `rnn-gradients`
///   (233 lines of code) and 7.1 s to `search-sampling-2` (237), which ate the run-time saving whole
///   (21.2 s against 21.6 s). Large notebooks keep their heavy loops in `Lab`, which is always optimised.
///
/// Outputs do not depend on the level: floating-point code is compiled without fast-math at either level,
/// and the numerical platform is pinned, so the same operations give the same bits.
public enum OptimizationChoice {
  /// Notebooks with more lines of code than this compile unoptimised unless they ask otherwise.
  static let largestOptimisedCodeLines = 150

  /// Whether `notebook`'s own code should be compiled with optimisation.
  public static func optimizes(_ notebook: Notebook) -> Bool {
    if let explicit = notebook.frontMatter.optimize { return explicit }
    let cells = notebook.cells.filter(\.options.eval)
    let codeLines = cells.map { codeLineCount($0.code) }.reduce(0, +)
    return codeLines <= largestOptimisedCodeLines && cells.contains { hasNestedLoop($0.code) }
  }

  /// Lines that are neither blank nor `//` comments.
  static func codeLineCount(_ code: String) -> Int {
    code.split(whereSeparator: \.isNewline).filter { line in
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      return !trimmed.isEmpty && !trimmed.hasPrefix("//")
    }.count
  }

  /// Whether `code` has a `for`, `while` or `repeat` loop inside another one (closures included).
  static func hasNestedLoop(_ code: String) -> Bool {
    let visitor = LoopDepthVisitor(viewMode: .sourceAccurate)
    visitor.walk(Parser.parse(source: code))
    return visitor.deepest >= 2
  }
}

/// Measures how deeply loop statements nest.
private final class LoopDepthVisitor: SyntaxVisitor {
  private var depth = 0
  private(set) var deepest = 0

  override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind { enterLoop() }
  override func visitPost(_ node: ForStmtSyntax) { depth -= 1 }
  override func visit(_ node: WhileStmtSyntax) -> SyntaxVisitorContinueKind { enterLoop() }
  override func visitPost(_ node: WhileStmtSyntax) { depth -= 1 }
  override func visit(_ node: RepeatStmtSyntax) -> SyntaxVisitorContinueKind { enterLoop() }
  override func visitPost(_ node: RepeatStmtSyntax) { depth -= 1 }

  private func enterLoop() -> SyntaxVisitorContinueKind {
    depth += 1
    deepest = max(deepest, depth)
    return .visitChildren
  }
}
