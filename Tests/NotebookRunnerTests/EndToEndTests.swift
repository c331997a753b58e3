import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

private let header = "---\ntitle: Fixture\n---\n\n"

private func cells(_ bodies: [String]) -> String {
  header + bodies.map { "Prose.\n\n```swift\n\($0)\n```\n" }.joined(separator: "\n")
}

@Suite(.serialized) struct EndToEndTests {
  @Test func outputsKeepTheirOrderAndChecksAreRecorded() throws {
    let outcome = try TestProject.run(
      cells([
        "let xs = [3.0, 4.0]\nprint(\"first\")\nshow(Table(header: [\"x\"], rows: xs.map { [$0] }))\nprint(\"second\")",
        "checkClose(xs.norm, 5, tolerance: 1e-12, \"3-4-5\")\ncheck(xs.count == 2, \"two\")",
      ]))
    #expect(outcome.succeeded)
    #expect(outcome.executed)
    let first = outcome.result.cells[0].outputs
    #expect(first.count == 3)
    #expect(first.first == .text("first\n"))
    #expect(first.last == .text("second\n"))
    #expect(outcome.result.checkCounts == (2, 2))
  }

  @Test func aFailedCheckFailsTheNotebookButTheCellRunsOn() throws {
    let outcome = try TestProject.run(cells(["check(1 + 1 == 3, \"wrong\")\nprint(\"still here\")"]))
    #expect(!outcome.succeeded)
    #expect(outcome.result.cells[0].status == .checkFailed)
    #expect(TestProject.text(outcome.result.cells[0]) == "still here\n")
  }

  @Test func compileErrorPointsAtTheNotebookLine() throws {
    let outcome = try TestProject.run(cells(["let a = 1", "let b = a +\nlet c = undefinedName"]), name: "compile.md")
    #expect(!outcome.succeeded)
    let cell = outcome.result.cells[1]
    #expect(cell.status == .compileError)
    #expect(outcome.result.cells[0].status == .notRun)
    let diagnostic = try #require(outcome.result.diagnostics.first { $0.message.contains("undefinedName") })
    #expect(diagnostic.line == 15)
    #expect(diagnostic.file.hasSuffix("compile.md"))
    #expect(TestProject.errors(cell).contains { $0.contains("compile.md:15:") })
  }

  @Test func aTrapInCellThreeKeepsEarlierOutputs() throws {
    let outcome = try TestProject.run(
      cells(["print(1)", "print(2)", "print(3)\nlet empty: [Int] = []\nprint(empty[1])", "print(4)", "print(5)"]))
    let statuses = outcome.result.cells.map(\.status)
    #expect(statuses == [.ok, .ok, .crashed, .notRun, .notRun])
    #expect(TestProject.text(outcome.result.cells[1]) == "2\n")
    #expect(TestProject.text(outcome.result.cells[2]).hasPrefix("3\n"))
    #expect(TestProject.text(outcome.result.cells[2]).contains("Index out of range"))
    // The line that trapped, the third of the cell's code, not the cell's fence.
    #expect(outcome.result.diagnostics.first?.line == outcome.notebook.cells[2].codeLine + 2)
    #expect(
      TestProject.errors(outcome.result.cells[2]).contains {
        $0.contains(":\(outcome.notebook.cells[2].codeLine + 2): ")
      })
  }

  @Test func anInfiniteLoopIsStoppedByTheCellTimeout() throws {
    let start = Date()
    let outcome = try TestProject.run(
      cells(["print(\"before\")", "//| timeout: 2\nprint(\"spinning\")\nwhile true { }", "print(\"never\")"]))
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(outcome.result.cells.map(\.status) == [.ok, .timedOut, .notRun])
    #expect(TestProject.text(outcome.result.cells[1]) == "spinning\n")
    #expect(TestProject.errors(outcome.result.cells[1]) == ["The cell ran out of time (timeout: 2 s)"])
  }

  @Test func theNotebookTimeoutAppliesToo() throws {
    let outcome = try TestProject.run("---\ntitle: T\ntimeout: 2\n---\n\n```swift\nwhile true { }\n```\n")
    #expect(outcome.result.cells[0].status == .timedOut)
  }

  @Test func fiftyMegabytesOfOutputAreTruncatedVisibly() throws {
    let line = String(repeating: "x", count: 99)
    let outcome = try TestProject.run(cells(["for _ in 0..<500_000 { print(\"\(line)\") }\nprint(\"done\")"]))
    let outputs = outcome.result.cells[0].outputs
    #expect(outcome.succeeded)
    #expect(TestProject.text(outcome.result.cells[0]).utf8.count == 1 << 20)
    guard case .truncated(let dropped) = outputs.last else {
      Issue.record("expected a truncation note, got \(String(describing: outputs.last))")
      return
    }
    #expect(dropped == 50_000_005 - (1 << 20))
  }

  @Test func scriptTagsAndInvalidUTF8AreCapturedAsPlainText() throws {
    let outcome = try TestProject.run(
      cells([
        "print(\"<script>alert(1)</script>\")\nFileHandle.standardOutput.write(Data([0x61, 0xFF, 0x62, 0x0A]))"
      ]))
    #expect(outcome.succeeded)
    #expect(TestProject.text(outcome.result.cells[0]) == "<script>alert(1)</script>\na\u{FFFD}b\n")
    #expect(!outcome.result.cells[0].outputs.contains { if case .display = $0 { return true } else { return false } })
  }

  @Test func printedMarkersCannotForgeRecords() throws {
    let outcome = try TestProject.run(
      cells(["print(\"\\n\\u{1}0000 cell 5\\n\")\nprint(\"\\n\\u{1}x check 2\\n{}\")", "print(\"b\")"]))
    #expect(outcome.succeeded)
    #expect(outcome.result.cells.map(\.status) == [.ok, .ok])
    #expect(TestProject.text(outcome.result.cells[1]) == "b\n")
  }

  @Test func expectedErrorsAreShownAndLaterCellsStillRun() throws {
    let outcome = try TestProject.run(
      cells([
        "print(\"a\")",
        "//| error: true\nlet broken: Int = \"text\"",
        "//| error: true\nstruct Oops: Error {}\nthrow Oops()",
        "//| error: true\nlet values: [Int] = []\nprint(values[3])",
        "print(\"after\")",
      ]))
    #expect(outcome.succeeded)
    #expect(outcome.result.cells.map(\.status) == [.ok, .expectedError, .expectedError, .expectedError, .ok])
    #expect(TestProject.text(outcome.result.cells[4]) == "after\n")
    // One program for the cells that compile, one more without the cell that did not; the trap needs none.
    #expect(outcome.result.compilations == 2)
  }

  @Test func aTrapInAnExpectedErrorCellRunsTheSameProgramAgainWithoutIt() throws {
    let outcome = try TestProject.run(
      cells([
        "var log = [\"a\"]\nprint(log)",
        "//| error: true\nlog.append(\"trap\")\nlet values: [Int] = []\nprint(values[3])",
        "log.append(\"b\")\nprint(log)",
      ]))
    #expect(outcome.result.cells.map(\.status) == [.ok, .expectedError, .ok])
    #expect(outcome.result.compilations == 1)
    #expect(TestProject.text(outcome.result.cells[2]) == "[\"a\", \"b\"]\n")
  }

  @Test func forkedChildrenDoNotOutliveTheProgram() throws {
    let marker = "orphan-\(UUID().uuidString.prefix(8))"
    let outcome = try TestProject.run(
      cells([
        "let p = Process()\np.executableURL = URL(fileURLWithPath: \"/bin/sh\")\np.arguments = [\"-c\", \"exec sleep 300 # \(marker)\"]\ntry p.run()\nprint(\"started\")"
      ]))
    #expect(outcome.succeeded)
    Thread.sleep(forTimeInterval: 0.5)
    let survivors = try CapturedCommand.run("/usr/bin/pgrep", ["-f", marker])
    #expect(survivors.text.isEmpty)
  }

  @Test func cacheSkipsUnchangedAndProseEditsButNotCodeEdits() throws {
    let text = cells(["print(\"v1\")"])
    let paths = try TestProject.write(["cached.md": text])
    let path = try #require(paths["cached.md"])
    #expect(try TestProject.build([path])[0].executed)
    #expect(try !TestProject.build([path])[0].executed)
    try Data(text.replacingOccurrences(of: "Prose.", with: "Edited prose.").utf8)
      .write(to: URL(fileURLWithPath: TestProject.project.path(path)))
    #expect(try !TestProject.build([path])[0].executed)
    try Data(text.replacingOccurrences(of: "v1", with: "v2").utf8)
      .write(to: URL(fileURLWithPath: TestProject.project.path(path)))
    let edited = try TestProject.build([path])[0]
    #expect(edited.executed)
    #expect(TestProject.text(edited.result.cells[0]) == "v2\n")
  }

  @Test func inputEditsReExecute() throws {
    let paths = try TestProject.write([
      "in.txt": "first",
      "reads.md": "---\ntitle: R\ninputs: [in.txt]\n---\n\n```swift\nprint(\"x\")\n```\n",
    ])
    let notebook = try #require(paths["reads.md"])
    let input = try #require(paths["in.txt"])
    #expect(try TestProject.build([notebook])[0].executed)
    #expect(try !TestProject.build([notebook])[0].executed)
    try Data("second".utf8).write(to: URL(fileURLWithPath: TestProject.project.path(input)))
    #expect(try TestProject.build([notebook])[0].executed)
  }

  @Test func twoBuildsAtOnceBothSucceed() throws {
    let paths = try TestProject.write(["a.md": cells(["print(1)"]), "b.md": cells(["print(2)"])])
    let all = paths.values.sorted()
    let group = DispatchGroup()
    let lock = NSLock()
    nonisolated(unsafe) var results: [[NotebookBuilder.Outcome]] = []
    for _ in 0..<2 {
      group.enter()
      DispatchQueue.global().async {
        let outcome = (try? TestProject.build(all, force: true)) ?? []
        lock.withLock { results.append(outcome) }
        group.leave()
      }
    }
    try #require(group.wait(timeout: .now() + 900) == .success, "the two builds did not end within 15 minutes")
    #expect(results.count == 2)
    #expect(results.allSatisfy { $0.count == 2 && $0.allSatisfy(\.succeeded) })
    #expect(try TestProject.build(all).allSatisfy { !$0.executed && $0.succeeded })
  }
}

@Test func aNotebookWithoutRunnableCellsCompilesNothing() throws {
  let outcome = try TestProject.run(
    "---\ntitle: Prose\n---\n\nOnly prose, and a cell that does not run.\n\n```swift\n//| eval: false\nlet x: Int = \"not compiled\"\n```\n"
  )
  #expect(outcome.succeeded)
  #expect(!outcome.executed)
  #expect(outcome.result.compileSeconds == 0)
  #expect(outcome.result.cells.map(\.status) == [.skipped])
}
