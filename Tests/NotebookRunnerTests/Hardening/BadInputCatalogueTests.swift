import Foundation
import Testing

/// One fixture per case of bad input (Tests/Hardening/fixtures/), each with the exact lines
/// `notebook build` must print for it and the status its `--report` entry must have.
///
/// All fixtures build together in one project, next to a good notebook that must still succeed.
/// Reproduce by hand: copy the fixtures into a project's notebooks/ and run `notebook build`.
private let catalogue: [(fixture: String, status: String, messages: [String])] = [
  ("malformed-front-matter.md", "failed", ["4:8: error: Malformed front matter: did not find expected ',' or ']'"]),
  ("unterminated-front-matter.md", "failed", ["1:1: error: Unterminated front matter: no closing '---' line"]),
  ("missing-title.md", "failed", ["1:1: error: Missing required front matter key 'title'"]),
  (
    "day-first-date.md", "failed",
    ["3:1: error: Front matter key 'date' must be a date 'YYYY-MM-DD', got '15/01/2025'"]
  ),
  (
    "tex-in-double-quotes.md", "failed",
    [
      "3:10: error: Front matter key 'summary' holds control character U+0009 from a backslash escape in double "
        + "quotes; in double quotes a backslash starts an escape, so write TeX in single quotes "
        + "(summary: 'The $\\alpha$ rule') or a block scalar ('summary: >-' with the text indented below)"
    ]
  ),
  (
    "bad-front-matter-value.md", "failed",
    ["3:1: error: Front matter key 'timeout' must be a positive number of seconds, got 'soon'"]
  ),
  (
    "unknown-front-matter-key.md", "failed",
    [
      "3:1: error: Unknown front matter key 'author' (known keys: title, original_title, source, date, summary, "
        + "inputs, timeout, optimize, platform, tolerance, bibliography)"
    ]
  ),
  (
    "unknown-option.md", "failed",
    [
      "6:5: error: Unknown cell option 'colour' (known options: echo, output, eval, error, label, caption, alt, fold, "
        + "timeout, tolerance)"
    ]
  ),
  (
    "bad-option-value.md", "failed",
    [
      "6:5: error: Cell option 'echo' must be true or false, got 'yes'",
      "7:5: error: Cell option 'timeout' must be a positive number of seconds, got '-3'",
      "8:5: error: Cell option 'label' must use letters, digits, '-' and '_', got 'not a label'",
    ]
  ),
  (
    "unterminated-math.md", "failed",
    [
      "8:1: error: Unterminated display math '$$': no closing delimiter in the same paragraph"
    ]
  ),
  (
    "tex-error.md", "failed",
    [
      "5:31: error: TeX error in '\\frac{1}': Unexpected end of input in a macro argument, expected '}' at end of "
        + "input: \\frac{1}",
      "9:7: error: TeX error in 'a + \\undefinedmacro{b}': Undefined control sequence: \\undefinedmacro at position 5",
    ]
  ),
  ("compile-error.md", "failed", ["10:19: error: cannot convert value of type 'String' to specified type 'Int'"]),
  (
    "trap.md", "failed",
    ["11:1: error: The cell crashed (SIGILL: a Swift runtime trap): Fatal error: Index out of range"]
  ),
  (
    "helper-trap.md", "failed",
    [
      "8:1: error: The cell crashed (SIGILL: a Swift runtime trap): Fatal error: Index out of range "
        + "(in pick(_:at:), called from notebooks/helper-trap.md:15)"
    ]
  ),
  (
    "shape-trap.md", "failed",
    ["9:1: error: The cell crashed (SIGILL: a Swift runtime trap): Fatal error: cannot multiply 3×2 by 3×2"]
  ),
  ("infinite-loop.md", "failed", ["5:1: error: The cell ran out of time (timeout: 1 s)"]),
  ("notebook-timeout.md", "failed", ["6:1: error: The notebook ran out of time (timeout: 2 s)"]),
  ("prints-gigabytes.md", "failed", ["5:1: error: The program printed more than 256 MiB and was stopped"]),
  (
    "memory-limit.md", "failed",
    [
      "5:1: error: The cell crashed (SIGABRT): Fatal error: failed to allocate 268435456 bytes of memory with alignment 0"
    ]
  ),
  (
    "failed-check.md", "failed",
    [
      "6:1: error: A check failed: one and one make three",
      "8:1: error: A check failed: a tenth and two tenths make four tenths — 0.3 vs 0.4: |Δ| = 0.1 > 1e-09",
    ]
  ),
  ("forged-records.md", "failed", ["14:1: error: The program exited with status 3 during this cell"]),
  ("forged-cell-index.md", "failed", ["5:1: error: The program exited with status 4 during this cell"]),
  (
    "alias-bomb.md", "failed",
    ["4:1: error: Front matter may not use YAML aliases ('*a0'): write the value out instead"]
  ),
  ("duplicate-label.md", "failed", ["11:5: error: Duplicate label 'fig-same': line 6 already uses it"]),
  (
    "unknown-reference.md", "failed",
    ["5:4: error: Unknown cross-reference '@fig-nowhere': no figure, table, equation or section has this label"]
  ),
  (
    "impossible-date.md", "failed",
    ["3:1: error: Front matter key 'date' must be a date 'YYYY-MM-DD', got '2020-13-45'"]
  ),
  (
    "missing-input.md", "failed",
    ["3:1: error: Input 'data/absent.txt' (notebooks/data/absent.txt) does not exist"]
  ),
  ("unterminated-comment.md", "failed", ["7:1: error: unterminated '/*' comment"]),
  ("q\"uo\\te.md", "failed", ["6:19: error: cannot convert value of type 'String' to specified type 'Int'"]),
  (
    "math-links.md", "failed",
    [
      "5:8: error: TeX error in '\\href{https://example.org}{x}': '\\href' is not supported in math: write links "
        + "and images in the Markdown around the formula",
      "5:47: error: TeX error in '\\url{https://example.org}': '\\url' is not supported in math: write links and "
        + "images in the Markdown around the formula",
      "6:1: error: TeX error in '\\includegraphics{figure.png}': '\\includegraphics' is not supported in math: "
        + "write links and images in the Markdown around the formula",
    ]
  ),
  ("byte-order-mark.md", "ok", []),
  ("nul-bytes.md", "ok", []),
  ("prints-invalid-utf8.md", "ok", []),
  ("invalid-utf8-source.md", "ok", []),
  ("script-tags.md", "ok", []),
  ("good.md", "ok", []),
]

@Suite(.serialized) struct BadInputCatalogueTests {
  @Test func everyBadInputGetsItsExactMessageAndTheGoodNotebookStillBuilds() throws {
    let project = try ScratchProject("catalogue")
    defer { project.remove() }
    try project.addFixtures(catalogue.map(\.fixture))
    let run = try project.run(["build", "--report", "report.json"])
    #expect(!run.timedOut)
    #expect(run.status == 1)

    let expected = Set(catalogue.flatMap { entry in entry.messages.map { "notebooks/\(entry.fixture):\($0)" } })
    let printed = Set(run.err.split(separator: "\n").map(String.init).filter { $0.hasPrefix("notebooks/") })
    #expect(printed.subtracting(expected).sorted() == [], "printed but not expected")
    #expect(expected.subtracting(printed).sorted() == [], "expected but not printed")
    #expect(run.out.contains("ok     notebooks/good.md  1/1 claims  executed"))

    let report = try JSONSerialization.jsonObject(with: Data(project.text("report.json").utf8)) as? [String: Any]
    let entries = (report?["notebooks"] as? [[String: Any]]) ?? []
    let statuses = Dictionary(
      entries.map { (($0["path"] as? String) ?? "", ($0["status"] as? String) ?? "") }, uniquingKeysWith: { a, _ in a })
    for entry in catalogue {
      #expect(statuses["notebooks/\(entry.fixture)"] == entry.status, "status of \(entry.fixture)")
    }
    #expect(statuses["notebooks/tex-error.md"] == "failed")
    try checkPages(project)

    // A second build executes nothing and repeats every message.
    let again = try project.run(["build"])
    #expect(again.status == 1)
    #expect(!again.out.contains(" cells in "))
    #expect(Set(again.err.split(separator: "\n").map(String.init).filter { $0.hasPrefix("notebooks/") }) == expected)
  }

  /// The page without the site's own copy-button and search script, which closes every page.
  private static func withoutSiteScript(_ html: String) -> String {
    guard let start = html.range(of: "<script>\n(() => {\n  const copy = ", options: .backwards),
      let end = html[start.upperBound...].range(of: "</script>\n</body>")
    else { return html }
    return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
  }

  /// Pages show each failure where it happened and never turn output into markup.
  private func checkPages(_ project: ScratchProject) throws {
    let pages = project.files(under: "site").filter { $0.key.hasSuffix(".html") }
    #expect(pages.count == catalogue.count + 1)
    for (name, data) in pages {
      let html = Self.withoutSiteScript(String(decoding: data, as: UTF8.self))
      #expect(!html.lowercased().contains("<script"), "a <script> element in \(name)")
      let handler = html.range(of: #"<[a-zA-Z][^>]*\son[a-z]+\s*="#, options: .regularExpression)
      #expect(handler == nil, "an event handler attribute in \(name)")
      #expect(!html.contains("href=\"javascript:"), "a javascript: link in \(name)")
    }
    let script = project.text("site/script-tags.html")
    #expect(script.contains("&lt;script&gt;alert(&quot;print&quot;)&lt;/script&gt;"))
    #expect(script.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(project.text("site/prints-invalid-utf8.html").contains("a\u{FFFD}\u{FFFD}b\u{FFFD}"))
    #expect(project.text("site/trap.html").contains("Fatal error: Index out of range"))
    #expect(project.text("site/memory-limit.html").contains("failed to allocate 268435456 bytes"))
    #expect(project.text("site/infinite-loop.html").contains("spinning"))
    let gigabytes = project.files(under: "site")["prints-gigabytes.html"]?.count ?? 0
    #expect(gigabytes < 3 << 20, "the page of a program that printed 256 MiB stays small")
    #expect(project.text("site/tex-error.html").contains("Undefined control sequence"))
    #expect(pages.values.allSatisfy { !$0.contains(0) }, "a NUL byte reached a page")
    #expect(project.text("site/nul-bytes.html").contains("a\u{FFFD}b"))
    #expect(project.text("site/nul-bytes.html").contains("c\u{FFFD}d"))
    #expect(project.text("site/byte-order-mark.html").contains("A file that starts with a byte-order mark"))
  }

  @Test func deeplyNestedMarkdownDoesNotCrashTheRunner() throws {
    // Reproduce: a notebook whose prose is 8000 '>' then text (or 10000 '*' around a word), then
    // `notebook build`: the renderer recurses once per nesting level and overflows the stack.
    let project = try ScratchProject("deep")
    defer { project.remove() }
    try project.write(
      "notebooks/deep-quotes.md", "---\ntitle: Deep quotes\n---\n\n" + String(repeating: ">", count: 8000) + " x\n")
    try project.write(
      "notebooks/deep-emphasis.md",
      "---\ntitle: Deep emphasis\n---\n\n" + String(repeating: "*", count: 10000) + "x"
        + String(repeating: "*", count: 10000) + "\n")
    let run = try project.run(["build"])
    #expect(run.status == 0 || run.status == 1, "the runner crashed with status \(run.status)")
    #expect(FileManager.default.fileExists(atPath: project.root + "/site/deep-quotes.html"))
  }
}
