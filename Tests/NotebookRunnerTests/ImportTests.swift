import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

private func parse(_ bodies: [String]) -> Notebook {
  let text = "---\ntitle: Imports\n---\n\n" + bodies.map { "Prose.\n\n```swift\n\($0)\n```\n" }.joined(separator: "\n")
  return NotebookParser.parse(text, path: "notebooks/imports.md")
}

@Suite struct ImportScannerTests {
  @Test func loneImportDeclarationsAreFound() {
    #expect(ImportScanner.module(importedBy: "import LabFlyHash") == "LabFlyHash")
    #expect(ImportScanner.module(importedBy: "  @testable import LabRNN  // the cells") == "LabRNN")
    #expect(ImportScanner.module(importedBy: "import struct LabRNN.RNN") == "LabRNN")
    #expect(ImportScanner.module(importedBy: "import Foundation") == "Foundation")
  }

  @Test func otherLinesAreNotImports() {
    #expect(ImportScanner.module(importedBy: "let important = 1") == nil)
    #expect(ImportScanner.module(importedBy: "// import LabFlyHash") == nil)
    #expect(ImportScanner.module(importedBy: "import LabFlyHash; print(1)") == nil)
    #expect(ImportScanner.module(importedBy: "print(\"import X\")") == nil)
  }

  @Test func importsAreFoundWithTheirNotebookLinesInCellsThatRun() {
    let notebook = parse(["print(0)", "//| eval: false\nimport LabMCMC", "//| label: a\nlet x = 1\nimport LabRNN"])
    let imports = ImportScanner.imports(in: notebook)
    #expect(imports.map(\.module) == ["LabRNN"])
    #expect(imports.first?.line == 23)
  }

  @Test func theGeneratorMovesImportsToTheTopAtTheirLines() {
    let notebook = parse(["//| error: true\nimport LabRNN\nthrow CancellationError()"])
    let source = ProgramGenerator.source(for: notebook)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let start = lines.firstIndex(of: "_notebookStart()") ?? 0
    let moved = lines.firstIndex(of: "import LabRNN") ?? lines.count
    #expect(moved < start)
    #expect(lines[moved - 1] == "#sourceLocation(file: \"notebooks/imports.md\", line: 9)")
    #expect(lines.filter { $0 == "import LabRNN" }.count == 1)
  }
}

@Suite(.serialized) struct ImportEndToEndTests {
  private func cells(_ bodies: [String]) -> String {
    "---\ntitle: Imports\n---\n\n" + bodies.map { "Prose.\n\n```swift\n\($0)\n```\n" }.joined(separator: "\n")
  }

  @Test func aTopicModuleImportedInACellIsLinked() throws {
    let outcome = try TestProject.run(
      cells([
        "import LabRNN\nlet cell = RNN.ScalarCell(inputWeight: 0.5, recurrentWeight: 0.9, bias: 0.5)\nprint(cell.recurrentWeight)"
      ]))
    #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.message))")
    #expect(TestProject.text(outcome.result.cells[0]) == "0.9\n")
  }

  @Test func anUnknownModuleIsAnErrorAtItsLine() throws {
    let outcome = try TestProject.run(cells(["print(1)", "import LabNoSuchTopic\nprint(2)"]), name: "unknown.md")
    #expect(!outcome.succeeded)
    #expect(outcome.result.cells[1].status == .compileError)
    let diagnostic = try #require(outcome.result.diagnostics.first { $0.message.contains("LabNoSuchTopic") })
    #expect(diagnostic.file.hasSuffix("unknown.md"))
    #expect(diagnostic.line == 14)
    #expect(diagnostic.message.contains("no such module 'LabNoSuchTopic'"))
    #expect(diagnostic.message.contains("LabFlyHash"))
  }

  @Test func aCellLeftOutBecauseItsResultIsCachedStillImportsForTheCellsThatRun() {
    let notebook = parse([
      "import LabRNN\nlet a = 1", "print(RNN.saturationConstant)", "//| error: true\nimport Nowhere",
    ])
    let source = ProgramGenerator.source(for: notebook, excluding: [0, 2])
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.filter { $0 == "import LabRNN" }.count == 1)
    #expect(!lines.contains("import Nowhere"))
    #expect(!lines.contains("let a = 1"))
  }
}
