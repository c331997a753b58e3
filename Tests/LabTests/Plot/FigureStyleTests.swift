import Foundation
import Testing

@testable import Lab

@Suite struct FigureStyleTests {
  /// The `<path …>` elements of an SVG that are strokes in a series colour.
  func seriesStrokes(_ svg: String) -> [String] {
    svg.components(separatedBy: "<path ").dropFirst().map { String($0.prefix { $0 != ">" }) }
      .filter { $0.contains("style=\"stroke:var(--series-") }
  }

  @Test func aChosenColourPaintsTheSeriesAndItsLegendSwatch() {
    var figure = Figure()
    figure.scatter([0, 1, 2], [0, 1, 4], label: "measured", color: .vermillion)
    figure.line([0, 1, 2], [0, 1, 4], label: "theory", color: .vermillion, dash: .dashed)
    let svg = figure.svg
    // Both series are vermillion (slot 2), though the line is the figure's second series.
    #expect(svg.contains("fill:var(--series-2,#d55e00)"))
    let strokes = seriesStrokes(svg)
    #expect(strokes.count == 2)  // the legend's swatch and the line itself
    #expect(strokes.allSatisfy { $0.contains("stroke:var(--series-2,#d55e00)") })
    #expect(!svg.contains("--series-1,"))
  }

  @Test func aChosenColourDoesNotShiftTheOthers() {
    var figure = Figure()
    figure.line([0, 1], [0, 1], label: "a", color: .grey)
    figure.line([0, 1], [1, 0], label: "b")
    let strokes = seriesStrokes(figure.svg)
    #expect(strokes.contains { $0.contains("--series-8,#999999") })
    // The second series keeps its turn in the palette.
    #expect(strokes.contains { $0.contains("--series-2,#d55e00") })
  }

  @Test func eachDashStyleHasItsOwnPatternInThePlotAndTheLegend() {
    var patterns: [Figure.Dash: Set<String>] = [:]
    for dash in [Figure.Dash.solid, .dashed, .dotted, .dashDot] {
      var figure = Figure()
      figure.line([0, 1], [0, 1], label: "curve", dash: dash)
      let strokes = seriesStrokes(figure.svg)
      #expect(strokes.count == 2)
      patterns[dash] = Set(
        strokes.map { stroke in
          stroke.range(of: "stroke-dasharray=\"").map { String(stroke[$0.upperBound...].prefix { $0 != "\"" }) }
            ?? "none"
        })
      #expect(patterns[dash]?.count == 1, "the legend swatch is drawn like the line")
    }
    #expect(patterns[.solid] == ["none"])
    #expect(Set(patterns.values).count == 4)
  }

  @Test func dashedIsTheSameAsDashDashedAndDashWins() {
    var old = Figure()
    old.line([0, 1], [0, 1], label: "x", dashed: true)
    var new = Figure()
    new.line([0, 1], [0, 1], label: "x", dash: .dashed)
    #expect(old.svg == new.svg)
    var solid = Figure()
    solid.line([0, 1], [0, 1], label: "x", dashed: true, dash: .solid)
    #expect(!solid.svg.contains("stroke-dasharray"))
  }

  @Test func ticksAndLegendsAreDrawnLargeEnoughToReadOnAPhone() {
    var figure = Figure(title: "t", xLabel: "x", yLabel: "y")
    figure.line([0, 1], [0, 1], label: "curve")
    let svg = figure.svg
    // A 640-wide figure is shown about 390 px wide on a phone: 15 view-box px become about 9 px.
    #expect(svg.contains("<g font-size=\"15\" text-anchor=\"middle\">"))
    #expect(svg.contains("<g font-size=\"15\"><path"))
  }
}
