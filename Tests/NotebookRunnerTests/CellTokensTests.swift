import Testing

@testable import NotebookRunner

@Suite struct CellTokensTests {
  @Test func commentsAndWhitespaceWidthsAreNotPartOfTheTokens() {
    let plain = CellTokens.normalized("let x = 1 + 2\nprint(x)")
    #expect(CellTokens.normalized("let x = 1 + 2 // three\n\n  // a note\nprint( x )") != plain)
    #expect(CellTokens.normalized("let x  =  1 +  2 // three\n\n  // a note\nprint(x)") == plain)
    #expect(CellTokens.normalized("/* first */ let x = 1 /* inline */ + 2\nprint(x)  ") == plain)
    #expect(CellTokens.normalized("// leading\nlet x = 1 + 2\nprint(x)\n// trailing") == plain)
  }

  @Test func whereSwiftReadsWhitespaceTheTokensDiffer() {
    #expect(CellTokens.normalized("f(a - b)") != CellTokens.normalized("f(a -b)"))
    #expect(CellTokens.normalized("let y = x\n-1") != CellTokens.normalized("let y = x -1"))
    #expect(CellTokens.normalized("let y = x /* a\n b */ -1") == CellTokens.normalized("let y = x\n-1"))
  }

  @Test func codeChangesChangeTheTokens() {
    #expect(CellTokens.normalized("print(1)") != CellTokens.normalized("print(2)"))
    #expect(CellTokens.normalized("print(\"a // b\")") != CellTokens.normalized("print(\"a\")"))
  }
}
