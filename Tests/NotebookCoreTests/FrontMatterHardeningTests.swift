import Testing

@testable import NotebookCore

private func parse(_ text: String) -> Notebook {
  NotebookParser.parse(text, path: "notebooks/t.md")
}

/// Twelve lines whose last alias stands for 10⁹ nodes.
private let aliasBomb =
  (0..<9).map { level in
    level == 0
      ? "a0: &a0 [" + Array(repeating: "x", count: 10).joined(separator: ", ") + "]"
      : "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]"
  }.joined(separator: "\n")

@Suite struct FrontMatterHardeningTests {
  @Test func anAliasBombIsRefusedAtTheAliasLine() {
    let notebook = parse("---\ntitle: T\n" + aliasBomb + "\ntimeout: *a8\n---\n")
    #expect(
      notebook.diagnostics.map(\.description) == [
        "notebooks/t.md:4:1: error: Front matter may not use YAML aliases ('*a0'): write the value out instead"
      ])
  }

  @Test func anAliasUsedAsAKeyIsRefusedToo() {
    let notebook = parse("---\n" + aliasBomb + "\n? *a8\n: 1\ntitle: T\n---\n")
    #expect(notebook.diagnostics.first?.message.hasPrefix("Front matter may not use YAML aliases") == true)
  }

  @Test func starsAndAmpersandsWithoutAnAnchorAreText() {
    let notebook = parse("---\ntitle: \"A *b* &amp; c\"\nsummary: x *emphasis* and &c\n---\n")
    #expect(notebook.diagnostics.isEmpty)
    #expect(notebook.frontMatter.title == "A *b* &amp; c")
  }

  @Test func aLongBadValueIsQuotedAsABoundedExcerpt() {
    let items = Array(repeating: "[1, 2, 3, 4, 5, 6, 7, 8, 9]", count: 5000).joined(separator: ", ")
    let notebook = parse("---\ntitle: T\ntimeout: [\(items)]\n---\n")
    let message = notebook.diagnostics.first?.message ?? ""
    #expect(message.hasPrefix("Front matter key 'timeout' must be a positive number of seconds, got '[[1, 2, 3"))
    #expect(message.count < 200, "the excerpt is bounded, got \(message.count) characters")
  }

  @Test func aByteOrderMarkBeforeTheHeaderIsAccepted() {
    let notebook = parse("\u{FEFF}---\ntitle: With a BOM\n---\n\nText.\n")
    #expect(notebook.diagnostics.isEmpty)
    #expect(notebook.frontMatter.title == "With a BOM")
  }

  @Test func anImpossibleDateIsADiagnosticAtItsLine() {
    let bad = parse("---\ntitle: T\ndate: 2020-13-45\n---\n")
    #expect(
      bad.diagnostics.map(\.description) == [
        "notebooks/t.md:3:1: error: Front matter key 'date' must be a date 'YYYY-MM-DD', got '2020-13-45'"
      ])
    #expect(parse("---\ntitle: T\ndate: 2021-02-29\n---\n").hasErrors)
    #expect(parse("---\ntitle: T\ndate: 2020-1-05\n---\n").hasErrors)
    #expect(!parse("---\ntitle: T\ndate: 2020-02-29\n---\n").hasErrors)
    #expect(!parse("---\ntitle: T\ndate: \"\"\n---\n").hasErrors, "the scaffold's empty date means no date")
  }

  @Test func aDayFirstDateIsADiagnosticAtItsLine() {
    let bad = parse("---\ntitle: T\nsummary: S\ndate: 15/01/2025\n---\n")
    #expect(
      bad.diagnostics.map(\.description) == [
        "notebooks/t.md:4:1: error: Front matter key 'date' must be a date 'YYYY-MM-DD', got '15/01/2025'"
      ])
  }

  @Test func texInDoubleQuotesIsADiagnosticThatSaysHowToQuote() {
    let bad = parse("---\ntitle: T\nsummary: \"The $\\mathbf{x}$ rule\"\n---\n")
    let diagnostic = bad.diagnostics.first
    #expect(bad.diagnostics.count == 1)
    #expect(diagnostic?.line == 3)
    #expect(diagnostic?.column ?? 0 > 1, "the column of the escape, not of the line")
    #expect(diagnostic?.message.hasPrefix("Malformed front matter: found unknown escape character") == true)
    #expect(diagnostic?.message.contains("write TeX in single quotes (summary: 'The $\\alpha$ rule')") == true)
    #expect(diagnostic?.message.contains("block scalar") == true)
  }

  @Test func texThatIsAValidEscapeInDoubleQuotesIsCaughtToo() {
    // `\a` is the bell character and `\t` a tab: the YAML parses, but the TeX has lost letters.
    for (tex, code) in [("\\alpha", "0007"), ("\\theta", "0009"), ("\\nabla", "000A"), ("\\beta", "0008")] {
      let bad = parse("---\ntitle: T\nsummary: \"Why $\(tex)$\"\n---\n")
      #expect(
        bad.diagnostics.map(\.description) == [
          "notebooks/t.md:3:10: error: Front matter key 'summary' holds control character U+\(code) from a backslash "
            + "escape in double quotes; in double quotes a backslash starts an escape, so write TeX in single quotes "
            + "(summary: 'The $\\alpha$ rule') or a block scalar ('summary: >-' with the text indented below)"
        ])
      #expect(bad.frontMatter.summary == nil)
    }
    #expect(parse("---\ntitle: \"A \\\"quoted\\\" title\"\n---\n").diagnostics.isEmpty, "other escapes are fine")
  }

  @Test func texSurvivesSingleQuotesAndBlockScalars() {
    let quoted = parse("---\ntitle: 'It''s $\\mathbf{x}$'\nsummary: 'The $\\alpha$ rule'\n---\n")
    #expect(quoted.diagnostics.isEmpty)
    #expect(quoted.frontMatter.title == "It's $\\mathbf{x}$")
    #expect(quoted.frontMatter.summary == "The $\\alpha$ rule")
    let block = parse("---\ntitle: T\nsummary: >-\n  The $\\alpha$\n  rule\n---\n")
    #expect(block.diagnostics.isEmpty)
    #expect(block.frontMatter.summary == "The $\\alpha$ rule")
  }

  @Test func keyLinesAreRecordedForLaterDiagnostics() {
    let notebook = parse("---\ntitle: T\n\ninputs: [data/a.txt]\n---\n")
    #expect(notebook.frontMatter.keyLines["inputs"] == 4)
    #expect(notebook.frontMatter.keyLines["title"] == 2)
  }

  @Test func aDuplicateLabelIsADiagnosticAtTheSecondLabel() {
    let notebook = parse(
      "---\ntitle: T\n---\n\n```swift\n//| label: fig-a\nlet a = 1\n```\n\n```swift\n//| label: fig-a\nlet b = 2\n```\n"
    )
    #expect(
      notebook.diagnostics.map(\.description) == [
        "notebooks/t.md:11:5: error: Duplicate label 'fig-a': line 6 already uses it"
      ])
    #expect(notebook.cells.map(\.options.label) == ["fig-a", nil])
  }
}
