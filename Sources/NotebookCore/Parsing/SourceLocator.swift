/// Places things found in cmark's tree back in the file: text nodes carry no column, so the n-th
/// thing written `needle` is placed at the n-th occurrence of `needle` in the file's prose lines.
struct SourceLocator {
  private let lines: [Substring]
  private let skippedLines: Set<Int>
  private var located: [String: Int] = [:]

  /// A locator over the file's `lines` (1-based numbering) that skips `skippedLines` (code blocks).
  init(lines: [Substring], skippedLines: Set<Int>) {
    self.lines = lines
    self.skippedLines = skippedLines
  }

  /// The line and column (1-based, UTF-8 bytes) of the next unclaimed occurrence of `needle`.
  mutating func locate(_ needle: String) -> (line: Int, column: Int)? {
    let wanted = located[needle, default: 0]
    located[needle] = wanted + 1
    var seen = 0
    for (offset, text) in lines.enumerated() where !skippedLines.contains(offset + 1) {
      var searchFrom = text.startIndex
      while let range = text[searchFrom...].range(of: needle) {
        if seen == wanted {
          return (offset + 1, text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1)
        }
        seen += 1
        searchFrom = range.upperBound
      }
    }
    return nil
  }
}
