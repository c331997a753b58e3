import NotebookCore
import Testing

/// An error keeps its location apart from its message, and shows both the way compilers do.
@Suite struct CellErrorTests {
  private let trap = CellError(
    .trap, "The cell crashed (SIGILL: a Swift runtime trap)", at: CellError.Location(file: "notebooks/x.md", line: 49),
    function: "pick(_:at:)", callerLines: [55, 60])

  @Test func eachKindReadsAsThePageShowsIt() {
    let compile = CellError(
      .compile, "cannot find 'y' in scope", at: CellError.Location(file: "notebooks/x.md", line: 12, column: 5),
      context: "12 | y\n   | `- here\n")
    #expect(compile.description == "notebooks/x.md:12:5: error: cannot find 'y' in scope\n12 | y\n   | `- here\n")
    #expect(CellError(.thrown, "Oops()").description == "Thrown error: Oops()")
    #expect(
      trap.description
        == "notebooks/x.md:49: The cell crashed (SIGILL: a Swift runtime trap) "
        + "(in pick(_:at:), called from notebooks/x.md:55, called from notebooks/x.md:60)")
    #expect(CellError(.stopped, "The cell ran out of time").description == "The cell ran out of time")
  }

  @Test func movingShiftsEveryLineItNamesAndNoText() {
    let moved = trap.moved { $0 + 10 }
    #expect(moved.location?.line == 59)
    #expect(moved.callerLines == [65, 70])
    #expect(moved.message == trap.message)
    #expect(moved.description.contains("notebooks/x.md:59: "))
    let unlocated: CellError = "Malformed check record"
    #expect(unlocated.moved { $0 + 10 } == unlocated)
  }
}
