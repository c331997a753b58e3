import NotebookCore

@testable import NotebookSite

/// Small notebooks and hand-made results for rendering tests.
enum Fixtures {
  static let smallSource = """
    ---
    title: A small page
    original_title: 一个小页面
    source: https://example.org/archives/1
    date: 2021-01-02
    summary: Exercises every kind of output, with $x^2$ in the summary.
    ---

    Intro with inline math $a_1 + b_1$, `code`, and a [link](other.md#part).

    ## First section

    Display math:

    $$\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$$

    ```swift
    //| label: fig-demo
    //| caption: A demo figure of $y = x$.
    let x = 1 // comment
    print("x = \\(x)")
    ```

    ## Second section

    Raw <b>html</b> is shown as text.

    ```swift
    //| fold: true
    struct Point { var x: Double }
    ```

    ### A detail

    The end.
    """

  static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100%" role="img">\
    <title>Demo</title><path d="M0 50 L100 0" stroke="var(--series-1, #0072b2)"/></svg>
    """

  static var smallNotebook: Notebook { NotebookParser.parse(smallSource, path: "notebooks/small-page.md") }

  static var smallResult: NotebookResult {
    let first = CellResult(
      index: 0, line: 19, status: .checkFailed,
      outputs: [
        .text("x = 1\n"), .text("<script>alert(1)</script>\n"),
        .display(kind: .svg, content: svg),
        .check(passed: true, claim: "One is one", detail: ""),
        .check(passed: false, claim: "Two is three", detail: "2 vs 3: |Δ| = 1 > 0"),
        .display(
          kind: .table,
          content: "<table><thead><tr><th>n</th><th>name</th></tr></thead>"
            + "<tbody><tr><td>1.5</td><td>a &lt;b&gt;</td></tr></tbody></table>"),
        .display(kind: .markdown, content: "**Bold** with $\\alpha$ and <i>raw</i>"),
        .display(kind: .math, content: "e^{i\\pi} = -1"),
        .truncated(droppedBytes: 1234),
      ], seconds: 0.5)
    let second = CellResult(
      index: 1, line: 31, status: .compileError,
      outputs: [.error("notebooks/small-page.md:33:8: error: cannot find 'Dobule' in scope")], seconds: 0)
    return NotebookResult(
      cells: [first, second], diagnostics: [], codeHash: "c0ffee", labFingerprint: "1ab",
      swiftVersion: "Swift version 6.3.1", compileSeconds: 1, runSeconds: 2)
  }

  static var smallPage: SitePage { SitePage(notebook: smallNotebook, result: smallResult) }

  /// A notebook with the given body, front matter title "T", at `notebooks/<slug>.md`.
  static func notebook(_ body: String, slug: String = "t", frontMatter: String = "title: T") -> Notebook {
    NotebookParser.parse("---\n\(frontMatter)\n---\n\(body)", path: "notebooks/\(slug).md")
  }

  /// Renders pages and returns the site's files as strings.
  static func render(_ pages: [SitePage]) throws -> [String: String] {
    let files = try SiteBuilder(siteDirectory: "unused").renderAll(pages)
    return files.mapValues { String(decoding: $0, as: UTF8.self) }
  }

  /// One page's HTML.
  static func html(_ page: SitePage) throws -> String {
    try render([page])["\(page.notebook.slug).html"] ?? ""
  }

  /// A result in which cell `index` produced `outputs`.
  static func result(_ outputs: [CellOutput], status: CellResult.Status = .ok, cells: Int = 1) -> NotebookResult {
    let results = (0..<cells).map {
      CellResult(index: $0, line: 1, status: $0 == 0 ? status : .ok, outputs: $0 == 0 ? outputs : [], seconds: 0)
    }
    return NotebookResult(
      cells: results, diagnostics: [], codeHash: "h", labFingerprint: "f", swiftVersion: "s", compileSeconds: 0,
      runSeconds: 0)
  }
}
