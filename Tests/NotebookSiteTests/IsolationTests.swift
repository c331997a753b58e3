import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// One page's trouble stays on that page: too much math, a file that cannot be written, odd
/// bytes and names.
@Suite struct IsolationTests {
  private func formulas(_ count: Int) -> String {
    (0..<count).map { "Formula $x_{\($0)}$.\n" }.joined(separator: "\n")
  }

  @Test func aPageOverTheMathLimitFailsAloneWithOneErrorAtTheCrossingFormula() throws {
    var builder = SiteBuilder(siteDirectory: "unused")
    builder.mathLimits = MathLimits(formulasPerPage: 5, texBytesPerPage: 1 << 20)
    let large = SitePage(notebook: Fixtures.notebook(formulas(8), slug: "large"), result: nil)
    let small = SitePage(notebook: Fixtures.notebook(formulas(2), slug: "small"), result: nil)
    let (files, report) = try builder.renderWithReport([large, small])
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.file == "notebooks/large.md")
    #expect(error.line == 14, "the sixth formula, the first over the limit of 5")
    #expect(error.column == 9)
    #expect(error.message.hasPrefix("Too much math for one page (8 formulas, 40 bytes of TeX; at most 5 formulas"))
    let largeHTML = String(decoding: try #require(files["large.html"]), as: UTF8.self)
    #expect(!largeHTML.contains("class=\"katex\""), "no formula of the refused page is typeset")
    #expect(largeHTML.contains("<code class=\"math-source\">x_{0}</code>"))
    let smallHTML = String(decoding: try #require(files["small.html"]), as: UTF8.self)
    #expect(smallHTML.contains("class=\"katex\""), "the other page is typeset")
  }

  @Test func pagesInSmallBatchesRenderTheSameBytesAsInOne() throws {
    let pages = (0..<4).map { SitePage(notebook: Fixtures.notebook(formulas(3), slug: "p\($0)"), result: nil) }
    var batched = SiteBuilder(siteDirectory: "unused")
    batched.mathLimits.formulasPerBatch = 4
    #expect(try batched.renderAll(pages) == SiteBuilder(siteDirectory: "unused").renderAll(pages))
    let limits = MathLimits(formulasPerBatch: 4, texBytesPerBatch: 1 << 20)
    let requests = pages.map { PreparedPage($0).requests }
    #expect(limits.batches(requests, indices: [0, 1, 2, 3]) == [[0], [1], [2], [3]])
    #expect(MathLimits(formulasPerBatch: 6).batches(requests, indices: [0, 1, 2, 3]) == [[0, 1], [2, 3]])
  }

  @Test func aPageThatCannotBeWrittenFailsItsNotebookAndTheRestAreWritten() throws {
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: site) }
    // A non-empty folder where the page goes: rename(2) cannot replace it, as on a full disk.
    try FileManager.default.createDirectory(atPath: site + "/blocked.html/x", withIntermediateDirectories: true)
    let pages = ["blocked", "fine"].map { SitePage(notebook: Fixtures.notebook("Text.\n", slug: $0), result: nil) }
    let report = try SiteBuilder(siteDirectory: site).build(pages)
    #expect(
      report.diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.line): \($0.message.prefix(28))" } == [
        "notebooks/blocked.md:1: Cannot write 'blocked.html':"
      ])
    #expect(report.failedWrites.isEmpty)
    #expect(FileManager.default.fileExists(atPath: site + "/fine.html"))
    #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
    #expect(report.writtenFiles.contains("fine.html") && !report.writtenFiles.contains("blocked.html"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty, "no temporary file is left")
  }

  @Test func nulBytesNeverReachAPage() throws {
    let page = SitePage(
      notebook: Fixtures.notebook("Prose a\u{0}b.\n\n```swift\nlet s = \"\u{0}\"\n```\n"),
      result: Fixtures.result([.text("out\u{0}put\n")]))
    let html = try Fixtures.html(page)
    #expect(!html.utf8.contains(0))
    #expect(html.contains("out\u{FFFD}put"))
  }

  @Test func indexLinksArePercentEncoded() throws {
    let page = SitePage(notebook: Fixtures.notebook("Text.\n", slug: "a#b?c%20 é"), result: nil)
    let files = try Fixtures.render([page])
    #expect(files["a#b?c%20 é.html"] != nil)
    #expect(files["index.html"]?.contains("href=\"a%23b%3Fc%2520%20%C3%A9.html\"") == true)
  }

  @Test func linkAndImageCommandsInMathAreErrorsAtTheFormula() throws {
    let body = "Go $\\href{https://x.org}{x}$, $\\url{https://y.org}$ and $\\includegraphics{a.png}$.\n"
    let report = try SiteBuilder(siteDirectory: "unused").renderWithReport(
      [SitePage(notebook: Fixtures.notebook(body), result: nil)]
    ).report
    #expect(
      report.diagnostics.map { "\($0.line):\($0.column): \($0.message.split(separator: ":").last ?? "")" } == [
        "4:4:  write links and images in the Markdown around the formula",
        "4:31:  write links and images in the Markdown around the formula",
        "4:57:  write links and images in the Markdown around the formula",
      ])
    #expect(report.diagnostics.map { $0.message.contains("is not supported in math") } == [true, true, true])
  }
}
