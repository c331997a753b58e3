import NotebookCore
import Testing

@testable import NotebookSite

/// Prose renders as cmark's own HTML renderer would where the CommonMark spec's examples show it.
@Suite struct ProseConformanceTests {
  private func html(_ body: String) throws -> String {
    try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: nil))
  }

  @Test func linkDestinationsArePercentEncodedAsCmarkDoes() throws {
    // Spec examples 202, 501 and 602 (a backslash in a path), and spaces and non-ASCII letters.
    let reference = try html("[foo]\n\n[foo]: /url\\bar\\*baz \"foo\\\"bar\\baz\"\n")
    #expect(reference.contains("<a href=\"/url%5Cbar*baz\" title=\"foo&quot;bar\\baz\">foo</a>"))
    #expect(try html("[link](foo\\bar)\n").contains("<a href=\"foo%5Cbar\">link</a>"))
    #expect(try html("<https://example.com/\\[\\>\n").contains("href=\"https://example.com/%5C%5B%5C\""))
    #expect(try html("[link](</my uri>)\n").contains("<a href=\"/my%20uri\">link</a>"))
    #expect(try html("[a](/φου)\n").contains("<a href=\"/%CF%86%CE%BF%CF%85\">a</a>"))
    #expect(try html("[a](foo%20b&auml;)\n").contains("<a href=\"foo%20b%C3%A4\">a</a>"), "no double encoding")
    #expect(try html("[a](/q?x=1&y='2')\n").contains("<a href=\"/q?x=1&amp;y=&#39;2&#39;\">a</a>"))
    #expect(try html("![pic](my pic.png)\n").contains("src=\"my%20pic.png\"") == false, "not an image: a space ends it")
    #expect(try html("![pic](<my pic.png>)\n").contains("<img src=\"my%20pic.png\" alt=\"pic\""))
  }

  @Test func notebookLinksStillBecomePagesAndAreEncoded() throws {
    #expect(try html("[b](other.md#part)\n").contains("<a href=\"other.html#part\">b</a>"))
    #expect(try html("[b](<my notes.md>)\n").contains("<a href=\"my%20notes.html\">b</a>"))
  }

  @Test func aFencedBlockEndingInBlankLinesKeepsThem() throws {
    // Spec example 318: the literal is "b\n\n\n"; a browser shows two blank lines after "b".
    let listed = try html("- a\n- ```\n  b\n\n\n  ```\n- c\n")
    #expect(listed.contains("<code>b\n\n\n</code></pre>"))
    #expect(try html("```\nb\n```\n").contains("<code>b</code></pre>"), "a lone final line end is still dropped")
  }

  @Test func theLanguageClassIsTheInfoWordEscapedNotSlugged() throws {
    // Spec examples 24 and 144.
    #expect(try html("``` foo+bar\nfoo\n```\n").contains("<code class=\"language-foo+bar\">foo</code>"))
    #expect(try html("```;\n```\n").contains("<code class=\"language-;\">"))
    #expect(try html("~~~ aa ``` ~~~\nfoo\n~~~\n").contains("<code class=\"language-aa\">foo</code>"))
    #expect(try html("```a\"b<c\nx\n```\n").contains("class=\"language-a&quot;b&lt;c\""))
  }
}
