import NotebookCore
import Testing

@Suite struct PlatformOptionTests {
  private func parse(_ header: String, cell: String = "print(1)") -> Notebook {
    NotebookParser.parse("---\ntitle: T\n\(header)\n---\n\n```swift\n\(cell)\n```\n", path: "notebooks/p.md")
  }

  @Test func thePlatformAndToleranceAreRead() {
    let notebook = parse("platform: sandybridge\ntolerance: 1e-6", cell: "//| tolerance: 0.01\nprint(1)")
    #expect(notebook.diagnostics.isEmpty)
    #expect(notebook.frontMatter.platform == "sandybridge")
    #expect(notebook.frontMatter.tolerance == 1e-6)
    #expect(notebook.cells[0].options.tolerance == 0.01)
  }

  @Test func anUnknownPlatformIsADiagnosticAtItsLine() {
    let notebook = parse("platform: cray")
    #expect(notebook.diagnostics.map(\.line) == [3])
    #expect(notebook.diagnostics.first?.message.contains("'platform' must be one of haswell") == true)
  }

  @Test func aToleranceOutsideZeroToOneIsADiagnostic() {
    #expect(parse("tolerance: 2").diagnostics.count == 1)
    let cell = parse("", cell: "//| tolerance: lots\nprint(1)")
    #expect(cell.diagnostics.first?.message.contains("Cell option 'tolerance'") == true)
  }

  @Test func theToleranceIsNotPartOfWhatRuns() {
    let plain = parse("").cells[0].options.executionFingerprint
    #expect(parse("", cell: "//| tolerance: 0.01\nprint(1)").cells[0].options.executionFingerprint == plain)
  }
}
