import Foundation
import Testing

/// What `notebook preview` shows in a terminal while it rebuilds and serves: whole lines only.
///
/// The preview runs on a pseudo-terminal, so the build's live status lines (rewritten in place with
/// `\r` and an erase-line code) are on; requests are logged (`--verbose`) while a notebook is rebuilt.
/// Each line the terminal ends up showing must be one whole message: a status line left in front of a
/// request or a build line ("[0/1] notebooks/a.md: cell 1/1GET / 200") fails the test.
@Suite(.serialized) struct PreviewTerminalTests {
  @Test func aRebuildWhileServingShowsWholeLinesOnly() throws {
    let project = try ScratchProject("preview-terminal")
    defer { project.remove() }
    try project.write("site/index.html", "<html><body>index</body></html>")
    try project.write("notebooks/a.md", Self.notebook(version: 0))
    let port = try freePort()
    let terminal = try PseudoTerminal()
    let server = try terminal.start(
      ScratchProject.binary, ["preview", "--verbose", "--port", String(port)], in: project.root)
    defer {
      kill(server.processIdentifier, SIGKILL)
      server.waitUntilExit()
    }
    try #require(waitUntilListening(port), "the preview server never listened on 127.0.0.1:\(port)")
    let rebuilt = try editUntilRebuilt(project, port: port)
    #expect(rebuilt, "no rebuild reached site/a.html within the bound")
    #expect(try request("/a.html", port: port).contains("version 1"))
    kill(server.processIdentifier, SIGKILL)
    server.waitUntilExit()

    let raw = terminal.finish(within: 30)
    #expect(raw.contains("\u{1B}[2K[0/1] notebooks/a.md"), "the build showed no live status line: \(raw)")
    #expect(!raw.contains("FlyingFox"))
    let shown = Self.shownLines(raw)
    #expect(shown.contains { $0.hasPrefix("Serving site/ at http://127.0.0.1:\(port)/") }, "\(shown)")
    #expect(shown.contains("Change detected: rebuilding…"), "\(shown)")
    #expect(shown.contains("GET /a.html 200"), "\(shown)")
    #expect(shown.contains { $0.hasPrefix("ok     notebooks/a.md  1/1 claims  executed 1 of 1 cells in ") }, "\(shown)")
    for line in shown {
      #expect(Self.isWholeMessage(line), "a line the terminal shows is not one message: \(line.debugDescription)")
    }
  }

  /// A notebook with one cell (so the rebuild compiles, runs and shows cell status) and one claim.
  private static func notebook(version: Int) -> String {
    "---\ntitle: A\n---\n\nversion \(version)\n\n```swift\ncheck(1 + \(version) > 0, \"positive\")\n```\n"
  }

  /// Rewrites the notebook until the preview has rebuilt its page, requesting pages meanwhile so
  /// that request lines and build output are written at the same time; bounded at 300 s.
  private func editUntilRebuilt(_ project: ScratchProject, port: UInt16) throws -> Bool {
    let deadline = Date().addingTimeInterval(300)
    var lastEdit = Date.distantPast
    while Date() < deadline {
      let page = (try? String(contentsOfFile: project.root + "/site/a.html", encoding: .utf8)) ?? ""
      if page.contains("version 1") { return true }
      // The watcher may take its first look after an early edit; editing again until it rebuilds
      // does not depend on when it starts.
      if Date().timeIntervalSince(lastEdit) > 5 {
        try project.write("notebooks/a.md", Self.notebook(version: 1) + "\n<!-- \(UUID()) -->\n")
        lastEdit = Date()
      }
      _ = try? request("/", port: port)
      Thread.sleep(forTimeInterval: 0.05)
    }
    return false
  }

  /// The lines a terminal shows for `output`: on each line, what follows the last carriage return
  /// or erase-line code (a status the next message erased is not shown).
  static func shownLines(_ output: String) -> [String] {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    return lines.map { line in
      let erased = line.replacingOccurrences(of: "\u{1B}[2K", with: "\r")
      return String(erased.split(separator: "\r", omittingEmptySubsequences: false).last ?? "")
    }.filter { !$0.isEmpty }
  }

  private static let messages = [
    #"^Serving site/ at http://127\.0\.0\.1:\d+/ \(Ctrl-C to stop\)$"#, "^Change detected: rebuilding…$",
    #"^GET /\S* \d{3}$"#,
    #"^ok     notebooks/a\.md  1/1 claims  executed 1 of 1 cells in [0-9.]+ s \(compile [0-9.]+ s, run [0-9.]+ s\)$"#,
    #"^1 notebooks: 1 ok, 0 failed, 1 executed, 0 cached \([0-9.]+ s\)$"#,
  ]

  private static func isWholeMessage(_ line: String) -> Bool {
    messages.contains { pattern in (try? Regex(pattern)).map { line.wholeMatch(of: $0) != nil } ?? false }
  }
}
