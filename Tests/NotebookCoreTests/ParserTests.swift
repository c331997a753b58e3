import Testing

@testable import NotebookCore

private func parse(_ text: String) -> Notebook {
  NotebookParser.parse(text, path: "notebooks/t.md")
}

private let header = "---\ntitle: T\n---\n"

@Test func swiftFencesBecomeCellsAndOtherLanguagesStayProse() {
  let notebook = parse(
    header + "Intro.\n\n```swift\nlet x = 1\n```\n\n```python\nx = 1\n```\n\n```swift\nprint(x)\n```\n")
  #expect(notebook.cells.map(\.code) == ["let x = 1", "print(x)"])
  #expect(notebook.cells.map(\.fenceLine) == [6, 14])
  #expect(notebook.cells.map(\.codeLine) == [7, 15])
  #expect(notebook.blocks.count == 4)
  guard case .prose(let middle) = notebook.blocks[2], case .codeBlock(let info, _) = middle.children.first?.kind else {
    Issue.record("expected the python block as prose")
    return
  }
  #expect(info == "python")
  #expect(notebook.diagnostics.isEmpty)
}

@Test func cellOptionsAreReadAndRemovedFromCode() {
  let notebook = parse(
    header
      + "```swift\n//| echo: false\n//| label: fig-a\n//| caption: A plot: of x\n//| timeout: 2.5\nlet x = 1\n```\n")
  let cell = notebook.cells[0]
  #expect(cell.options.echo == false)
  #expect(cell.options.label == "fig-a")
  #expect(cell.options.caption == "A plot: of x")
  #expect(cell.options.timeout == 2.5)
  #expect(cell.code == "let x = 1")
  #expect(cell.codeLine == 9)
}

@Test func unknownOptionAndBadValueAreDiagnosedAtTheirLine() {
  let notebook = parse(header + "\n```swift\n//| ecko: false\n//| fold: maybe\nlet x = 1\n```\n")
  #expect(
    notebook.diagnostics.map(\.description) == [
      "notebooks/t.md:6:5: error: Unknown cell option 'ecko' (known options: echo, output, eval, error, label, caption, alt, fold, timeout, tolerance)",
      "notebooks/t.md:7:5: error: Cell option 'fold' must be true or false, got 'maybe'",
    ])
}

@Test func mathSurvivesMarkdownProcessing() {
  let notebook = parse(header + "Let $a_1 * b_2 = \\alpha$ and *emph*.\n\n$$\n\\sum_{i=1}^n x_i^2\n$$\n")
  #expect(notebook.math.map(\.tex) == ["a_1 * b_2 = \\alpha", "\n\\sum_{i=1}^n x_i^2\n"])
  #expect(notebook.math.map(\.isDisplay) == [false, true])
  #expect(notebook.math.map(\.line) == [4, 6])
  guard case .prose(let prose) = notebook.blocks[0] else {
    Issue.record("expected prose")
    return
  }
  let first = prose.children[0].children.map(\.kind)
  #expect(first == [.text("Let "), .math(0), .text(" and "), .emphasis, .text(".")])
  #expect(prose.children[1].children.map(\.kind) == [.math(1)])
  #expect(prose.children[1].line == 6)
}

@Test func dollarsInCodeAndEscapedDollarsAreNotMath() {
  let notebook = parse(header + "Costs \\$5 and `$x$` here.\n\n```swift\nlet s = \"$a$\"\n```\n")
  #expect(notebook.math.isEmpty)
  #expect(notebook.diagnostics.isEmpty)
  #expect(notebook.cells[0].code == "let s = \"$a$\"")
}

@Test func unterminatedDisplayMathIsDiagnosedWithLineAndColumn() {
  let notebook = parse(header + "Text\n\nBroken $$x + y\n\nNext $z is open.\n")
  #expect(
    notebook.diagnostics.map(\.description) == [
      "notebooks/t.md:6:8: error: Unterminated display math '$$': no closing delimiter in the same paragraph"
    ])
}

@Test func dollarSignsInProseFollowPandocsRule() {
  let prose = [
    "It costs $5 today.", "From $5 to $10.", "hello $.;'there", "<?php echo $a; ?>", "$20,000 and $30,000",
    "a $ b $ c", "Pay $x $", "$5$5", "Next $z is open.", "Ends with $",
  ]
  for text in prose {
    let notebook = parse(header + text + "\n")
    #expect(notebook.math.isEmpty, "\(text) has math \(notebook.math.map(\.tex))")
    #expect(notebook.diagnostics.isEmpty, "\(text): \(notebook.diagnostics)")
  }
  let math = [
    ("$x$.", "x"), ("$a+b$5 then $c$", "a+b$5 then $c"), ("($x$)", "x"), ("$x_1$, $y$", "x_1"),
    ("costs $5 and $$y$$", "y"), ("$a+b$ is math", "a+b"),
  ]
  for (text, tex) in math {
    #expect(parse(header + text + "\n").math.first?.tex == tex, "\(text)")
  }
}

@Test func manyUnclosedDollarSignsInOneParagraphAreText() {
  let text = String(repeating: "$1 ", count: 50_000)
  let notebook = parse(header + text + "\n")
  #expect(notebook.math.isEmpty)
  #expect(notebook.diagnostics.isEmpty)
}

@Test func frontMatterProblemsAreDiagnosed() {
  let missingTitle = parse("---\nsummary: s\nmood: happy\n---\nText\n")
  #expect(
    missingTitle.diagnostics.map(\.description) == [
      "notebooks/t.md:1:1: error: Missing required front matter key 'title'",
      "notebooks/t.md:3:1: error: Unknown front matter key 'mood' (known keys: title, original_title, source, date, summary, inputs, timeout, optimize, platform, tolerance, bibliography)",
    ])
  let malformed = parse("---\ntitle: [unclosed\n---\n")
  #expect(malformed.diagnostics.first?.line == 3)
  #expect(malformed.diagnostics.first?.message.hasPrefix("Malformed front matter") == true)
  let none = parse("# Just markdown\n")
  #expect(none.diagnostics.first?.message.hasPrefix("Missing front matter") == true)
}

@Test func frontMatterValuesAreRead() {
  let notebook = parse("---\ntitle: T\ndate: 2020-11-13\ninputs: [data/a.txt]\ntimeout: 120\noptimize: true\n---\n")
  #expect(notebook.frontMatter.date == "2020-11-13")
  #expect(notebook.frontMatter.inputs == ["data/a.txt"])
  #expect(notebook.frontMatter.timeout == 120)
  #expect(notebook.frontMatter.optimize == true)
  #expect(notebook.diagnostics.isEmpty)
}

@Test func frontMatterValuesKeepTheirTextAndWrongTypesAreDiagnosedAtTheirLine() {
  let fine = parse("---\ntitle: 2024\nsummary: \"1.50\"\ninputs: data/a.txt\ntimeout: 2.5\noptimize: no\n---\n")
  #expect(fine.frontMatter.title == "2024")
  #expect(fine.frontMatter.summary == "1.50")
  #expect(fine.frontMatter.inputs == ["data/a.txt"])
  #expect(fine.frontMatter.timeout == 2.5)
  #expect(fine.frontMatter.optimize == false)
  #expect(fine.diagnostics.isEmpty)

  let wrong = parse("---\ntitle: T\nsummary: ~\ninputs: [a, [b]]\ntimeout: -1\noptimize: maybe\nsource: [x]\n---\n")
  #expect(
    wrong.diagnostics.map(\.description) == [
      "notebooks/t.md:3:1: error: Front matter key 'summary' must be text",
      "notebooks/t.md:4:1: error: Front matter key 'inputs' must be a list of file paths",
      "notebooks/t.md:5:1: error: Front matter key 'timeout' must be a positive number of seconds, got '-1'",
      "notebooks/t.md:6:1: error: Front matter key 'optimize' must be true or false, got 'maybe'",
      "notebooks/t.md:7:1: error: Front matter key 'source' must be text",
    ])
}

@Test func deepNestingDoesNotOverflowAndIsCappedForRenderers() {
  let nested = String(repeating: "> ", count: 5000) + "deep\n"
  let notebook = parse(header + nested)
  #expect(notebook.blocks.count == 1)
  guard case .prose(let prose) = notebook.blocks[0] else { return }
  var depth = 0
  var node = prose
  while let child = node.children.first {
    depth += 1
    node = child
  }
  #expect(depth <= CommonMarkConverter.maximumDepth + 2)
  #expect(node.kind == .text("deep"))
}

@Test func anyBytesParseWithoutCrashing() {
  var generator = SystemRandomNumberGenerator()
  for _ in 0..<200 {
    let length = Int.random(in: 0..<300, using: &generator)
    let alphabet = Array("-$`\\*_#\n |:{}[]abc𡵓")
    let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
    _ = parse(text)
    _ = parse(header + text)
  }
}

@Test func cachedResultsFollowTheirCellsWhenProseMoves() {
  let before = parse(header + "```swift\nlet a: Int = \"s\"\n```\n")
  let after = parse(header + "New paragraph.\n\nAnother.\n\n```swift\nlet a: Int = \"s\"\n```\n")
  let error = CellError(.compile, "cannot convert", at: CellError.Location(file: "notebooks/t.md", line: 5, column: 14))
  let result = NotebookResult(
    cells: [CellResult(index: 0, line: 4, status: .compileError, outputs: [.error(error)], seconds: 0)],
    diagnostics: [Diagnostic(.error, file: "notebooks/t.md", line: 5, column: 14, "cannot convert")],
    codeHash: "", labFingerprint: "", swiftVersion: "", compileSeconds: 0, runSeconds: 0)
  #expect(before.cells[0].fenceLine == 4)
  let moved = result.rebased(to: after)
  #expect(moved.cells[0].line == 8)
  #expect(moved.diagnostics[0].line == 9)
  guard case .error(let movedError) = moved.cells[0].outputs.first else { return #expect(Bool(false)) }
  #expect(movedError.description == "notebooks/t.md:9:14: error: cannot convert")
}

@Test func windowsLineEndingsParseLikeUnixOnes() {
  let unix = header + "Prose with $x$.\n\n```swift\n//| echo: false\nlet é = 1\n```\n"
  let windows = parse(unix.replacingOccurrences(of: "\n", with: "\r\n"))
  let expected = parse(unix)
  #expect(windows.cells.map(\.code) == expected.cells.map(\.code))
  #expect(windows.cells.map(\.codeLine) == expected.cells.map(\.codeLine))
  #expect(windows.cells.map(\.options.echo) == [false])
  #expect(windows.math.map(\.line) == expected.math.map(\.line))
  #expect(windows.diagnostics.isEmpty)
}

@Test func optionLinesAreOnlyTheLeadingOnes() {
  let notebook = parse(header + "```swift\n  //| fold: true\nlet x = 1\n//| echo: false\n```\n")
  let cell = notebook.cells[0]
  #expect(cell.options.fold == true)
  #expect(cell.options.echo == true, "an option line after code is code")
  #expect(cell.code == "let x = 1\n//| echo: false")
  #expect(cell.codeLine == 6)
}

@Test func aCellOfOnlyOptionsHasNoCode() {
  let notebook = parse(header + "```swift\n//| eval: false\n```\n")
  #expect(notebook.cells.map(\.code) == [""])
  #expect(notebook.cells.map(\.options.eval) == [false])
}

@Test func proseCannotForgeAFormulaWithThePlaceholderCharacters() {
  let forged = "\u{E000}0\u{E001} and \u{E002}"
  let notebook = parse(header + "Text " + forged + " then $x$.\n\n`" + forged + "`\n")
  #expect(notebook.math.map(\.tex) == ["x"])
  var mathNodes: [Int] = []
  var texts: [String] = []
  var stack = notebook.blocks.compactMap { block -> MarkdownNode? in
    if case .prose(let node) = block { return node } else { return nil }
  }
  while let node = stack.popLast() {
    if case .math(let index) = node.kind { mathNodes.append(index) }
    if case .text(let text) = node.kind { texts.append(text) }
    stack += node.children
  }
  #expect(mathNodes == [0], "only the real formula is a math node")
  #expect(texts.joined().contains("\u{FFFD}0\u{FFFD} and \u{FFFD}"))
}
