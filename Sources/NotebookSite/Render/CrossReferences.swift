import NotebookCore

/// What `@fig-…`, `@tbl-…`, `@eq-…` and `@sec-…` point at, numbered as the pages show them, for the whole site.
///
/// Figures are numbered in page order over every figure a page shows (a labelled cell's first figure
/// carries the label); tables over the cells labelled `tbl-…`; equations over the display formulas
/// labelled `{#eq-…}`; sections by their place in the outline (`§3`, `§3.2`). A reference resolves
/// to its own page's label first, then to the one page of the site that defines it.
struct CrossReferences: Sendable {
  /// One labelled thing.
  struct Target: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case figure, table, equation, section }
    var kind: Kind
    /// The number shown: `2`, or `3.1` for a subsection.
    var number: String
    /// The page it is on (`x.html`) and that page's title.
    var page: String
    var pageTitle: String
    /// A section's heading, as plain text (the link's tooltip: sections show no numbers).
    var heading: String? = nil

    /// The link text: `Figure 2`, `Table 1`, `(3)`, `§4`.
    var text: String {
      switch kind {
      case .figure: return "Figure \(number)"
      case .table: return "Table \(number)"
      case .equation: return "(\(number))"
      case .section: return "§\(number)"
      }
    }
  }

  /// How a reference resolved.
  enum Resolution: Equatable {
    case found(Target)
    case unknown
    case ambiguous([String])
  }

  private var byLabel: [String: [Target]] = [:]

  /// An empty table: every reference is unknown.
  init() {}

  /// The labels of every page.
  init(_ pages: [PreparedPage]) {
    for page in pages {
      for (label, target) in Self.targets(of: page) { byLabel[label, default: []].append(target) }
    }
  }

  /// What `label`, written on `page`, points at.
  func resolve(_ label: String, from page: String) -> Resolution {
    let targets = byLabel[label] ?? []
    if let own = targets.first(where: { $0.page == page }) { return .found(own) }
    switch targets.count {
    case 0: return .unknown
    case 1: return .found(targets[0])
    default: return .ambiguous(targets.map(\.page).sorted())
    }
  }

  /// What the references written in `notebook` resolve to, as text: part of its page's render inputs,
  /// so that renumbering a figure elsewhere re-renders the pages that cite it, and only those.
  func identity(ofReferencesIn notebook: Notebook) -> String {
    let page = notebook.slug + ".html"
    let labels = Set(
      notebook.proseNodes.compactMap { node -> String? in
        if case .reference(let label, _) = node.kind { return label }
        return nil
      })
    return labels.sorted().map { label in
      switch resolve(label, from: page) {
      case .found(let target): return "\(label)=\(target.page)#\(target.text)#\(target.pageTitle)"
      case .unknown: return "\(label)=?"
      case .ambiguous(let pages): return "\(label)=\(pages.joined(separator: ","))"
      }
    }.joined(separator: "\u{1}")
  }

  /// The numbers of a page's tables, by cell index (for the `Table N` line above the table).
  static func tableNumbers(of notebook: Notebook) -> [Int: Int] {
    let labelled = notebook.cells.filter { $0.options.label?.hasPrefix("tbl-") == true }
    return Dictionary(uniqueKeysWithValues: labelled.enumerated().map { ($1.index, $0 + 1) })
  }

  /// The numbers of a page's labelled equations, by label.
  static func equationNumbers(of notebook: Notebook) -> [String: Int] {
    var numbers: [String: Int] = [:]
    for node in notebook.proseBlocks where node.kind == .paragraph {
      for child in node.children {
        if case .label(let label) = child.kind, numbers[label] == nil { numbers[label] = numbers.count + 1 }
      }
    }
    return numbers
  }

  private static func targets(of page: PreparedPage) -> [(String, Target)] {
    let notebook = page.notebook
    let file = notebook.slug + ".html"
    let title = notebook.frontMatter.title
    func target(_ kind: Target.Kind, _ number: String) -> Target {
      Target(kind: kind, number: number, page: file, pageTitle: title)
    }
    var found: [(String, Target)] = []
    for (label, number) in figureNumbers(of: page) { found.append((label, target(.figure, number))) }
    for (index, number) in tableNumbers(of: notebook) {
      if let label = notebook.cells[index].options.label { found.append((label, target(.table, "\(number)"))) }
    }
    for (label, number) in equationNumbers(of: notebook) { found.append((label, target(.equation, "\(number)"))) }
    for (label, section) in sections(of: notebook) {
      var linked = target(.section, section.number)
      linked.heading = section.heading
      found.append((label, linked))
    }
    return found
  }

  /// The number of each labelled cell's first figure, counting every figure the page shows.
  ///
  /// A page that has not run yet shows no figures; its `fig-` labels still exist, numbered `?`.
  private static func figureNumbers(of page: PreparedPage) -> [String: String] {
    guard let result = page.result else {
      let labels = page.notebook.cells.compactMap(\.options.label).filter { $0.hasPrefix("fig-") }
      return Dictionary(labels.map { ($0, "?") }) { first, _ in first }
    }
    var numbers: [String: String] = [:]
    var count = 0
    for cell in page.notebook.cells {
      let figures =
        result.cells.first { $0.index == cell.index }?.outputs.filter { output in
          guard case .display(.svg, let svg) = output else { return false }
          return SVGInspector.problem(in: svg) == nil
        }.count ?? 0
      if figures > 0, let label = cell.options.label { numbers[label] = "\(count + 1)" }
      count += figures
    }
    return numbers
  }

  /// `3` for the third top-level section, `3.2` for the second subsection under it, and the heading, by label.
  private static func sections(of notebook: Notebook) -> [String: (number: String, heading: String)] {
    let headings = notebook.proseBlocks.compactMap { node -> (level: Int, node: MarkdownNode)? in
      if case .heading(let level) = node.kind { return (level, node) }
      return nil
    }
    guard let top = headings.map(\.level).min() else { return [:] }
    var numbers: [String: (number: String, heading: String)] = [:]
    var counters: [Int] = []
    for heading in headings {
      let depth = heading.level - top
      if counters.count > depth + 1 { counters.removeLast(counters.count - depth - 1) }
      while counters.count < depth + 1 { counters.append(0) }
      counters[depth] += 1
      for child in heading.node.children {
        if case .label(let label) = child.kind {
          numbers[label] = (counters.map(String.init).joined(separator: "."), heading.node.plainText)
        }
      }
    }
    return numbers
  }
}
