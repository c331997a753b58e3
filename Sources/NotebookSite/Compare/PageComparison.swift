public import NotebookCore

/// Compares a committed page with a fresh render of the same notebook.
///
/// Pages made on the same numerical platform must be identical. Pages from different
/// platforms (another CPU that could not run the pinned kernels, an `OPENBLAS_CORETYPE` set by
/// the machine) are compared region by region: each cell's part of the page with the cell's
/// tolerance, words exactly and numbers within ``NumericalTolerance``. The platform row of the
/// provenance is left out of that comparison: it differs by definition.
public struct PageComparison: Sendable {
  /// The outcome of a comparison.
  public enum Verdict: Sendable, Hashable {
    /// Byte for byte the same.
    case identical
    /// From different platforms, and every difference is within tolerance.
    case agrees(numbers: Int, largestRelativeDifference: Double, lines: [Int])
    /// A real difference, at the notebook line of the cell whose output it is in (if any).
    case differs(line: Int?, NumericComparison.Difference)
    /// From the same platform (or one page has none) and not identical.
    case bytesDiffer
  }

  /// The notebook whose page this is, for each cell's tolerance.
  public let notebook: Notebook

  /// A comparison for `notebook`'s page.
  public init(notebook: Notebook) { self.notebook = notebook }

  /// The platform id recorded in a page's provenance, if it has one.
  public static func platform(ofPage html: String) -> String? {
    guard let start = html.range(of: "data-platform=\"") else { return nil }
    let rest = html[start.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }

  /// Compares `committed` with `fresh`.
  public func compare(committed: String, fresh: String) -> Verdict {
    if committed == fresh { return .identical }
    let oldPlatform = Self.platform(ofPage: committed)
    guard let oldPlatform, let newPlatform = Self.platform(ofPage: fresh), oldPlatform != newPlatform else {
      return .bytesDiffer
    }
    let oldRegions = PageRegions(Self.withoutPlatformRow(committed))
    let newRegions = PageRegions(Self.withoutPlatformRow(fresh))
    guard oldRegions.lines == newRegions.lines else {
      return .differs(line: nil, .text(old: oldRegions.cellLinesText, new: newRegions.cellLinesText))
    }
    var numbers = 0
    var largest = 0.0
    var lines: [Int] = []
    for (old, new) in zip(oldRegions.regions, newRegions.regions) {
      let comparison = NumericComparison(String(old.text), String(new.text), tolerance: tolerance(atCellLine: old.line))
      if let difference = comparison.firstDifference { return .differs(line: old.line, difference) }
      guard comparison.numbersWithinTolerance > 0 else { continue }
      numbers += comparison.numbersWithinTolerance
      largest = max(largest, comparison.largestRelativeDifference)
      if let line = old.line { lines.append(line) }
    }
    return .agrees(numbers: numbers, largestRelativeDifference: largest, lines: lines)
  }

  /// The cell's `tolerance` option, else the front matter's, else the default.
  private func tolerance(atCellLine line: Int?) -> NumericalTolerance {
    let cell = notebook.cells.first { $0.fenceLine == line }
    let relative = cell?.options.tolerance ?? notebook.frontMatter.tolerance
    return relative.map(NumericalTolerance.init(relative:)) ?? .default
  }

  private static func withoutPlatformRow(_ html: String) -> String {
    guard let start = html.range(of: "<span data-platform=\""),
      let end = html[start.lowerBound...].range(of: "</dd>")
    else { return html }
    return String(html[..<start.lowerBound] + html[end.lowerBound...])
  }
}

/// A page cut into the part before the first cell and one part per cell (its `data-line`).
struct PageRegions {
  struct Region {
    var line: Int?
    var text: Substring
  }

  private(set) var regions: [Region] = []

  var lines: [Int?] { regions.map(\.line) }

  /// The cells' lines as a message shows them.
  var cellLinesText: String { "cells at lines " + regions.compactMap(\.line).map(String.init).joined(separator: ", ") }

  init(_ html: String) {
    var rest = html[...]
    var line: Int? = nil
    let marker = "<div class=\"cell "
    while let next = rest.range(of: marker) {
      regions.append(Region(line: line, text: rest[..<next.lowerBound]))
      line = Self.dataLine(in: rest[next.lowerBound...].prefix { $0 != ">" })
      rest = rest[next.lowerBound...].dropFirst(marker.count)
    }
    regions.append(Region(line: line, text: rest))
  }

  private static func dataLine(in tag: Substring) -> Int? {
    guard let start = tag.range(of: "data-line=\"") else { return nil }
    return Int(tag[start.upperBound...].prefix { $0 != "\"" })
  }
}
