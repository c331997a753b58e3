import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Citations formatted by Pandoc's citeproc, the reference list, and the errors an author can make.
@Suite struct CitationTests {
  private static let bibliography = """
    @book{golub2013,
      author = {Golub, Gene H. and Van Loan, Charles F.},
      title = {Matrix Computations}, edition = {4}, publisher = {Johns Hopkins University Press}, year = {2013}
    }
    @article{knuth1984,
      author = {Knuth, Donald E.}, title = {Literate Programming}, journal = {The Computer Journal},
      volume = {27}, number = {2}, pages = {97--111}, year = {1984}
    }
    """

  private static func render(_ body: String, bibliography: Bool = true) throws -> (html: String, messages: [String]) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("refs-\(UUID().uuidString).bib")
    try Data(Self.bibliography.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let front = "title: T" + (bibliography ? "\nbibliography: \(file.path)" : "")
    let page = SitePage(notebook: Fixtures.notebook(body, slug: "c", frontMatter: front), result: nil)
    let (files, report) = try SiteBuilder(siteDirectory: "unused").renderWithReport([page])
    let html = files["c.html"].map { String(decoding: $0, as: UTF8.self) } ?? ""
    return (html, report.diagnostics.map { "\($0.line):\($0.column): \($0.message)" })
  }

  @Test func citationsAreFormattedAndTheListLinksBack() throws {
    let (html, messages) = try Self.render("\nAs in [@golub2013, p. 366] and [see @knuth1984; @golub2013].\n")
    #expect(messages.isEmpty)
    #expect(html.contains(#"<span class="cite" id="cite-6-7">"#))
    #expect(html.contains(#"Golub and Van Loan 2013, 366</a>)"#))
    #expect(html.contains(##"(see <a href="#ref-knuth1984" role="doc-biblioref">Knuth 1984</a>;"##))
    let golub = try #require(html.range(of: #"<div id="ref-golub2013" class="csl-entry">"#))
    let knuth = try #require(html.range(of: #"<div id="ref-knuth1984" class="csl-entry">"#))
    #expect(golub.lowerBound < knuth.lowerBound, "the style orders the list by author")
    #expect(html.contains(##"<a class="citation-back" href="#cite-6-7" aria-label="Back to the citation">↩</a>"##))
  }

  @Test func anUnknownKeyIsAnErrorAtItsCitation() throws {
    let (_, messages) = try Self.render("\nFine [@knuth1984], not [@nobody2020].\n")
    #expect(messages == ["6:24: Unknown citation key 'nobody2020': the bibliography has no entry with this key"])
  }

  @Test func aCitationWithoutABibliographyIsAnError() throws {
    let (html, messages) = try Self.render("\nSee [@knuth1984].\n", bibliography: false)
    #expect(
      messages == [
        "5:5: A citation needs a bibliography: name a BibTeX file in the front matter, `bibliography: refs.bib`"
      ])
    #expect(html.contains("See [@knuth1984]."))
  }
}
