import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

@Suite struct RemoteCacheSettingsTests {
  @Test func userInformationIsMasked() {
    #expect(RemoteCacheSettings.masked("https://ci:s3cret@cache.example/ns/") == "https://***@cache.example/ns/")
    #expect(RemoteCacheSettings.masked("http://cache.example/a@b") == "http://cache.example/a@b")
    #expect(RemoteCacheSettings.masked("http://cache.example:8080/") == "http://cache.example:8080/")
  }

  @Test func theFlagBeatsTheEnvironmentWhichBeatsTheProjectFile() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-\(UUID().uuidString).yml")
    try Data("# shared results\ncache-url: \"http://from-file:1/\"  # comment\n".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let environment = ["NOTEBOOK_CACHE_URL": "http://from-env:2/", "NOTEBOOK_CACHE_TOKEN": "t"]
    let flag = try RemoteCacheSettings.resolve(
      flag: "http://from-flag:3/", environment: environment, projectFile: file.path)
    #expect(flag?.url.host == "from-flag")
    #expect(flag?.token == "t")
    let env = try RemoteCacheSettings.resolve(flag: nil, environment: environment, projectFile: file.path)
    #expect(env?.url.host == "from-env")
    let fromFile = try RemoteCacheSettings.resolve(flag: nil, environment: [:], projectFile: file.path)
    #expect(fromFile?.url.absoluteString == "http://from-file:1/")
    #expect(try RemoteCacheSettings.resolve(flag: "", environment: environment, projectFile: file.path) == nil)
    #expect(try RemoteCacheSettings.resolve(flag: nil, environment: [:], projectFile: nil) == nil)
  }

  @Test(arguments: ["ftp://x/", "cache.example", "file:///tmp/cache", "http://"])
  func nonHTTPURLsAreRejected(text: String) {
    #expect(throws: RemoteCacheSettings.Problem.self) {
      try RemoteCacheSettings.resolve(flag: text, environment: [:], projectFile: nil)
    }
  }

  @Test func aBadURLsMessageHidesItsPassword() {
    do {
      _ = try RemoteCacheSettings.resolve(flag: "ftp://u:hunter2@x/", environment: [:], projectFile: nil)
      Issue.record("accepted an ftp URL")
    } catch {
      #expect(!"\(error)".contains("hunter2"))
    }
  }

  @Test func anOversizedUploadIsNeverSent() {
    // The size check comes before any connection.
    let store = HTTPStore(
      base: URL(string: "http://127.0.0.1:9/")!, bearerToken: nil, timeout: 1, maximumBytes: 10)
    #expect(store.put("cas/x", Data(count: 11)) == .tooLarge)
  }

  @Test func rawHTMLOutputsAreNotTakenFromTheStore() {
    let cell = CellResult(
      index: 0, line: 5, status: .ok, outputs: [.display(kind: .html, content: "<b>x</b>")], seconds: 0)
    let result = NotebookResult(
      cells: [cell], diagnostics: [], codeHash: "", labFingerprint: "", swiftVersion: "", compileSeconds: 0,
      runSeconds: 0)
    #expect(RemoteResultCache.untrustedOutputKind(in: result) == "HTML")
  }
}
