import NotebookCore
import Testing

@testable import NotebookSite

/// Outputs render in order, with figures, tables, checks and errors each in their own form.
@Suite struct OutputTests {
  @Test func figureTakesLabelAndCaption() throws {
    let html = try Fixtures.html(Fixtures.smallPage)
    #expect(html.contains("<figure class=\"output-figure\" id=\"fig-demo\">"))
    #expect(
      html.contains("<figcaption><span class=\"figure-number\">Figure 1</span> A demo figure of <span class=\"katex\">")
    )
  }

  @Test func checksShowMarksAndDetails() throws {
    let html = try Fixtures.html(Fixtures.smallPage)
    #expect(
      html.contains(
        "<li class=\"check check-pass\"><span class=\"check-mark\" role=\"img\" aria-label=\"Passed\">✓</span>"))
    #expect(html.contains("<li class=\"check check-fail\">"))
    #expect(html.contains("<span class=\"check-detail\">2 vs 3: |Δ| = 1 &gt; 0</span>"))
  }

  @Test func failedCellsGetBadgesAndStyledErrors() throws {
    let html = try Fixtures.html(Fixtures.smallPage)
    #expect(html.contains("<span class=\"badge badge-check-failed\">✗ Check failed</span>"))
    #expect(html.contains("<span class=\"badge badge-compile-error\">✗ Compile error</span>"))
    #expect(
      html.contains(
        "<div class=\"output-error error-compile\" role=\"note\"><p class=\"error-title\">Compile error</p>"))
  }

  @Test func numericTableCellsAreRightAligned() throws {
    let html = try Fixtures.html(Fixtures.smallPage)
    #expect(html.contains("<td class=\"num\">1.5</td><td>a &lt;b&gt;</td>"))
  }

  @Test func echoFalseHidesCodeAndOutputFalseKeepsOnlyFailures() throws {
    let body = "```swift\n//| echo: false\n//| output: false\nsecretCode(1)\n```\n"
    let result = Fixtures.result(
      [
        .text("secret output"), .check(passed: true, claim: "quiet", detail: ""),
        .check(passed: false, claim: "loud", detail: ""), .error("boom"),
      ], status: .crashed)
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: result))
    #expect(!html.contains("secretCode"))
    #expect(!html.contains("secret output"))
    #expect(!html.contains("quiet"))
    #expect(html.contains("loud"))
    #expect(html.contains("error-trap"))
  }

  @Test func sanityChecksAreLabelledAndCountedApartFromClaims() throws {
    let result = Fixtures.result([
      .check(passed: true, claim: "the rate is 2", detail: ""),
      .sanityCheck(passed: true, claim: "weights sum to 1", detail: "Σw = 1"),
      .sanityCheck(passed: true, claim: "the matrix is symmetric", detail: ""),
    ])
    let files = try Fixtures.render([
      SitePage(notebook: Fixtures.notebook("```swift\nlet x = 1\n```\n"), result: result)
    ])
    let page = files["t.html"] ?? ""
    #expect(page.contains("<li class=\"check check-pass check-sanity\">"))
    #expect(
      page.contains("<span class=\"check-claim\"><span class=\"check-kind\">sanity check</span> weights sum to 1"))
    #expect(page.contains("The claim holds · 2 sanity checks pass"))
    #expect(files["index.html"]?.contains("1 notebook · 1 of 1 claims hold · 2 of 2 sanity checks pass") == true)
  }

  @Test func aFailedSanityCheckFailsThePageButNotTheClaimCount() throws {
    let result = Fixtures.result(
      [.check(passed: true, claim: "c", detail: ""), .sanityCheck(passed: false, claim: "s", detail: "")],
      status: .checkFailed)
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook("```swift\nlet x = 1\n```\n"), result: result))
    #expect(html.contains("Failed: a check fails · 1 of 1 claim holds · 0 of 1 sanity checks pass"))
  }

  @Test func unexecutedNotebookSaysSo() throws {
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook("```swift\nlet x = 1\n```\n"), result: nil))
    #expect(html.contains("has not been executed"))
    #expect(html.contains("status-not-executed"))
  }

  @Test func provenanceShowsHashesButNoTimes() throws {
    let html = try Fixtures.html(Fixtures.smallPage)
    #expect(html.contains("<dt>Code hash</dt><dd><code>c0ffee</code></dd>"))
    #expect(html.contains("<dt>Lab fingerprint</dt><dd><code>1ab</code></dd>"))
    #expect(html.contains("Swift version 6.3.1"))
  }
}
