import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

private func key(_ text: String, library: String = "lib", platform: String = "haswell") -> String {
  let notebook = NotebookParser.parse(text, path: "notebooks/k.md")
  return CacheKey.key(
    for: notebook, project: TestProject.project, toolchainVersion: "swift x", libraryFingerprint: library,
    platform: platform)
}

private let base = "---\ntitle: K\n---\n\nProse.\n\n```swift\n//| caption: one\nlet x = 1\n```\n"

@Test func proseAndPresentationOptionsDoNotChangeTheKey() {
  let edited = base.replacingOccurrences(of: "Prose.", with: "Different prose with $math$.\n\nMore.")
  #expect(key(base) == key(edited))
  #expect(key(base) == key(base.replacingOccurrences(of: "caption: one", with: "caption: two")))
}

@Test func codeRunOptionsLibraryAndToolchainChangeTheKey() {
  #expect(key(base) != key(base.replacingOccurrences(of: "let x = 1", with: "let x = 2")))
  #expect(key(base) != key(base.replacingOccurrences(of: "//| caption: one", with: "//| timeout: 5")))
  #expect(key(base) != key(base, library: "other"))
  #expect(key(base) != key(base, platform: "sandybridge"))
  #expect(key(base) != key(base.replacingOccurrences(of: "title: K", with: "title: K\ntimeout: 9")))
}

@Test func inputContentsAreInTheKey() throws {
  let paths = try TestProject.write(["data.txt": "one", "n.md": ""])
  let dataPath = try #require(paths["data.txt"])
  let folder = (dataPath as NSString).deletingLastPathComponent
  let text = "---\ntitle: I\ninputs: [data.txt]\n---\n```swift\nprint(1)\n```\n"
  let notebook = NotebookParser.parse(text, path: "\(folder)/n.md")
  let first = CacheKey.key(
    for: notebook, project: TestProject.project, toolchainVersion: "s", libraryFingerprint: "l", platform: "p")
  try Data("two".utf8).write(to: URL(fileURLWithPath: TestProject.project.path(dataPath)))
  let second = CacheKey.key(
    for: notebook, project: TestProject.project, toolchainVersion: "s", libraryFingerprint: "l", platform: "p")
  #expect(first != second)
}

@Test func corruptCacheEntryIsAMiss() throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
  let cache = ResultCache(directory: directory)
  let notebook = NotebookParser.parse(base, path: "notebooks/k.md")
  let result = NotebookResult(
    cells: [], diagnostics: [], codeHash: "h", labFingerprint: "l", swiftVersion: "s", compileSeconds: 0, runSeconds: 0)
  try cache.store(result, for: notebook, key: "k1")
  #expect(cache.lookup(notebook, key: "k1") == result)
  #expect(cache.lookup(notebook, key: "k2") == nil)
  let files = try FileManager.default.contentsOfDirectory(atPath: directory)
  #expect(files.count == 1)
  try Data("{not json".utf8).write(to: URL(fileURLWithPath: "\(directory)/\(files[0])"))
  #expect(cache.lookup(notebook, key: "k1") == nil)
}
