import Foundation
import Testing

/// One notebook that cannot be read, published or written fails its own page; the others
/// build, the summary line prints and the exit status is 1.
@Suite(.serialized) struct OneBadNotebookTests {
  @Test func unreadableUnpublishableAndUnwritableNotebooksFailAlone() throws {
    let project = try ScratchProject("one-bad")
    defer { project.remove() }
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)").path
    try Data("---\ntitle: Secret\n---\n\nsecret-outside-the-project\n".utf8).write(to: URL(fileURLWithPath: outside))
    defer { try? FileManager.default.removeItem(atPath: outside) }
    try project.addFixtures(["good.md"])
    let files = FileManager.default
    try files.createSymbolicLink(atPath: project.root + "/notebooks/dangling.md", withDestinationPath: "gone.md")
    try files.createDirectory(atPath: project.root + "/notebooks/folder.md", withIntermediateDirectories: true)
    try files.createSymbolicLink(atPath: project.root + "/notebooks/outside.md", withDestinationPath: outside)
    try project.write("notebooks/blocked.md", "---\ntitle: Blocked\n---\n\nText.\n")
    // A non-empty folder where the page goes: the page cannot be written, as on a full disk.
    try files.createDirectory(atPath: project.root + "/site/blocked.html/x", withIntermediateDirectories: true)

    let run = try project.run(["build"], limit: 300)
    #expect(!run.timedOut)
    #expect(run.status == 1)
    let errors = Set(run.err.split(separator: "\n").map(String.init).filter { $0.hasPrefix("notebooks/") })
    #expect(
      errors == [
        "notebooks/dangling.md:1:1: error: Cannot read 'notebooks/dangling.md': it links to 'gone.md', which does "
          + "not exist",
        "notebooks/folder.md:1:1: error: Cannot read 'notebooks/folder.md': it is a folder, not a notebook file",
        "notebooks/outside.md:1:1: error: Cannot publish 'notebooks/outside.md': it links to '\(outside)', outside "
          + "the project",
        "notebooks/blocked.md:1:1: error: Cannot write 'blocked.html': Is a directory",
      ], "\(errors.sorted())")
    #expect(run.out.contains("ok     notebooks/good.md  1/1 claims  executed"))
    #expect(run.out.contains("5 notebooks: 1 ok, 4 failed"), "the summary line prints")
    #expect(project.text("site/good.html").contains("arithmetic works"))
    #expect(project.text("site/index.html").contains("good.html"))
    let pages = project.files(under: "site").filter { $0.key.hasSuffix(".html") }
    #expect(!pages.values.contains { String(decoding: $0, as: UTF8.self).contains("secret-outside-the-project") })
  }

  @Test func listSaysStaleOnceTheTextChangesAfterItsPageWasRendered() throws {
    let project = try ScratchProject("list-truth")
    defer { project.remove() }
    try project.write("notebooks/b.md", "---\ntitle: B\n---\n\nOld prose.\n")
    #expect(try project.run(["build"], limit: 300).status == 0)
    #expect(try project.run(["list"], limit: 60).out.contains("fresh      notebooks/b.md"))
    try project.write("notebooks/b.md", "---\ntitle: B\n---\n\nNew prose.\n")
    #expect(try project.run(["list"], limit: 60).out.contains("stale      notebooks/b.md"))
    #expect(try project.run(["build"], limit: 300).status == 0)
    #expect(project.text("site/b.html").contains("New prose."))
    #expect(try project.run(["list"], limit: 60).out.contains("fresh      notebooks/b.md"))
  }
}
