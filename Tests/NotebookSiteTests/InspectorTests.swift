import Testing

@testable import NotebookSite

/// SVG and table outputs are embedded only when they cannot run code or escape their element.
@Suite struct InspectorTests {
  @Test(arguments: [
    "<svg viewBox=\"0 0 1 1\"><script>x()</script></svg>",
    "<svg viewBox=\"0 0 1 1\" onload=\"x()\"></svg>",
    "<svg viewBox=\"0 0 1 1\"><a href=\"javascript:x()\"><text>t</text></a></svg>",
    "<svg viewBox=\"0 0 1 1\"><a href=\"jav&#97;script:x()\"><text>t</text></a></svg>",
    "<svg viewBox=\"0 0 1 1\"><foreignObject><div>x</div></foreignObject></svg>",
    "<svg viewBox=\"0 0 1 1\"><p>breaks out</p></svg>",
    "<svg viewBox=\"0 0 1 1\"></svg><img src=x>",
    "<div><svg viewBox=\"0 0 1 1\"></svg></div>",
    "<svg viewBox=\"0 0 1 1\"><set attributeName=\"href\" to=\"x\"/></svg>",
    "<svg viewBox=\"0 0 1 1\"><g>",
  ])
  func unsafeSVGIsRefused(_ svg: String) {
    #expect(SVGInspector.problem(in: svg) != nil)
  }

  @Test func plainFiguresAreAccepted() {
    let svg = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="100%" role="img">
      <title>A &lt;title&gt;</title><desc>x</desc><!-- note -->
      <defs><clipPath id="c"><rect width="10" height="10"/></clipPath></defs>
      <g clip-path="url(#c)"><path d="M0 0L10 10" stroke="var(--series-1, #0072b2)"/></g>
      <use href="#c"/><text x="1" y="2" font-size="3">1 &lt; 2</text>
      <svg x="0" y="0" viewBox="0 0 1 1"><circle r="1"/></svg>
      </svg>
      """
    #expect(SVGInspector.problem(in: svg) == nil)
  }

  @Test func numericCellsAreRecognised() {
    for text in ["1", "-2.5", "1e-05", "3.2e+10", "1,234", "12%", "NaN", "∞", "−∞", "−3"] {
      #expect(TableInspector.isNumeric(Substring(text)), "\(text)")
    }
    for text in ["a1", "1 2", "e5", "", "-", "yes"] {
      #expect(!TableInspector.isNumeric(Substring(text)), "\(text)")
    }
  }
}
