import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

/// A notebook of three cells: `a`, an unrelated `b`, and a cell that reads `a`.
private func notebook(prose: String = "", first: String = "let a = 2\nprint(a)", last: String = "print(a * 10)")
  -> String
{
  "---\ntitle: Cells\n---\n\(prose)\n```swift\n\(first)\n```\n\n```swift\nlet b = 3\nprint(b)\n```\n\n"
    + "```swift\n\(last)\n```\n"
}

private func rewrite(_ path: String, _ text: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: TestProject.project.path(path)))
}

private func build(_ path: String, force: Bool = false) throws -> NotebookBuilder.Outcome {
  guard let outcome = try TestProject.build([path], force: force).first else { preconditionFailure("no outcome") }
  return outcome
}

private func reasons(_ outcome: NotebookBuilder.Outcome) -> [String] { outcome.cellRuns.map(\.description) }

@Suite(.serialized) struct CellCacheTests {
  @Test func editingTheLastCellRunsItAndWhatItNeedsOnly() throws {
    let path = try #require(try TestProject.write(["cells.md": notebook()])["cells.md"])
    let first = try build(path)
    #expect(first.cellRuns.allSatisfy { $0.executed })
    try rewrite(path, notebook(last: "print(a * 20)"))
    let edited = try build(path)
    let line = edited.notebook.cells[2].fenceLine
    #expect(reasons(edited) == ["needed by line \(line)", "cached", "changed"])
    #expect(edited.result.cells.map { TestProject.text($0) } == ["2\n", "3\n", "40\n"])
  }

  @Test func aCommentOnlyEditExecutesNothingAndUndoingAnEditIsAHit() throws {
    let path = try #require(try TestProject.write(["undo.md": notebook()])["undo.md"])
    let original = try build(path)
    try rewrite(path, notebook(first: "// the base\nlet a = 2  // two\nprint(a)"))
    let commented = try build(path)
    #expect(!commented.executed)
    #expect(commented.fromCellCache)
    #expect(reasons(commented) == ["cached", "cached", "cached"])
    #expect(commented.result.cells.map { $0.outputs } == original.result.cells.map { $0.outputs })
    try rewrite(path, notebook(first: "let a = 5\nprint(a)"))
    let changed = try build(path)
    #expect(reasons(changed) == ["changed", "cached", "depends on line \(changed.notebook.cells[0].fenceLine)"])
    #expect(changed.result.cells.map { TestProject.text($0) } == ["5\n", "3\n", "50\n"])
    try rewrite(path, notebook())
    let undone = try build(path)
    #expect(!undone.executed)
    #expect(undone.result.cells.map { TestProject.text($0) } == ["2\n", "3\n", "20\n"])
  }

  @Test func aSummaryRowReRunsOnlyItsOwnCellAndTheTablesCellReadsNothing() throws {
    let row = { (value: Int) in "let a = \(value)\nsummarize(\"a is two\", measured: \"\\(a)\", held: a == 2)" }
    let source = { (value: Int) in notebook(first: row(value), last: "showSummary()") }
    let path = try #require(try TestProject.write(["summary.md": source(2)])["summary.md"])
    let first = try build(path)
    #expect(first.result.cells[0].outputs == [.display(kind: .summaryRow, content: #"["a is two","2","yes"]"#)])
    #expect(first.result.cells[2].outputs.count == 1)
    try rewrite(path, source(5))
    let edited = try build(path)
    #expect(reasons(edited) == ["changed", "cached", "cached"])
    #expect(
      edited.result.cells[0].outputs == [
        .display(kind: .summaryRow, content: #"["a is two","5","no — a check failed"]"#)
      ])
  }

  @Test func storedLinesMoveWithTheirCellsAndFailedChecksStayFailed() throws {
    let failing = "check(a == 3, \"a is three\")"
    let path = try #require(try TestProject.write(["lines.md": notebook(last: failing)])["lines.md"])
    let before = try build(path)
    #expect(!before.succeeded)
    try rewrite(path, notebook(prose: "\nNew prose.\n\nMore prose.\n", last: failing))
    let after = try build(path)
    #expect(!after.executed)
    #expect(!after.succeeded)
    let check = try #require(after.result.diagnostics.first { $0.message.contains("a is three") })
    #expect(check.line == after.notebook.cells[2].codeLine)
    #expect(after.result.cells[2].line == after.notebook.cells[2].fenceLine)
  }

  @Test func aCellThatPrintsSomethingElseWithTheSameCodeIsReportedAsNotDeterministic() throws {
    let clock = "let a = Int(Date().timeIntervalSince1970 * 1_000_000) % 1000 + 1000\nprint(a)"
    let path = try #require(try TestProject.write(["clock.md": notebook(first: clock)])["clock.md"])
    _ = try build(path)
    try rewrite(path, notebook(first: clock, last: "print(a * 2)"))
    let edited = try build(path)
    let warning = try #require(edited.result.compileWarnings.first)
    #expect(warning.line == edited.notebook.cells[0].fenceLine)
    #expect(warning.message.contains("not deterministic"))
  }

  @Test func forceRunsEveryCellAndAnUnreadableStoredResultIsAMiss() throws {
    let path = try #require(try TestProject.write(["force.md": notebook()])["force.md"])
    _ = try build(path)
    let forced = try build(path, force: true)
    #expect(reasons(forced) == ["forced", "forced", "forced"])
    let folder = TestProject.project.path(".notebook-cache/cells")
    let files = try #require(FileManager.default.enumerator(atPath: folder)?.allObjects as? [String])
    for file in files where file.hasPrefix("force-") && file.hasSuffix(".json") {
      try Data("{ not json".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(file)"))
    }
    try rewrite(path, notebook(last: "print(a * 30)"))
    let rebuilt = try build(path)
    #expect(rebuilt.cellRuns.allSatisfy { $0.executed })
    #expect(rebuilt.result.cells.map { TestProject.text($0) } == ["2\n", "3\n", "60\n"])
  }
}
