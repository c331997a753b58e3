import NotebookCore
import Testing

@testable import NotebookSite

/// `<title>` and `<meta name="description">` are plain text: TeX and Markdown do not leak into them.
@Suite struct MetaDescriptionTests {
  private func description(summary: String) throws -> String? {
    let notebook = Fixtures.notebook("Text.\n", frontMatter: "title: T\nsummary: '\(summary)'")
    let html = try Fixtures.html(SitePage(notebook: notebook, result: nil))
    guard let start = html.range(of: "<meta name=\"description\" content=\"") else { return nil }
    return String(html[start.upperBound...].prefix { $0 != "\"" })
  }

  @Test func mathInTheSummaryBecomesPlainText() throws {
    #expect(try description(summary: #"Why $\alpha \le \frac{1}{2}$ holds"#) == "Why α ≤ 1/2 holds")
    #expect(try description(summary: #"The *rate* $\mathbf{x}_t \to 0$"#) == "The rate x_t → 0")
    #expect(try description(summary: "A plain summary") == "A plain summary")
  }

  @Test func mathInTheTitleBecomesPlainTextInTheTitleElement() throws {
    let notebook = Fixtures.notebook("Text.\n", frontMatter: #"title: 'Power iteration: $|\lambda_2/\lambda_1|$'"#)
    let html = try Fixtures.html(SitePage(notebook: notebook, result: nil))
    #expect(html.contains("<title>Power iteration: |λ_2/λ_1|"))
  }

  @Test func texBecomesPlainText() {
    #expect(TeXPlainText.text(#"\sum_{i=1}^n i = \frac{n(n+1)}{2}"#) == "Σ_i=1^n i = n(n+1)/2")
    #expect(TeXPlainText.text(#"e^{i\pi} + 1 = 0"#) == "e^iπ + 1 = 0")
    #expect(TeXPlainText.text(#"\operatorname{tr}(A)\,\text{big}"#) == "tr(A) big")
    #expect(TeXPlainText.text(#"\$5 \frac{a"#) == "$5 a", "an unclosed group keeps its text")
    #expect(TeXPlainText.text("\\") == "")
  }
}
