/// Decides whether an SVG output may be embedded in a page as markup.
///
/// Lab's figures are plain drawings; anything that could run code or escape the `<svg>` element
/// is refused, and the page shows the source escaped instead. Refused: `<script>`, event-handler
/// attributes (`on…=`), `javascript:` anywhere, links other than in-document `#…` references,
/// animations of `href` or handlers, `<foreignObject>` and embedded documents, HTML elements that
/// would break out of SVG, and anything before or after the one root `<svg>` element.
enum SVGInspector {
  /// A description of the first problem found, or `nil` when the SVG is safe to embed.
  static func problem(in svg: String) -> String? {
    let source = Array(svg.utf8)
    if svg.lowercased().contains("javascript:") { return "a 'javascript:' URL" }
    var scanner = TagScanner(source)
    var depth = 0
    var sawRoot = false
    while let item = scanner.next() {
      switch item {
      case .text(let isBlank):
        if depth == 0 && !isBlank { return "text outside the <svg> element" }
      case .malformed:
        return "malformed markup"
      case .tag(let tag):
        if depth == 0 && (sawRoot || tag.name != "svg" || tag.isClosing) {
          return "markup outside the <svg> element"
        }
        if let problem = problem(with: tag) { return problem }
        if tag.name == "svg" && !tag.isSelfClosing { depth += tag.isClosing ? -1 : 1 }
        sawRoot = true
      }
    }
    if !sawRoot { return "no <svg> element" }
    return depth == 0 ? nil : "an unclosed <svg> element"
  }

  private static let forbiddenElements: Set<String> = [
    "script", "foreignobject", "iframe", "object", "embed", "frame", "frameset", "html", "body", "head",
    "meta", "link", "base", "form", "input", "button", "textarea", "select", "template",
  ]

  /// HTML elements that end SVG content when an HTML parser meets them (HTML's "breakout" list).
  private static let breakoutElements: Set<String> = [
    "b", "big", "blockquote", "br", "center", "code", "dd", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "li", "listing", "menu", "nobr", "ol", "p", "pre", "ruby", "s",
    "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
  ]

  private static func problem(with tag: TagScanner.Tag) -> String? {
    if forbiddenElements.contains(tag.name) { return "a <\(tag.name)> element" }
    if breakoutElements.contains(tag.name) { return "an HTML <\(tag.name)> element" }
    for (name, value) in tag.attributes {
      if name.hasPrefix("on") { return "an event handler attribute '\(name)'" }
      if name == "href" || name.hasSuffix(":href"), !value.hasPrefix("#") {
        return "a link to '\(value)'"
      }
      if name == "attributename", value.hasPrefix("on") || value.hasSuffix("href") {
        return "an animation of '\(value)'"
      }
    }
    return nil
  }
}
