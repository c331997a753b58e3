import NotebookCore

/// A page with every formula it will show collected, so that one `node` run can typeset the
/// whole site before any HTML is written.
///
/// Requests are in document order — prose, then outputs, then title and summary — so a
/// `\gdef` in the prose serves later formulas.
struct PreparedPage: Sendable {
  /// Where an output sits: the cell's index and the output's position among its outputs.
  struct OutputKey: Hashable, Sendable {
    var cell: Int
    var output: Int
  }

  /// A parsed fragment and the position of its first formula in ``requests``.
  struct Fragment: Sendable {
    var markdown: MarkdownFragment
    var mathOffset: Int
  }

  var notebook: Notebook
  var result: NotebookResult?
  /// Every formula of the page; prose math `i` is request `i`.
  private(set) var requests: [MathRequest] = []
  private(set) var markdownOutputs: [OutputKey: Fragment] = [:]
  private(set) var mathOutputs: [OutputKey: Int] = [:]
  /// Captions with math, by cell index.
  private(set) var captions: [Int: Fragment] = [:]
  private(set) var title: Fragment?
  private(set) var summary: Fragment?

  init(_ page: SitePage) {
    notebook = page.notebook
    result = page.result
    // An empty `date: ""` in a scaffolded header means "no date", not an empty date.
    let front = notebook.frontMatter
    notebook.frontMatter.originalTitle = front.originalTitle.flatMap(Self.nonEmpty)
    notebook.frontMatter.source = front.source.flatMap(Self.nonEmpty)
    notebook.frontMatter.date = front.date.flatMap(Self.nonEmpty)
    notebook.frontMatter.summary = front.summary.flatMap(Self.nonEmpty)
    requests = notebook.math.map {
      MathRequest(tex: $0.tex, display: $0.isDisplay, line: $0.line, column: $0.column, delimiter: $0.isDisplay ? 2 : 1)
    }
    for cell in result?.cells ?? [] {
      let line = notebook.cells.indices.contains(cell.index) ? notebook.cells[cell.index].fenceLine : cell.line
      for (position, output) in cell.outputs.enumerated() {
        guard case .display(let kind, let content) = output else { continue }
        let key = OutputKey(cell: cell.index, output: position)
        if kind == .markdown {
          markdownOutputs[key] = add(MarkdownFragment(content), line: line)
        } else if kind == .math {
          mathOutputs[key] = requests.count
          requests.append(MathRequest(tex: content, display: true, line: line, column: 1, delimiter: 0))
        }
      }
    }
    for cell in notebook.cells {
      if let caption = cell.options.caption, let fragment = inline(caption, line: cell.fenceLine) {
        captions[cell.index] = fragment
      }
    }
    title = inline(notebook.frontMatter.title)
    summary = notebook.frontMatter.summary.flatMap { inline($0) }
  }

  private static func nonEmpty(_ text: String) -> String? {
    text.allSatisfy(\.isWhitespace) ? nil : text
  }

  /// A title or summary with math parses as a fragment; plain text needs no parsing.
  private mutating func inline(_ text: String, line: Int = 1) -> Fragment? {
    guard text.contains("$") else { return nil }
    let fragment = MarkdownFragment(text)
    guard fragment.singleParagraph != nil else { return nil }
    return add(fragment, line: line)
  }

  private mutating func add(_ markdown: MarkdownFragment, line: Int) -> Fragment {
    let offset = requests.count
    requests += markdown.math.map {
      MathRequest(tex: $0.tex, display: $0.isDisplay, line: line, column: 1, delimiter: 0)
    }
    return Fragment(markdown: markdown, mathOffset: offset)
  }
}
