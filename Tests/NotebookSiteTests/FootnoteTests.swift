import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// `[^label]` marks and `[^label]: …` notes: numbered by first mention, linked both ways.
@Suite struct FootnoteTests {
  private static func html(_ body: String) throws -> String {
    try Fixtures.html(SitePage(notebook: Fixtures.notebook(body, slug: "f"), result: nil))
  }

  @Test func marksAreNumberedByFirstMentionAndLinkBothWays() throws {
    let html = try Self.html("\nA[^b] then B[^a] and A again[^b].\n\n[^a]: Second.\n[^b]: First *note*.\n")
    let first: String = ##"<sup class="footnote-ref"><a id="fnref-b" href="#fn-b" aria-label="Footnote 1">1</a></sup>"##
    let again: String = ##"<a id="fnref-b-2" href="#fn-b" aria-label="Footnote 1">1</a>"##
    #expect(html.contains(first))
    #expect(html.contains(##"<a id="fnref-a" href="#fn-a" aria-label="Footnote 2">2</a>"##))
    #expect(html.contains(again))
    let notes: String =
      ##"<li id="fn-b"><p>First <em>note</em>. <a class="footnote-back" href="#fnref-b" aria-label="Back to the text">↩</a> "##
      + ##"<a class="footnote-back" href="#fnref-b-2" aria-label="Back to the text">↩</a></p></li>"##
    #expect(html.contains(notes))
    let noteB = try #require(html.range(of: #"<li id="fn-b">"#)).lowerBound
    let noteA = try #require(html.range(of: #"<li id="fn-a">"#)).lowerBound
    #expect(noteB < noteA, "notes follow the order of their first marks, not of their definitions")
  }

  @Test func aMarkWithoutDefinitionStaysTextAndAOneWordNoteIsNotALinkDefinition() throws {
    let html = try Self.html("\nSee [^missing] and [^w].\n\n[^w]: Word\n")
    #expect(html.contains("See [^missing] and <sup"))
    #expect(html.contains(#"<li id="fn-w"><p>Word <a class="footnote-back""#))
  }

  @Test func aPageWithoutMarksHasNoNotes() throws {
    let html = try Self.html("\nPlain [x] text.\n")
    #expect(!html.contains("footnotes"))
  }

  @Test func definitionsInCodeAreLeftAlone() {
    let notebook = NotebookParser.parse("---\ntitle: T\n---\n\n```\n[^a]: code\n```\n", path: "notebooks/c.md")
    guard case .prose(let prose) = notebook.blocks.first, case .codeBlock(_, let code) = prose.children.first?.kind
    else {
      Issue.record("expected a code block")
      return
    }
    #expect(code == "[^a]: code\n")
  }
}
