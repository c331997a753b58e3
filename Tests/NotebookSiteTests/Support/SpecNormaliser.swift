import Foundation

/// Brings the prose renderer's HTML and cmark's to one form where they differ only in ways a
/// browser does not show: the page's own attributes (code-block class, heading ids and anchors,
/// lazy images), void-element slashes, line ends between block tags, `&#39;` for `'`, and the
/// single final line end of a code block.
enum SpecNormaliser {
  private static let blockTags = "p|li|ul|ol|blockquote|hr|h[1-6]|pre"

  private static let rules: [(pattern: String, template: String)] = [
    (#"<pre class="code" tabindex="0">"#, "<pre>"),
    (#"<(h[1-6]) id="[^"]*">"#, "<$1>"),
    (##"<a class="anchor" href="#[^"]*" aria-label="Link to this section">#</a>(</h[1-6]>)"##, "$1"),
    (#" loading="lazy""#, ""),
    (#"\s*/>"#, ">"),
    ("&#39;", "'"),
    (#"([^\n])\n</code></pre>"#, "$1</code></pre>"),
    (#"\n*(</?(?:\#(blockTags))\b[^>]*>)\n*"#, "$1"),
  ]

  /// `html` in the common form.
  static func normalise(_ html: String) throws -> String {
    var text = html
    for (pattern, template) in rules {
      text = text.replacing(try Regex(pattern)) { match in
        var replacement = template
        for index in (1..<match.output.count).reversed() {
          let group = match.output[index].substring.map(String.init) ?? ""
          replacement = replacement.replacingOccurrences(of: "$\(index)", with: group)
        }
        return replacement
      }
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
