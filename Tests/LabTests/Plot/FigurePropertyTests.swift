import Foundation
import NotebookRuntime
import Testing

@testable import Lab

@Suite struct FigurePropertyTests {
  func sampleFigure(seed: UInt64) -> Figure {
    var generator = SeededGenerator(seed: seed)
    var figure = Figure(title: "Sample", xLabel: "x", yLabel: "y")
    let xs = (0..<50).map { Double($0) / 7 }
    figure.line(xs, xs.map { _ in generator.normal() }, label: "noise", markers: true)
    figure.scatter(xs, xs.map { $0 * 0.3 }, label: "trend", values: xs)
    figure.histogram(generator.normals(200), bins: 12, label: "sample")
    figure.annotate(x: 1, y: 0.3, "here")
    return figure
  }

  @Test func sameFigureGivesSameBytes() {
    #expect(sampleFigure(seed: 11).svg == sampleFigure(seed: 11).svg)
    #expect(sampleFigure(seed: 11).svg != sampleFigure(seed: 12).svg)
  }

  @Test func titlesAndLabelsAreEscaped() {
    var figure = Figure(title: "a < b & c", xLabel: "<x>", yLabel: "\"y\"")
    figure.line([0, 1], [0, 1], label: "f & g")
    figure.annotate(x: 0.5, y: 0.5, "<b>")
    let svg = figure.svg
    #expect(svg.contains("<title>a &lt; b &amp; c</title>"))
    #expect(svg.contains("&lt;x&gt;"))
    #expect(svg.contains("&quot;y&quot;"))
    #expect(svg.contains("f &amp; g"))
    #expect(!svg.contains("a < b"))
    #expect(!svg.contains("<b>"))
  }

  @Test func outputIsAScalableAccessibleSVG() {
    let figure = sampleFigure(seed: 1)
    let svg = figure.svg
    #expect(
      svg.hasPrefix(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\" width=\"100%\""))
    #expect(svg.contains("<title>Sample</title><desc>"))
    #expect(svg.contains("font-family=\"inherit\""))
    #expect(svg.contains("style=\"stroke:var(--series-1,#0072b2)\""))
    #expect(svg.hasSuffix("</svg>"))
    #expect(figure.displayOutput == DisplayOutput(kind: .svg, content: svg))
  }

  @Test func descriptionNamesSeriesAndRanges() {
    var figure = Figure(title: "T", xLabel: "time", yLabel: "size", yScale: .log)
    figure.line([0, 1, 2], [1, 10, 100], label: "growth")
    #expect(
      figure.summary
        == "Line chart with 1 series: growth (3 points). Horizontal axis “time”, linear, data from 0 to 2. "
        + "Vertical axis “size”, logarithmic, data from 1 to 100.")
  }

  @Test func nonFinitePointsAreSkippedAndBreakTheLine() {
    var figure = Figure()
    figure.line([0, 1, 2, 3, 4], [0, 1, .nan, 3, .infinity], label: "broken")
    let svg = figure.svg
    #expect(!svg.lowercased().contains("nan"))
    #expect(!svg.contains("inf"))
    let path = svg.components(separatedBy: "<path d=\"").first {
      $0.contains("stroke-width=\"1.75\"")
    }
    let d = path.map { String($0.prefix { $0 != "\"" }) } ?? ""
    #expect(d.filter { $0 == "M" }.count == 2, "expected two subpaths, got \(d)")
  }

  @Test func nonPositiveValuesAreSkippedOnLogAxes() {
    var figure = Figure(yScale: .log)
    figure.line([0, 1, 2, 3], [1, 0, -1, 10])
    #expect(!figure.svg.lowercased().contains("nan"))
  }

  @Test func logAxesWiderThanTheDoubleRangeStillDraw() {
    // 420 decades: the ratio of the ends overflows a Double, their logarithms do not.
    var figure = Figure(yScale: .log)
    figure.line([0, 1, 2], [1e-300, 1e-90, 1e120], label: "vanishing and exploding")
    let svg = figure.svg
    #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
    let path = svg.components(separatedBy: "<path d=\"").first { $0.contains("stroke-width=\"1.75\"") }
    let d = path.map { String($0.prefix { $0 != "\"" }) } ?? ""
    let numbers = d.dropFirst().split { $0 == " " || $0 == "L" }.compactMap { Double($0) }
    #expect(numbers.count == 6, "all three points are drawn: \(d)")
    #expect(svg.contains(">10⁻") && svg.contains(">10⁰<"), "decade ticks are labelled as powers of ten")
  }

  @Test(arguments: [Figure.Scale.linear, .log])
  func emptyAndConstantFiguresDrawFiniteCoordinates(scale: Figure.Scale) {
    var empty = Figure(title: "empty", xScale: scale, yScale: scale)
    empty.line([], [], label: "nothing")
    empty.scatter([], [], values: [])
    empty.histogram([], bins: 5)
    var constant = Figure(title: "constant", xScale: scale, yScale: scale)
    constant.line([3, 3, 3], [5, 5, 5], label: "flat")
    constant.scatter([3], [5], values: [7])
    constant.histogram([2, 2, 2])
    let allNaN = Figure.heatmap(Matrix(rows: 2, columns: 2, repeating: .nan))
    for svg in [Figure().svg, empty.svg, constant.svg, allNaN.svg, Figure.grid([]).svg] {
      #expect(!svg.lowercased().contains("nan") && !svg.contains("inf") && svg.hasSuffix("</svg>"))
    }
  }

  @Test func tinyViewBoxesKeepAPositivePlotArea() {
    var figure = Figure(title: "a long title for a tiny figure", xLabel: "x", yLabel: "y")
    figure.line([1, 2], [3, 4], label: "a legend entry that does not fit")
    (figure.width, figure.height) = (60, 40)
    #expect(!figure.svg.contains("width=\"-") && !figure.svg.contains("height=\"-"))
  }

  @Test func largeHeatmapStaysSmall() {
    var generator = SeededGenerator(seed: 5)
    let noise = Matrix(rows: 200, columns: 200) { _, _ in generator.uniform() }
    let svg = Figure.heatmap(noise, title: "noise", colorbarLabel: "u").svg
    #expect(svg.utf8.count < 400_000, "heatmap SVG is \(svg.utf8.count) bytes")
    #expect(svg.contains("Heatmap of a 200 × 200 matrix"))
  }

  @Test func gridPlacesEveryPanel() {
    var a = Figure(title: "left")
    a.line([0, 1], [1, 0])
    var b = Figure(title: "right")
    b.bars(categories: ["p", "q"], heights: [2, 3])
    let svg = Figure.grid([a, b, a], columns: 2, title: "Both").svg
    #expect(svg.contains("viewBox=\"0 0 960 706\""))
    #expect(svg.components(separatedBy: "<svg x=").count - 1 == 3 + 3)  // panels + plot areas
    #expect(svg.contains("Grid of 3 panels in 2 columns."))
  }

  @Test func barsGetCategoryTicksAndZeroBaseline() {
    var figure = Figure()
    figure.bars(categories: ["α", "β"], heights: [2, 5])
    let renderer = ChartRenderer(figure: figure)
    #expect(renderer.x.ticks.map(\.label) == ["α", "β"])
    #expect(renderer.y.low == 0)
  }
}
