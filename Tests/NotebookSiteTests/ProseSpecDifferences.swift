/// The CommonMark 0.30 spec examples whose HTML the prose renderer gives differently on purpose.
///
/// They are listed by example number; every other example must match cmark's HTML (after ``SpecNormaliser``).
enum ProseSpecDifferences {
  /// Why an example differs.
  enum Reason: String {
    case rawHTMLEscaped = "raw HTML in prose is shown as text, never interpreted (a page cannot run an author's markup)"
    case headingsShifted = "headings move down so the first level in the prose is <h2> below the page's <h1> title"
    case commentsDropped = "an HTML comment is a note to authors: it is left out of the page"
    case notebookLinksRewritten = "a link to another notebook's .md becomes a link to its page, .html"
  }

  /// 66 examples: raw HTML, as a block or inline.
  static let rawHTMLEscaped = [
    21, 31, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165,
    166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180, 181, 182, 184, 185, 186, 187,
    188, 189, 190, 191, 201, 344, 474, 475, 476, 490, 493, 523, 535, 612, 613, 614, 615, 616, 622, 627,
    628, 629, 630, 631, 642, 643,
  ]

  /// 20 examples: headings one or more levels deeper.
  static let headingsShifted = [
    10, 62, 66, 67, 68, 72, 75, 76, 78, 79, 80, 81, 82, 83, 84, 115, 141, 214, 215, 227,
  ]

  /// 5 examples: HTML comments.
  static let commentsDropped = [179, 183, 308, 309, 624]

  /// 1 example: `[](./target.md)`.
  static let notebookLinksRewritten = [483]

  /// Example number → reason.
  static let byDesign: [Int: Reason] = Dictionary(
    uniqueKeysWithValues: rawHTMLEscaped.map { ($0, Reason.rawHTMLEscaped) }
      + headingsShifted.map { ($0, Reason.headingsShifted) } + commentsDropped.map { ($0, Reason.commentsDropped) }
      + notebookLinksRewritten.map { ($0, Reason.notebookLinksRewritten) })
}
