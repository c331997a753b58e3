import Foundation
import NotebookCore

/// Figures: inline SVG in a numbered `<figure>`, captioned from the cell's `caption` option.
extension PageRenderer {
  /// The first figure of a cell takes the cell's label as id and its caption; later ones get
  /// `label-2`, `label-3`, … and no caption.
  mutating func figure(_ svg: String, cell: Cell) -> String {
    if let problem = SVGInspector.problem(in: svg) {
      return rejected(svg, cell: cell, reason: "A figure containing \(problem) is shown as source, not drawn")
    }
    figureCount += 1
    figuresInCell += 1
    let isFirst = figuresInCell == 1
    let id: String
    if let label = cell.options.label {
      id = isFirst ? label : anchors.claim("\(label)-\(figuresInCell)")
    } else {
      id = anchors.claim("figure-\(figureCount)")
    }
    var caption = "<span class=\"figure-number\">Figure \(figureCount)</span>"
    if isFirst, let text = cell.options.caption {
      caption += " " + inlineText(text, fragment: page.captions[cell.index])
    }
    let svg = isFirst ? cell.options.alt.map { Self.describing(svg, as: $0) } ?? svg : svg
    let width = Self.intrinsicWidth(svg).map { " style=\"--figure-width: \($0)px\"" } ?? ""
    return "<figure class=\"output-figure\" id=\"\(id.htmlEscaped)\">\n<div class=\"figure-body\"\(width)>"
      + svg.trimmingWhitespace + "</div>\n<figcaption>\(caption)</figcaption>\n</figure>\n"
  }

  /// `svg` with `alt` as its description: the generated `<desc>` replaced, or one added after the
  /// root element's opening tag (and its `<title>`, if any).
  static func describing(_ svg: String, as alt: String) -> String {
    let desc = "<desc>\(alt.htmlEscaped)</desc>"
    if let open = svg.range(of: "<desc>"), let close = svg[open.upperBound...].range(of: "</desc>") {
      return svg.replacingCharacters(in: open.lowerBound..<close.upperBound, with: desc)
    }
    guard let root = svg.range(of: "<svg"), let tagEnd = svg[root.upperBound...].firstIndex(of: ">") else { return svg }
    var insertion = svg.index(after: tagEnd)
    if svg[insertion...].hasPrefix("<title>"), let titleEnd = svg[insertion...].range(of: "</title>") {
      insertion = titleEnd.upperBound
    }
    return svg.replacingCharacters(in: insertion..<insertion, with: desc)
  }

  /// The width of the root element's `viewBox`, in whole pixels: the stylesheet keeps a figure
  /// from shrinking far below it on a phone (it scrolls instead), so its labels stay legible.
  static func intrinsicWidth(_ svg: String) -> Int? {
    guard let open = svg.firstIndex(of: "<"), let close = svg[open...].firstIndex(of: ">") else { return nil }
    let tag = svg[open..<close]
    guard let start = tag.range(of: "viewBox=\"")?.upperBound, let end = tag[start...].firstIndex(of: "\"") else {
      return nil
    }
    let numbers = tag[start..<end].split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
    guard numbers.count == 4, numbers[2].isFinite, numbers[2] > 0 else { return nil }
    return Int(numbers[2].rounded())
  }

  /// Plain text, or its parsed inline Markdown when it had math.
  mutating func inlineText(_ text: String, fragment: PreparedPage.Fragment?) -> String {
    guard let fragment, let paragraph = fragment.markdown.singleParagraph else { return text.htmlEscaped }
    return inlines(paragraph.children, mathOffset: fragment.mathOffset)
  }
}

extension String {
  var trimmingWhitespace: Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
    return self[start..<end]
  }
}
