import NotebookCore

/// The parts of a notebook page around the body: header, contents, problems, provenance.
extension PageRenderer {
  mutating func layout(body: String) -> String {
    let header = header()
    let contents = tableOfContents()
    let notes = footnotes() + referenceList()
    let layoutClass = contents.isEmpty ? "page" : "page has-contents"
    let main =
      "<div class=\"\(layoutClass)\">\n<main id=\"main\">\n<article class=\"notebook\" data-pagefind-body>\n" + header
      + contents + "<div class=\"notebook-body\">\n" + notice() + problemList() + body + notes + pageNavigation()
      + "</div>\n</article>\n</main>\n</div>\n" + provenance()
    return PageShell.document(
      title: Self.plainText(notebook.frontMatter.title, fragment: page.title),
      description: notebook.frontMatter.summary.map { Self.plainText($0, fragment: page.summary) },
      siteTitle: siteTitle,
      isIndex: false, body: main, guide: guide, currentPage: notebook.slug + ".html")
  }

  /// A title or summary as plain text for `<title>` and `<meta name="description">`: formulas as
  /// their plain-text TeX, Markdown marks dropped.
  private static func plainText(_ text: String, fragment: PreparedPage.Fragment?) -> String {
    guard let fragment, let paragraph = fragment.markdown.singleParagraph else { return text }
    return plainText(paragraph, formulas: fragment.markdown.math.map { TeXPlainText.text($0.tex) })
  }

  private static func plainText(_ node: MarkdownNode, formulas: [String]) -> String {
    switch node.kind {
    case .text(let text), .code(let text): return text
    case .softBreak, .lineBreak: return " "
    case .math(let index): return formulas.indices.contains(index) ? formulas[index] : ""
    default: return node.children.map { plainText($0, formulas: formulas) }.joined()
    }
  }

  private mutating func header() -> String {
    let front = notebook.frontMatter
    var html = "<header class=\"page-header\">\n<h1>\(inlineText(front.title, fragment: page.title))</h1>\n"
    if let original = original() { html += "<p class=\"original\">\(original)</p>\n" }
    var meta: [String] = []
    if let date = front.date { meta.append(PageShell.time(date)) }
    meta.append(status.badge)
    if let href = sourceHref {
      meta.append("<a class=\"source-link\" href=\"\(href)\" type=\"text/markdown\">Markdown source</a>")
    }
    html += "<p class=\"meta\">\(meta.joined(separator: " <span class=\"sep\" aria-hidden=\"true\">·</span> "))</p>\n"
    if let summary = front.summary {
      html += "<p class=\"summary\">\(inlineText(summary, fragment: page.summary))</p>\n"
    }
    return html + "</header>\n"
  }

  /// The link to the copy of the notebook's Markdown in the site (escaped), or `nil` when the
  /// notebook's text is not known.
  var sourceHref: String? {
    guard SourceFiles.path(of: notebook) != nil else { return nil }
    return SourceFiles.href(of: notebook).htmlEscaped
  }

  /// "Original post: <title linked to the source>".
  private func original() -> String? {
    let front = notebook.frontMatter
    let url = front.source.flatMap(LinkPolicy.resolve)
    guard front.originalTitle != nil || url != nil else { return nil }
    var label = front.originalTitle.map { title -> String in
      let language = PageShell.language(of: title).map { " lang=\"\($0)\"" } ?? ""
      return "<cite\(language)>\(title.htmlEscaped)</cite>"
    }
    if label == nil, let url { label = url.htmlEscaped }
    let text = label ?? ""
    guard let url else { return "Original post: \(text)" }
    return "Original post: <a href=\"\(url.htmlEscaped)\">\(text)</a>"
  }

  private func tableOfContents() -> String {
    guard headings.count >= 2 else { return "" }
    let top = headings.map(\.level).min() ?? 2
    var groups: [(heading: Heading, children: [Heading])] = []
    for heading in headings {
      if heading.level > top, !groups.isEmpty {
        groups[groups.count - 1].children.append(heading)
      } else {
        groups.append((heading, []))
      }
    }
    func entry(_ heading: Heading) -> String { "<a href=\"#\(heading.id.htmlEscaped)\">\(heading.html)</a>" }
    var html =
      "<nav class=\"contents\" id=\"contents\" aria-label=\"Contents\" data-pagefind-ignore>\n"
      + "<details open><summary>Contents</summary>\n<ol>\n"
    for group in groups {
      html += "<li>" + entry(group.heading)
      if !group.children.isEmpty {
        html += "\n<ol>\n" + group.children.map { "<li>\(entry($0))</li>\n" }.joined() + "</ol>\n"
      }
      html += "</li>\n"
    }
    return html + "</ol>\n</details>\n</nav>\n"
  }

  /// Links to the previous and next pages in reading order; nothing on a site of one page.
  private func pageNavigation() -> String {
    func link(_ key: ReadingOrder.Key?, rel: String, label: String) -> String {
      guard let key else { return "<span class=\"page-nav-\(rel)\"></span>" }
      let href = IndexRenderer.pathSegmentEncoded(key.page).htmlEscaped
      return
        "<a class=\"page-nav-\(rel)\" rel=\"\(rel)\" href=\"\(href)\"><span class=\"page-nav-label\">\(label)</span> "
        + "\(key.title.htmlEscaped)</a>"
    }
    guard neighbours.previous != nil || neighbours.next != nil else { return "" }
    return "<nav class=\"page-nav\" aria-label=\"Previous and next notebook\" data-pagefind-ignore>\n"
      + link(neighbours.previous, rel: "prev", label: "← Previous") + "\n"
      + link(neighbours.next, rel: "next", label: "Next →") + "\n</nav>\n"
  }

  private func notice() -> String {
    guard page.result == nil else { return "" }
    return "<p class=\"notice\" role=\"note\">This notebook has not been executed yet: its cells show code only.</p>\n"
  }

  /// The errors, linked to their cells.
  ///
  /// Warnings are the author's business: the build prints them, and a reader sees an unsafe
  /// output's warning where the output would have been.
  private func problemList() -> String {
    let errors = (problems + outputDiagnostics).filter { $0.severity == .error }
    guard !errors.isEmpty else { return "" }
    let title = (errors.count == 1 ? "1 error" : "\(errors.count) errors") + " in this notebook"
    var html =
      "<section class=\"problems\" id=\"problems\" aria-label=\"Problems\">\n"
      + "<p class=\"problems-title\">\(title)</p>\n<ul>\n"
    for diagnostic in errors {
      let location = "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)".htmlEscaped
      let place =
        cellContaining(line: diagnostic.line).map { "<a href=\"#\(anchor(of: $0).htmlEscaped)\">\(location)</a>" }
        ?? location
      html +=
        "<li class=\"problem problem-\(diagnostic.severity.rawValue)\"><code>\(place)</code> "
        + "<span class=\"problem-severity\">\(diagnostic.severity.rawValue)</span> \(diagnostic.message.htmlEscaped)</li>\n"
    }
    return html + "</ul>\n</section>\n"
  }

  /// The cell whose fence starts at or before `line`, and whose block is the last such before it.
  private func cellContaining(line: Int) -> Cell? {
    guard let cell = notebook.cells.last(where: { $0.fenceLine <= line }) else { return nil }
    let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
    return line <= cell.codeLine + lines ? cell : nil
  }

  /// The platform row; `notebook check` reads the id from `data-platform`.
  private static func describe(_ platform: NumericalPlatform) -> String {
    let note = platform.note.map { "<br><strong>Note:</strong> \($0.htmlEscaped)" } ?? ""
    return "<span data-platform=\"\(platform.id.htmlEscaped)\"><code>\(platform.id.htmlEscaped)</code>: "
      + "\(platform.summary.htmlEscaped)</span>\(note)"
  }

  private func provenance() -> String {
    let path = "<code>\(notebook.path.htmlEscaped)</code>"
    var rows: [(String, String)] = [("Source", sourceHref.map { "<a href=\"\($0)\">\(path)</a>" } ?? path)]
    if let result = page.result {
      rows.append(("Code hash", "<code>\(result.codeHash.htmlEscaped)</code>"))
      rows.append(("Lab fingerprint", "<code>\(result.labFingerprint.htmlEscaped)</code>"))
      rows.append(("Compiler", result.swiftVersion.htmlEscaped))
      if let platform = result.platform { rows.append(("Numerical platform", Self.describe(platform))) }
    }
    rows.append(("Math", "KaTeX \(katexVersion.htmlEscaped), typeset at build time"))
    let items = rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined(separator: "\n")
    return "<footer class=\"provenance\" id=\"provenance\">\n<h2 class=\"provenance-title\">Provenance</h2>\n"
      + "<dl>\n\(items)\n</dl>\n</footer>\n"
  }
}
