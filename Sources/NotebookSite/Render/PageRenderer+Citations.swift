import NotebookCore

/// Citations in prose and the reference list at the end of the page, linked both ways.
extension PageRenderer {
  /// A citation as the style formats it, or its text as written when it could not be formatted.
  func citation(_ text: String, line: Int, column: Int, links: Bool) -> String {
    guard let html = citations.citations["\(line):\(column)"], !isRenderingOutput else {
      return "[\(text)]".htmlEscaped
    }
    guard links else { return Self.withoutTags(html) }
    return "<span class=\"cite\" id=\"\(Self.citationID(line: line, column: column))\">\(html)</span>"
  }

  /// The works cited, each with links back to the citations of it.
  func referenceList() -> String {
    guard !citations.entries.isEmpty else { return "" }
    let cited = CitationProcessor.citations(in: notebook)
    let entries = citations.entries.map { entry in
      let backs = cited.filter { CitationProcessor.keys(in: $0.text).contains(entry.key) }.map {
        "<a class=\"citation-back\" href=\"#\(Self.citationID(line: $0.line, column: $0.column))\" "
          + "aria-label=\"Back to the citation\">↩</a>"
      }
      return
        "<div id=\"ref-\(entry.key.htmlEscaped)\" class=\"csl-entry\">\(entry.html) \(backs.joined(separator: " "))</div>\n"
    }
    return "<section class=\"references\" id=\"references\" aria-label=\"References\">\n<h2>References</h2>\n"
      + entries.joined() + "</section>\n"
  }

  /// HTML without its tags (entities stay escaped): a citation in the contents list, which links itself.
  private static func withoutTags(_ html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text
  }

  private static func citationID(line: Int, column: Int) -> String { "cite-\(line)-\(column)" }
}
