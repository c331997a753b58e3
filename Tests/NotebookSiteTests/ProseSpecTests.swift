import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Every example of the CommonMark 0.30 spec, rendered by the prose renderer, matches cmark's HTML.
///
/// The comparison is after ``SpecNormaliser``. The examples that differ by design are listed in
/// ``ProseSpecDifferences``; the list must stay true both ways.
@Suite struct ProseSpecTests {
  /// The prose renderer's body HTML for `markdown` as a notebook's prose; formulas stay TeX.
  static func render(_ markdown: String) -> String {
    let notebook = NotebookParser.parse("---\ntitle: T\n---\n" + markdown, path: "notebooks/spec.md")
    let page = PreparedPage(SitePage(notebook: notebook, result: nil))
    var renderer = PageRenderer(
      page: page, math: page.requests.map { _ in .notTypeset }, siteTitle: "Spec", katexVersion: "",
      status: PageStatus(result: nil, errors: 0), problems: [])
    return renderer.renderBody()
  }

  @Test func theSpecHasItsSixHundredFiftyTwoExamples() throws {
    let examples = try SpecExamples.load()
    #expect(examples.count == 652)
    #expect(examples.first?.markdown == "\tfoo\tbaz\t\tbim\n")
    #expect(examples[649].markdown == "hello $.;'there\n", "example 650, a dollar sign that opens no formula")
    #expect(examples.last?.html == "<p>Multiple     spaces</p>\n")
  }

  @Test func everyExampleMatchesOrDiffersByDesign() throws {
    let examples = try SpecExamples.load()
    var differing: Set<Int> = []
    for example in examples {
      let rendered = try SpecNormaliser.normalise(Self.render(example.markdown))
      let expected = try SpecNormaliser.normalise(example.html)
      guard rendered != expected else { continue }
      differing.insert(example.number)
      if let reason = ProseSpecDifferences.byDesign[example.number] {
        #expect(
          try Self.shows(reason, markdown: example.markdown, expected: expected, rendered: rendered),
          "Example \(example.number) differs, but not as '\(reason.rawValue)': \(rendered.debugDescription)")
      } else {
        Issue.record(
          """
          Example \(example.number) (\(example.section)) differs and is not listed as by design:
          markdown: \(example.markdown.debugDescription)
          expected: \(expected.debugDescription)
          rendered: \(rendered.debugDescription)
          """)
      }
    }
    for number in Set(ProseSpecDifferences.byDesign.keys).subtracting(differing).sorted() {
      Issue.record("Example \(number) is listed as differing by design but now matches: take it off the list")
    }
    let exact = examples.count - differing.count
    let listed = differing.filter { ProseSpecDifferences.byDesign[$0] != nil }.count
    print("CommonMark 0.30: \(exact) exact, \(listed) differ by design, \(differing.count - listed) otherwise")
  }

  /// Whether a difference is the one its reason names, so a listed example cannot hide another change.
  private static func shows(
    _ reason: ProseSpecDifferences.Reason, markdown: String, expected: String, rendered: String
  ) throws -> Bool {
    switch reason {
    case .rawHTMLEscaped: rendered.contains("class=\"raw-html\"")
    case .headingsShifted: try withoutHeadingLevels(rendered) == withoutHeadingLevels(expected)
    case .commentsDropped: expected.contains("<!--") && !rendered.contains("<!--")
    case .notebookLinksRewritten: expected.contains(".md\"") && rendered.contains(".html\"")
    }
  }

  private static func withoutHeadingLevels(_ html: String) throws -> String {
    html.replacing(try Regex("<(/?)h[1-6]>")) { "<\($0.output[1].substring ?? "")h>" }
  }
}
