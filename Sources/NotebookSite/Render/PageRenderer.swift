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
    problems: [Diagnostic], highlightCache: [String: String] = [:]
  ) {
    self.page = page
    self.math = math
    self.siteTitle = siteTitle
    self.katexVersion = katexVersion
    self.status = status
    self.problems = problems
    self.highlightCache = highlightCache
    headingShift = max(0, 2 - (Self.minimumHeadingLevel(page.notebook) ?? 2))
    for id in ["main", "contents", "problems", "provenance"] { _ = anchors.claim(id) }
    for cell in page.notebook.cells {
      _ = anchors.claim(Self.cellID(cell.index))
      if let label = cell.options.label { _ = anchors.claim(label) }
    }
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
