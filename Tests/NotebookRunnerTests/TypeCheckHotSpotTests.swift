import NotebookCore
import Testing

@testable import NotebookRunner

/// A table built the way the slow notebooks built theirs: concatenated arrays inside an untyped closure.
private let slowTable = """
  ---
  title: Slow
  ---

  ```swift
  let runs = [("full", 12, [0.5, 0.25]), ("sparse", 30, [0.75, 0.5])]
  ```

  ```swift
  show(Table(
    header: ["name", "steps", "first", "last", "mean"],
    rows: runs.map { name, steps, losses in
      [name, String(steps)] + [losses.first ?? .nan, losses.last ?? .nan, Statistics.mean(losses)].map {
        String(format: "%.3f", $0)
      } + [steps > 20 ? "long" : "short"]
    }))
  ```
  """

@Suite(.serialized) struct TypeCheckHotSpotTests {
  @Test func theFrontEndsTimingBecomesAWarningAtTheNotebookLine() {
    let output = """
      notebooks/x.md:12:3: warning: expression took 5109ms to type-check (limit: 300ms)
      other.swift:1:1: warning: expression took 900ms to type-check (limit: 300ms)
      notebooks/x.md:14:1: warning: variable 'y' was never used
      """
    let warnings = TypeCheckHotSpots.warnings(in: output, path: "notebooks/x.md")
    #expect(warnings.map(\.line) == [12])
    #expect(warnings.first?.severity == .warning)
    #expect(
      warnings.first?.message.hasPrefix("This expression took 5109 ms to type-check (the limit is 300 ms)") == true)
  }

  @Test func aSlowExpressionIsReportedAtItsLineAndNotOnThePage() throws {
    var limits = ExecutionLimits()
    limits.slowTypeCheckMilliseconds = 1
    let outcome = try TestProject.run(slowTable, name: "slow.md", limits: limits)
    #expect(outcome.succeeded)
    let tableLine = outcome.notebook.cells[1].codeLine
    #expect(outcome.result.compileWarnings.contains { $0.line == tableLine })
    #expect(outcome.diagnostics.contains { $0.line == tableLine && $0.severity == .warning })
    #expect(!outcome.result.diagnostics.contains { $0.severity == .warning })
  }

  @Test func aLightNotebookGetsNoWarningAtTheDefaultLimit() throws {
    let outcome = try TestProject.run("---\ntitle: Light\n---\n\n```swift\nprint(1 + 1)\n```\n", name: "light.md")
    #expect(outcome.succeeded)
    #expect(outcome.result.compileWarnings.isEmpty)
  }
}
