import NotebookCore
import Testing

@testable import NotebookRunner

@Test func stackTraceFramesAreDroppedAndTheMessageKept() {
  let printed = """
    before
    notebooks/x.md:12: Fatal error: Index out of range
    Current stack trace:
    0    libswiftCore.so    0x00007f3a1c2b1234 _assertionFailure + 56
    1    program            0x000055d0aa01b2c3 main + 412
    after
    """
  let cleaned = CrashReport.withoutStackTrace(.text(printed))
  #expect(cleaned == .text("before\nnotebooks/x.md:12: Fatal error: Index out of range\nafter"))
  #expect(CrashReport.withoutStackTrace(.text("plain\n")) == .text("plain\n"))
}

@Test func compilerContextOmitsGeneratedGlue() {
  let output = """
    notebooks/x.md:8:14: error: cannot convert value of type 'String' to specified type 'Int'
    let a: Int = "s"
                 ^~~
    } catch { _notebookReport(error) }
    notebooks/x.md:8:14: note: something
    """
  let entries = CompilerDiagnostics.errors(in: output, path: "notebooks/x.md")
  #expect(entries.count == 1)
  #expect(entries.first?.context == "let a: Int = \"s\"\n             ^~~\n")
}

/// A warning's source line and caret are its own: the error before it keeps only its lines, so its
/// text does not depend on what else the program holds.
@Test func compilerContextStopsAtTheNextMessage() {
  let output = """
    notebooks/x.md:8:14: error: cannot convert value of type 'String' to specified type 'Int'
    let a: Int = "s"
                 ^~~
    main.swift:40:3: warning: will never be executed
      _notebookCellBegin(3)
      ^
    """
  let entries = CompilerDiagnostics.errors(in: output, path: "notebooks/x.md")
  #expect(entries.first?.context == "let a: Int = \"s\"\n             ^~~\n")
}

@Test func theBacktracersBannerAndThreadNotesAreDropped() {
  let printed = """
    Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
    swift-runtime: failed to suspend thread 11756 while processing a crash; backtraces will be missing information

    *** Signal 4: Backtracing from 0x7fb10816df7f... done ***

    """
  #expect(
    CrashReport.withoutStackTrace(.text(printed))
      == .text("Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n"))
}
