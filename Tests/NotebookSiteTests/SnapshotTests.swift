import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Exact-HTML snapshots of a small page and the index.
///
/// Re-record with `RECORD_SNAPSHOTS=1`.
@Suite struct SnapshotTests {
  @Test func smallPageMatchesSnapshot() throws {
    let files = try Fixtures.render([Fixtures.smallPage])
    try assertSnapshot(files["small-page.html"], named: "small-page.html")
  }

  @Test func indexMatchesSnapshot() throws {
    let unexecuted = SitePage(
      notebook: Fixtures.notebook("Text.", slug: "later", frontMatter: "title: Undated later"), result: nil)
    let files = try Fixtures.render([unexecuted, Fixtures.smallPage])
    try assertSnapshot(files["index.html"], named: "index.html")
  }

  private func assertSnapshot(_ actual: String?, named name: String) throws {
    let actual = try #require(actual)
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Snapshots").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if actual != expected {
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
      let line = first?.offset ?? min(actualLines.count, expectedLines.count)
      Issue.record(
        """
        Snapshot '\(name)' differs at line \(line + 1) (re-record with RECORD_SNAPSHOTS=1):
        expected: \(line < expectedLines.count ? expectedLines[line] : "<end>")
        actual:   \(line < actualLines.count ? actualLines[line] : "<end>")
        """)
    }
  }
}
