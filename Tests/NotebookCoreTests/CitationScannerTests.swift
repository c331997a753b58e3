import Testing

@testable import NotebookCore

/// `[@key]` citations in prose become citation nodes; other brackets stay text.
@Suite struct CitationScannerTests {
  private static func citations(_ body: String) -> [(String, Int, Int)] {
    let notebook = NotebookParser.parse("---\ntitle: T\n---\n\(body)", path: "notebooks/x.md")
    var found: [(String, Int, Int)] = []
    var pending = notebook.blocks.compactMap { block -> MarkdownNode? in
      if case .prose(let node) = block { return node }
      return nil
    }
    while let node = pending.popLast() {
      if case .citation(let text, let column) = node.kind { found.append((text, node.line, column)) }
      pending.append(contentsOf: node.children.reversed())
    }
    return found
  }

  @Test func citationsAreFoundWithTheirPlace() {
    let found = Self.citations("\nAs shown [@golub2013, p. 366], and\nearlier [see @a; @b].\n")
    #expect(found.map(\.0) == ["@golub2013, p. 366", "see @a; @b"])
    #expect(found.map(\.1) == [5, 6])
    #expect(found.map(\.2) == [10, 9])
  }

  @Test func otherBracketsStayText() {
    #expect(Self.citations("\nNot [a @ b], [x], [mail a@b.org], `[@code]` or [@link](u).\n").isEmpty)
  }
}
