import Foundation
import Testing

/// A build in which nothing changed replays the last one without parsing; any change is noticed.
@Suite(.serialized) struct NoChangeBuildTests {
  /// Sets a file's modification time `seconds` into the past, as if it had been saved then.
  private static func backdate(_ path: String, by seconds: Double) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: path)
  }

  @Test func nothingChangedReplaysAndEveryChangeIsNoticed() throws {
    let project = try ScratchProject("no-change")
    defer { project.remove() }
    try project.write("notebooks/a.md", "---\ntitle: A\n---\n\nProse.\n\n```swift\nprint(\"first value\")\n```\n")
    try project.write("notebooks/b.md", "---\ntitle: B\n---\n\nMore prose.\n")
    for name in ["a", "b"] { try Self.backdate("\(project.root)/notebooks/\(name).md", by: 60) }
    let first = try project.run(["build"], limit: 300)
    #expect(first.status == 0, "\(first.err)")
    let shortcuts = project.files(under: ".notebook-cache/site-stamps").keys.filter { $0.hasSuffix(".no-change") }
    #expect(shortcuts.count == 1, "the build stored what a no-change build replays")

    let replay = try project.run(["build"], limit: 60)
    #expect(replay.status == 0)
    #expect(replay.out.contains("ok     notebooks/a.md  0/0 claims  cached"), "\(replay.out)")
    #expect(replay.out.contains("2 notebooks: 2 ok, 0 failed, 0 executed, 2 cached"))

    // New code, saved a while ago (an old time the shortcut has not seen).
    try project.write("notebooks/a.md", "---\ntitle: A\n---\n\nProse.\n\n```swift\nprint(\"second value\")\n```\n")
    try Self.backdate("\(project.root)/notebooks/a.md", by: 30)
    let edited = try project.run(["build"], limit: 300)
    #expect(edited.out.contains("1 executed"), "\(edited.out)")
    #expect(project.text("site/a.html").contains("second value"))

    // A page edited by hand is rendered again.
    try project.write("site/a.html", "hand-edited")
    try Self.backdate("\(project.root)/site/a.html", by: 30)
    #expect(try project.run(["build"], limit: 60).status == 0)
    #expect(project.text("site/a.html").contains("second value"))

    // A notebook's result removed from the cache is put together from its cells' results; with those
    // removed too, it is executed again.
    for file in project.files(under: ".notebook-cache/results").keys where file.hasPrefix("a-") {
      try FileManager.default.removeItem(atPath: "\(project.root)/.notebook-cache/results/\(file)")
    }
    let assembled = try project.run(["build"], limit: 300)
    #expect(assembled.out.contains("executed 0 of 1 cells: every cell's result was cached"), "\(assembled.out)")
    try FileManager.default.removeItem(atPath: "\(project.root)/.notebook-cache/results")
    try FileManager.default.removeItem(atPath: "\(project.root)/.notebook-cache/cells")
    let removed = try project.run(["build"], limit: 300)
    #expect(removed.out.contains("notebooks/a.md  0/0 claims  executed 1 of 1 cells in "), "\(removed.out)")
  }
}
