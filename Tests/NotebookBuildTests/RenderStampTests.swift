import Foundation
import NotebookCore
import NotebookRunner
import NotebookSite
import Testing

@testable import NotebookBuild

/// An edit saved while a build renders is never stamped as rendered.
@Suite struct RenderStampTests {
  private let root = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)").path

  private func pages(_ builder: NotebookBuilder) -> [SitePage] {
    [SitePage(notebook: builder.parse("notebooks/b.md"), result: nil)]
  }

  @Test func anEditSavedDuringTheRenderIsNeverStampedAsRendered() throws {
    try FileManager.default.createDirectory(atPath: root + "/notebooks", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/site", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let project = Project(root: root)
    let builder = NotebookBuilder(project: project, toolchain: try Toolchain.locate())
    let file = URL(fileURLWithPath: root + "/notebooks/b.md")
    try Data("---\ntitle: B\n---\n\nOld prose.\n".utf8).write(to: file)

    // The build parses, renders, then stamps; the edit lands between the render and the stamp,
    // the last moment at which the old code read the file again.
    let rendered = pages(builder)
    let stamp = RenderStamp(pages: rendered, siteDirectory: root + "/site")
    let stampPath = project.cache.renderStamp(siteDirectory: root + "/site")
    try Data("---\ntitle: B\n---\n\nNew prose.\n".utf8).write(to: file)
    stamp.store(at: stampPath, siteDirectory: root + "/site", pages: rendered)

    let next = pages(builder)
    #expect(!RenderStamp(pages: next, siteDirectory: root + "/site").matches(storedAt: stampPath))
    let recorded = RenderStamp.renderedDigests(storedAt: stampPath)["notebooks/b.md"]
    #expect(recorded == rendered[0].notebook.sourceDigest)
    #expect(recorded != next[0].notebook.sourceDigest)

    // Once the new text is rendered and stamped, the build after it skips the render.
    RenderStamp(pages: next, siteDirectory: root + "/site").store(
      at: stampPath, siteDirectory: root + "/site", pages: next)
    #expect(RenderStamp(pages: pages(builder), siteDirectory: root + "/site").matches(storedAt: stampPath))
  }
}
