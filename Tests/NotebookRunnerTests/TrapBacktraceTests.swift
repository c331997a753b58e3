import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

/// The crash report the runtime writes (`SWIFT_BACKTRACE=format=json`), cut to the fields that are read.
private func report(_ frames: [(String, String?, Int)]) -> String {
  let listed = frames.map { description, file, line in
    let location = file.map { #", "sourceLocation": { "file": "\#($0)", "line": \#(line), "column": 3 }"# } ?? ""
    return #"{ "kind": "returnAddress", "description": "\#(description)"\#(location) }"#
  }
  return #"{ "kind": "crashReport", "threads": [ { "crashed": true, "frames": [ "#
    + listed.joined(separator: ", ") + #", { "kind": "truncated" } ] } ] }"#
}

private func read(_ json: String) throws -> TrapBacktrace? {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString).json").path
  try Data(json.utf8).write(to: URL(fileURLWithPath: path))
  defer { try? FileManager.default.removeItem(atPath: path) }
  return TrapBacktrace.read(reportAt: path, notebookPath: "notebooks/x.md")
}

@Test func theNotebooksFramesAreKeptInnermostFirst() throws {
  let backtrace = try read(
    report([
      ("_assertionFailure(_:_:file:line:flags:) + 302", nil, 0),
      ("Matrix.* infix(_:_:) + 40", "Sources/Lab/Core/Matrix+Arithmetic.swift", 30),
      ("pick(_:at:) + 52", "notebooks/x.md", 49),
      ("closure #1 in run() + 12", "notebooks/x.md", 55),
      ("run() + 80", "notebooks/x.md", 56),
      ("main + 233", "notebooks/x.md", 60),
    ]))
  #expect(
    backtrace?.frames == [
      .init(function: "pick(_:at:)", line: 49), .init(function: "closure #1 in run()", line: 55),
      .init(function: "run()", line: 56),
    ])
  #expect(backtrace?.innermostFunction == "pick(_:at:)")
  #expect(backtrace?.callerLines == [55, 56])
  let error = CellError(
    .trap, "The cell crashed", at: CellError.Location(file: "notebooks/x.md", line: 49),
    function: backtrace?.innermostFunction, callerLines: backtrace?.callerLines ?? [])
  #expect(
    error.description
      == "notebooks/x.md:49: The cell crashed (in pick(_:at:), called from notebooks/x.md:55, called from notebooks/x.md:56)"
  )
}

@Test func aTrapInTopLevelCodeNamesNoFunction() throws {
  let backtrace = try read(report([("main + 9", "notebooks/x.md", 12)]))
  #expect(backtrace?.frames == [.init(function: "top-level code", line: 12)])
  #expect(backtrace?.innermostFunction == nil)
  #expect(backtrace?.callerLines == [])
}

@Test func noReportOrNoNotebookFrameGivesNothing() throws {
  #expect(try read(report([("main + 9", "other.md", 12)])) == nil)
  #expect(try read("not json") == nil)
  #expect(TrapBacktrace.read(reportAt: "/nonexistent/crash.json", notebookPath: "notebooks/x.md") == nil)
}

@Test func theSettingWritesJSONToTheReportAndCannotBeSplitByThepath() {
  let setting = TrapBacktrace.environmentValue(reportPath: "/cache/run-1/crash.json")
  #expect(setting.hasPrefix("enable=yes,"))
  #expect(setting.contains("format=json"))
  #expect(setting.hasSuffix("output-to=/cache/run-1/crash.json"))
  #expect(TrapBacktrace.environmentValue(reportPath: "/a,b/crash.json") == "enable=no")
}
