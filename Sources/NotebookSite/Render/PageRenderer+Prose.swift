import Foundation
import NotebookCore

/// Prose: CommonMark nodes to HTML. Raw HTML is shown as text, never interpreted.
extension PageRenderer {
  /// Renders block nodes.
  ///
  /// `mathOffset` maps a fragment's `.math(i)` to request `mathOffset + i`.
  mutating func blocks(_ nodes: [MarkdownNode], mathOffset: Int, tight: Bool = false) -> String {
    nodes.map { block($0, mathOffset: mathOffset, tight: tight) }.joined()
  }

  private mutating func block(_ node: MarkdownNode, mathOffset: Int, tight: Bool) -> String {
    switch node.kind {
    case .paragraph:
      if let equation = labelledEquation(node, mathOffset: mathOffset) { return equation }
      if let table = pipeTable(node, mathOffset: mathOffset) { return table }
      let content = inlines(node.children, mathOffset: mathOffset)
      return tight ? content + "\n" : "<p>\(content)</p>\n"
    case .heading(let level):
      return heading(node, level: level, mathOffset: mathOffset)
    case .blockQuote:
      if let callout = callout(node, mathOffset: mathOffset) { return callout }
      return "<blockquote>\n\(blocks(node.children, mathOffset: mathOffset))</blockquote>\n"
    case .list(let ordered, let start, let isTight):
      let items = node.children.map { "<li>\(blocks($0.children, mathOffset: mathOffset, tight: isTight))</li>\n" }
      let open = ordered ? (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") : "<ul>"
      return "\(open)\n\(items.joined())\(ordered ? "</ol>" : "</ul>")\n"
    case .item:
      return "<li>\(blocks(node.children, mathOffset: mathOffset))</li>\n"
    case .codeBlock(let info, let code):
      return codeBlock(info: info, code: code)
    case .htmlBlock(let html):
      return Self.isComment(html) ? "" : "<pre class=\"raw-html\">\(html.htmlEscaped)</pre>\n"
    case .thematicBreak:
      return "<hr>\n"
    case .footnoteDefinition:
      return ""  // Shown with the other notes at the end of the page.
    case .document:
      return blocks(node.children, mathOffset: mathOffset)
    default:
      return "<p>\(inline(node, mathOffset: mathOffset, links: true))</p>\n"
    }
  }

  private mutating func heading(_ node: MarkdownNode, level: Int, mathOffset: Int) -> String {
    let shown = min(6, level + headingShift)
    let id = Self.label(of: node).map { anchors.claim($0) } ?? anchors.claim(heading: node.plainText)
    let content = inlines(node.children, mathOffset: mathOffset)
    if shown <= 3, !isRenderingOutput {
      headings.append(Heading(level: shown, id: id, html: inlines(node.children, mathOffset: 0, links: false)))
    }
    return "<h\(shown) id=\"\(id.htmlEscaped)\">\(content)<a class=\"anchor\" href=\"#\(id.htmlEscaped)\" "
      + "aria-label=\"Link to this section\">#</a></h\(shown)>\n"
  }

  private mutating func codeBlock(info: String, code: String) -> String {
    let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
    let body = language == "swift" ? highlighted(code) : code.htmlEscaped
    let languageClass = language.isEmpty ? "" : " class=\"language-\(language.htmlEscaped)\""
    return
      "<pre class=\"code\" tabindex=\"0\"><code\(languageClass)>\(Self.trimmingLoneFinalNewline(body))</code></pre>\n"
  }

  /// Renders inline nodes; `links: false` keeps a link's text but drops the link (for the contents).
  mutating func inlines(_ nodes: [MarkdownNode], mathOffset: Int, links: Bool = true) -> String {
    nodes.map { inline($0, mathOffset: mathOffset, links: links) }.joined()
  }

  private mutating func inline(_ node: MarkdownNode, mathOffset: Int, links: Bool) -> String {
    switch node.kind {
    case .text(let text): return text.htmlEscaped
    case .softBreak: return "\n"
    case .lineBreak: return "<br>\n"
    case .code(let code): return "<code>\(code.htmlEscaped)</code>"
    case .htmlInline(let html): return Self.isComment(html) ? "" : "<code class=\"raw-html\">\(html.htmlEscaped)</code>"
    case .emphasis: return "<em>\(inlines(node.children, mathOffset: mathOffset, links: links))</em>"
    case .strong: return "<strong>\(inlines(node.children, mathOffset: mathOffset, links: links))</strong>"
    case .link(let destination, let title):
      return link(node, destination: destination, title: title, mathOffset: mathOffset, links: links)
    case .image(let source, let title):
      return image(node, source: source, title: title)
    case .math(let index):
      return formula(mathOffset + index)
    case .reference(let label, let column):
      return reference(label, line: node.line, column: column, links: links)
    case .label:
      return ""
    case .citation(let text, let column):
      return citation(text, line: node.line, column: column, links: links)
    case .footnoteReference(let label):
      if footnoteDefinitions[label] == nil || isRenderingOutput { return "[^\(label.htmlEscaped)]" }
      return links ? footnoteMark(label) : ""  // The contents list shows a heading without its marks.
    default:
      return inlines(node.children, mathOffset: mathOffset, links: links)
    }
  }

  private mutating func link(
    _ node: MarkdownNode, destination: String, title: String, mathOffset: Int, links: Bool
  ) -> String {
    let text = inlines(node.children, mathOffset: mathOffset, links: false)
    guard links, let url = LinkPolicy.resolve(destination) else { return text }
    let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
    return "<a href=\"\(HrefEncoding.encode(url).htmlEscaped)\"\(titleAttribute)>\(text)</a>"
  }

  private func image(_ node: MarkdownNode, source: String, title: String) -> String {
    let alt = node.plainText.htmlEscaped
    guard let url = LinkPolicy.resolve(source) else { return alt }
    let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
    return "<img src=\"\(HrefEncoding.encode(url).htmlEscaped)\" alt=\"\(alt)\"\(titleAttribute) loading=\"lazy\">"
  }

  static func isComment(_ html: String) -> Bool {
    let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") && !trimmed.dropFirst(4).dropLast(3).contains("-->")
  }

  static func trimmingFinalNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// The text without its final line end unless blank lines precede it: a browser shows no line for
  /// the last line end in `<pre>`, so a block that ends in blank lines keeps all of them (as cmark does).
  static func trimmingLoneFinalNewline(_ text: String) -> String {
    text.hasSuffix("\n\n") ? text : trimmingFinalNewline(text)
  }
}
