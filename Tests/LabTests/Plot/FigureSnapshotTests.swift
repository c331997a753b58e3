import Foundation
import Testing

@testable import Lab

/// Exact-output tests for small figures.
///
/// The SVG is compared byte for byte with files in `Snapshots/`. Run with
/// `RECORD_SNAPSHOTS=1` to re-record them after an intended change.
@Suite struct FigureSnapshotTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

  func assertSnapshot(
    _ svg: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let file = Self.folder.appendingPathComponent(name + ".svg")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try svg.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "No snapshot '\(name).svg'; run the tests with RECORD_SNAPSHOTS=1",
        sourceLocation: sourceLocation)
      return
    }
    #expect(
      svg == expected, "SVG differs from snapshot '\(name).svg'", sourceLocation: sourceLocation)
  }

  @Test func tinyLineChartMatchesSnapshot() throws {
    var figure = Figure(title: "Tiny <line> & co", xLabel: "x", yLabel: "y")
    figure.line([0, 1, 2], [0, 1, 4], label: "square", markers: true)
    figure.line([0, 0.5, 1, 1.5, 2], [1, 1.5, .nan, 3, 3.5], label: "gap", dashed: true)
    figure.horizontalLine(at: 2, label: "two")
    try assertSnapshot(figure.svg, named: "tiny-line")
  }

  @Test func tinyLogChartMatchesSnapshot() throws {
    var figure = Figure(title: "Powers", xScale: .log, yScale: .log)
    figure.line([1, 10, 100, 1000], [1, 100, 1e4, 1e6], label: "x²")
    try assertSnapshot(figure.svg, named: "tiny-log")
  }

  @Test func tinyHeatmapMatchesSnapshot() throws {
    let figure = Figure.heatmap(
      [[0, 1, 2], [3, 4, .nan]], title: "Cells", colorbarLabel: "value")
    try assertSnapshot(figure.svg, named: "tiny-heatmap")
  }
}
