import Testing

@testable import NotebookCore

/// `@fig-…` references and `{#sec-…}` / `{#eq-…}` labels in prose.
@Suite struct CrossReferenceTests {
  private static func parse(_ body: String) -> Notebook {
    NotebookParser.parse("---\ntitle: T\n---\n\(body)", path: "notebooks/x.md")
  }

  /// Every node of the prose, depth first.
  private static func nodes(_ notebook: Notebook) -> [MarkdownNode] {
    var found: [MarkdownNode] = []
    var pending =
      notebook.blocks.compactMap { block -> MarkdownNode? in
        if case .prose(let node) = block { return node }
        return nil
      }.reversed() as [MarkdownNode]
    while let node = pending.popLast() {
      found.append(node)
      pending.append(contentsOf: node.children.reversed())
    }
    return found
  }

  private static func references(_ notebook: Notebook) -> [(String, Int, Int)] {
    nodes(notebook).compactMap { node in
      if case .reference(let label, let column) = node.kind { return (label, node.line, column) }
      return nil
    }
  }

  @Test func referencesAreFoundWithTheirLineAndColumn() {
    let notebook = Self.parse("\nSee @fig-rates and (@tbl-a).\nThen *@eq-one*, then @sec-intro.\n")
    let found = Self.references(notebook)
    #expect(found.map(\.0) == ["fig-rates", "tbl-a", "eq-one", "sec-intro"])
    #expect(found.map(\.1) == [5, 5, 6, 6])
    #expect(found.map(\.2) == [5, 21, 7, 22])
  }

  @Test func emailsCodeLinksAndOtherPrefixesStayText() {
    let notebook = Self.parse(
      "\nMail a@fig-x.org, `@fig-code`, [@fig-link](u), @figure, @fig- and @eq.\n\n```\n@fig-block\n```\n")
    #expect(Self.references(notebook).isEmpty)
  }

  @Test func aSentenceEndingAfterTheLabelKeepsItsFullStop() {
    let notebook = Self.parse("\nAs @fig-a-b.\n")
    #expect(Self.references(notebook).map(\.0) == ["fig-a-b"])
    #expect(Self.nodes(notebook).contains { $0.kind == .text(".") })
  }

  @Test func headingAndEquationLabelsLeaveTheText() {
    let notebook = Self.parse("\n## Method {#sec-method}\n\n$$ x^2 $$ {#eq-square}\n\nText {#eq-not}.\n")
    let labels = Self.nodes(notebook).compactMap { node -> String? in
      if case .label(let label) = node.kind { return label }
      return nil
    }
    #expect(labels == ["sec-method", "eq-square"])
    let heading = Self.nodes(notebook).first { $0.kind == .heading(level: 2) }
    #expect(heading?.plainText == "Method")
    #expect(Self.nodes(notebook).contains { $0.kind == .text("Text {#eq-not}.") })
  }

  @Test func aDuplicateLabelIsAnErrorAtItsColumn() {
    let notebook = Self.parse("\n## A {#sec-a}\n\n## B {#sec-a}\n")
    #expect(
      notebook.diagnostics.map { "\($0.line):\($0.column): \($0.message)" } == [
        "7:8: Duplicate label 'sec-a': line 5 already uses it"
      ])
  }
}
