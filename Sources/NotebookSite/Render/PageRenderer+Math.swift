import Foundation
import NotebookHighlight

/// Formulas and highlighted code, both prepared at build time.
extension PageRenderer {
  /// KaTeX's HTML for request `index`, or a visible error box with the TeX and KaTeX's message.
  func formula(_ index: Int) -> String {
    guard math.indices.contains(index), page.requests.indices.contains(index) else {
      return "<span class=\"math-error\">missing formula</span>"
    }
    let request = page.requests[index]
    switch math[index] {
    case .rendered(let html, _):
      return html
    case .failed(let message):
      let style = request.display ? "math-error math-error-display" : "math-error"
      return "<span class=\"\(style)\" role=\"note\"><span class=\"math-error-title\">TeX error</span> "
        + "<code>\(request.tex.htmlEscaped)</code> "
        + "<span class=\"math-error-message\">\(MathDiagnostics.summary(message).htmlEscaped)</span></span>"
    case .refused(let message):
      let style = request.display ? "math-error math-error-display" : "math-error"
      return "<span class=\"\(style)\" role=\"note\"><span class=\"math-error-title\">Math not typeset</span> "
        + "<code>\(request.tex.htmlEscaped)</code> "
        + "<span class=\"math-error-message\">\(message.htmlEscaped)</span></span>"
    case .notTypeset:
      return "<code class=\"math-source\">\(request.tex.htmlEscaped)</code>"
    }
  }

  /// Swift source as highlighted HTML; the time it takes is added to ``highlightSeconds``.
  mutating func highlighted(_ code: String) -> String {
    if let cached = usedHighlights[code] ?? highlightCache[code] {
      usedHighlights[code] = cached
      return cached
    }
    let clock = ContinuousClock()
    let start = clock.now
    let html = SwiftHighlighter.html(code)
    let elapsed = clock.now - start
    highlightSeconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    usedHighlights[code] = html
    return html
  }
}
