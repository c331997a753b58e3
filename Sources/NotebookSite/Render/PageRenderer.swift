import NotebookCore

/// Renders one notebook page: header, contents, prose, cells with their outputs, and provenance.
///
/// The renderer is a value that accumulates what it learns while rendering the body (headings
/// for the table of contents, figure numbers, problems with outputs), then wraps the body in the
/// page layout. The same inputs always give the same bytes.
struct PageRenderer {
  /// A heading collected for the table of contents.
  struct Heading {
    var level: Int
    var id: String
    var html: String
  }

  let page: PreparedPage
  let math: [MathResult]
  let siteTitle: String
  let katexVersion: String
  /// The page's status, decided before rendering (it is shown in the header).
  let status: PageStatus
  /// Problems to list at the top of the page.
  let problems: [Diagnostic]
  /// Highlighted code from earlier builds, by source.
  let highlightCache: [String: String]
  /// The pages before and after this one, linked at its foot.
  let neighbours: ReadingOrder.Neighbours
  /// Every label of the site, for `@fig-…` and the like.
  let references: CrossReferences
  /// The authoring guide the site bar links to, or `nil`.
  var guide: PageShell.GuideLink? = nil
  /// `Table N` for cells labelled `tbl-…`, and `(N)` for equations labelled `{#eq-…}`.
  let tableNumbers: [Int: Int]
  let equationNumbers: [String: Int]
  /// Cells whose table number has been shown (above their first table).
  var numberedTables: Set<Int> = []
  /// The footnotes the prose defines, by label, the order of their first marks, and how often each was marked.
  let footnoteDefinitions: [String: MarkdownNode]
  var footnoteOrder: [String] = []
  var footnoteMentions: [String: Int] = [:]
  /// The page's citations and reference list, formatted by the citation processor.
  let citations: CitationProcessor.Formatted
  /// The highlighted code this page used, by source (for the next build's cache).
  var usedHighlights: [String: String] = [:]

  var anchors = AnchorRegistry()
  var headings: [Heading] = []
  var figureCount = 0
  /// Figures shown so far by the cell being rendered.
  var figuresInCell = 0
  /// Problems found while rendering outputs (unsafe figures, malformed tables).
  var outputDiagnostics: [Diagnostic] = []
  var highlightSeconds: Double = 0
  /// Set while rendering a `Markdown` output, whose headings stay out of the contents.
  var isRenderingOutput = false

  /// How much to deepen headings so the first level used in the prose becomes `<h2>`.
  let headingShift: Int

  var notebook: Notebook { page.notebook }

  init(
    page: PreparedPage, math: [MathResult], siteTitle: String, katexVersion: String, status: PageStatus,
    problems: [Diagnostic], highlightCache: [String: String] = [:], neighbours: ReadingOrder.Neighbours = .none,
    references: CrossReferences = CrossReferences()
  ) {
    self.page = page
    self.math = math
    self.siteTitle = siteTitle
    self.katexVersion = katexVersion
    self.status = status
    self.problems = problems
    self.highlightCache = highlightCache
    self.neighbours = neighbours
    self.references = references
    tableNumbers = CrossReferences.tableNumbers(of: page.notebook)
    equationNumbers = CrossReferences.equationNumbers(of: page.notebook)
    footnoteDefinitions = Self.footnoteDefinitions(page.notebook)
    citations = CitationProcessor.format(page.notebook)
    outputDiagnostics += citations.diagnostics
    headingShift = max(0, 2 - (Self.minimumHeadingLevel(page.notebook) ?? 2))
    for id in ["main", "contents", "problems", "provenance"] { _ = anchors.claim(id) }
    for cell in page.notebook.cells {
      _ = anchors.claim(Self.cellID(cell.index))
      if let label = cell.options.label { _ = anchors.claim(label) }
    }
    for label in equationNumbers.keys.sorted() { _ = anchors.claim(label) }
  }

  /// The anchor of a cell, `cell-1` for the first.
  static func cellID(_ index: Int) -> String { "cell-\(index + 1)" }

  /// The whole page.
  mutating func render() -> String {
    let body = renderBody()
    return layout(body: body)
  }

  /// The page's body without the layout: prose and cells in document order.
  mutating func renderBody() -> String {
    var html = ""
    for block in notebook.blocks {
      switch block {
      case .prose(let node):
        html += blocks(node.children, mathOffset: 0)
      case .cell(let index) where notebook.cells.indices.contains(index):
        html += cell(notebook.cells[index])
      case .cell:
        continue
      }
    }
    if let warning = unshownSummaryWarning { outputDiagnostics.append(warning) }
    return html
  }

  private static func minimumHeadingLevel(_ notebook: Notebook) -> Int? {
    notebook.blocks.compactMap { block -> Int? in
      guard case .prose(let node) = block else { return nil }
      return node.children.compactMap { child -> Int? in
        if case .heading(let level) = child.kind { return level }
        return nil
      }.min()
    }.min()
  }
}
