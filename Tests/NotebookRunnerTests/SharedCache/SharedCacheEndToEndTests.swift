import Foundation
import NotebookRunner
import NotebookSupport
import Testing

/// Two scratch projects share results through nginx's WebDAV store, and every way the store can
/// fail (corrupt, truncated, oversized, down, silent) costs a warning and a local execution, never the build.
@Suite(.serialized) struct SharedCacheEndToEndTests {
  private static let notebooks = [
    "alpha": "---\ntitle: Alpha\n---\n\nThe square of $x$.\n\n```swift\nlet x = 3.0\nprint(x * x)\n"
      + "check(x * x == 9, \"nine\")\n```\n",
    "beta": "---\ntitle: Beta\n---\n\nA sum.\n\n```swift\nprint((1...10).reduce(0, +))\n```\n",
  ]

  private static func project(_ name: String) throws -> ScratchProject {
    let project = try ScratchProject(name)
    for (slug, text) in notebooks { try project.write("notebooks/\(slug).md", text) }
    return project
  }

  private static func executed(_ run: ScratchProject.Run) -> Set<String> {
    Set(
      run.out.split(separator: "\n").compactMap { line in
        guard line.contains(" cells in "),
          let path = line.split(separator: " ").first(where: { $0.hasPrefix("notebooks/") })
        else { return nil }
        return String(path)
      })
  }

  /// The shared record and blob of a notebook built in `project`.
  private static func entry(of slug: String, in project: ScratchProject, server: WebDAVServer) throws -> (
    record: String, blob: String
  ) {
    let results = project.files(under: ".notebook-cache/results")
    let local = try #require(results.first { $0.key.hasPrefix("\(slug)-") }?.value)
    let key = try #require(
      (try JSONSerialization.jsonObject(with: local) as? [String: Any])?["key"] as? String)
    let record = try #require(server.entry("ac/\(key)"))
    let digest = try #require((try JSONSerialization.jsonObject(with: record) as? [String: Any])?["sha256"] as? String)
    return ("ac/\(key)", "cas/\(digest)")
  }

  @Test func aSecondProjectExecutesNothingAndRendersTheSameBytes() throws {
    let server = try WebDAVServer()
    defer { server.stop() }
    let first = try Self.project("shared-first")
    defer { first.remove() }
    let second = try Self.project("shared-second")
    defer { second.remove() }

    let cold = try first.run(["build", "--cache-url", server.url], limit: 600)
    #expect(cold.status == 0, "\(cold.err)")
    #expect(Self.executed(cold) == ["notebooks/alpha.md", "notebooks/beta.md"])
    #expect(cold.out.contains("0 fetched, 2 uploaded"), "\(cold.out)")

    let warm = try second.run(["build", "--cache-url", server.url], limit: 300)
    #expect(warm.status == 0, "\(warm.err)")
    #expect(Self.executed(warm).isEmpty, "\(warm.out)")
    #expect(warm.out.contains("2 executed") == false && warm.out.contains("0 executed, 2 cached"))
    #expect(warm.out.contains("cached (shared)"))
    #expect(!warm.err.contains("warning"), "\(warm.err)")
    let firstSite = first.files(under: "site")
    #expect(!firstSite.isEmpty)
    #expect(second.files(under: "site") == firstSite, "the pages are byte for byte the same")
  }

  @Test func corruptTruncatedAndOversizedEntriesAreMissesWithWarnings() throws {
    let server = try WebDAVServer()
    defer { server.stop() }
    let first = try Self.project("shared-bad-first")
    defer { first.remove() }
    #expect(try first.run(["build", "--cache-url", server.url], limit: 600).status == 0)
    let alpha = try Self.entry(of: "alpha", in: first, server: server)
    let beta = try Self.entry(of: "beta", in: first, server: server)
    let second = try Self.project("shared-bad-second")
    defer { second.remove() }

    // Corrupt: the printed 9.0 becomes 8.0, same length, still a well-formed result.
    let original = String(decoding: try #require(server.entry(alpha.blob)), as: UTF8.self)
    #expect(original.contains("9.0\\n"))
    try server.replace(alpha.blob, with: Data(original.replacingOccurrences(of: "9.0\\n", with: "8.0\\n").utf8))
    // Truncated: the first half.
    let whole = try #require(server.entry(beta.blob))
    try server.replace(beta.blob, with: whole.prefix(whole.count / 2))
    let damaged = try second.run(["build", "--cache-url", server.url], limit: 600)
    #expect(damaged.status == 0, "\(damaged.err)")
    #expect(Self.executed(damaged) == ["notebooks/alpha.md", "notebooks/beta.md"])
    #expect(damaged.err.contains("corrupt or truncated"), "\(damaged.err)")
    #expect(second.text("site/alpha.html").contains("9.0"))
    #expect(!second.text("site/alpha.html").contains("8.0"), "the tampered result never reaches the page")

    // Oversized: a record that says so, and one that lies about a 17 MiB blob.
    let big = Data(repeating: UInt8(ascii: " "), count: 17 << 20)
    let bigDigest = SHA256.hexBytes(Array(big))
    try server.replace("cas/\(bigDigest)", with: big)
    try server.replace(
      alpha.record,
      with: Data("{\"bytes\":\(big.count),\"format\":\"notebook-runner remote 1\",\"sha256\":\"\(bigDigest)\"}".utf8))
    try server.replace(
      beta.record,
      with: Data("{\"bytes\":100,\"format\":\"notebook-runner remote 1\",\"sha256\":\"\(bigDigest)\"}".utf8))
    let third = try Self.project("shared-bad-third")
    defer { third.remove() }
    let oversized = try third.run(["build", "--cache-url", server.url], limit: 600)
    #expect(oversized.status == 0, "\(oversized.err)")
    #expect(Self.executed(oversized) == ["notebooks/alpha.md", "notebooks/beta.md"])
    #expect(oversized.err.contains("over the limit"), "\(oversized.err)")
  }

  @Test func aStoreThatIsDownOrSilentCostsAWarningNotTheBuild() throws {
    let project = try Self.project("shared-down")
    defer { project.remove() }
    let port = try unusedLoopbackPort()
    let refused = try project.run(["build", "--cache-url", "http://builder:s3cret@127.0.0.1:\(port)/"], limit: 600)
    #expect(refused.status == 0, "\(refused.err)")
    #expect(refused.err.contains("unavailable (connection refused); building without it"), "\(refused.err)")
    #expect(refused.err.contains("http://***@127.0.0.1"))
    #expect(!(refused.out + refused.err).contains("s3cret"), "credentials never appear in output")

    let silent = try SilentServer()
    defer { silent.stop() }
    try project.write("notebooks/gamma.md", "---\ntitle: Gamma\n---\n\n```swift\nprint(7)\n```\n")
    let quiet = try project.run(
      ["build", "--cache-url", "http://127.0.0.1:\(silent.port)/"], environment: ["NOTEBOOK_CACHE_TIMEOUT": "1"],
      limit: 300)
    #expect(quiet.status == 0, "\(quiet.err)")
    #expect(quiet.err.contains("unavailable (timed out after 1 s)"), "\(quiet.err)")
    #expect(Self.executed(quiet) == ["notebooks/gamma.md"])
  }

  @Test func shardsExecuteEachNotebookOnceAndARenderBuildExecutesNothing() throws {
    let server = try WebDAVServer()
    defer { server.stop() }
    let machines = try (1...3).map { try Self.project("shard-\($0)") }
    defer { machines.forEach { $0.remove() } }
    for project in machines {
      try project.write("notebooks/gamma.md", "---\ntitle: Gamma\n---\n\n```swift\nprint(7)\n```\n")
    }
    var executed: [String] = []
    for (index, project) in machines.prefix(2).enumerated() {
      let run = try project.run(["build", "--shard", "\(index + 1)/2", "--cache-url", server.url], limit: 600)
      #expect(run.status == 0, "\(run.err)")
      #expect(!FileManager.default.fileExists(atPath: project.root + "/site/index.html"), "a shard renders nothing")
      executed += Self.executed(run)
    }
    #expect(executed.sorted() == ["notebooks/alpha.md", "notebooks/beta.md", "notebooks/gamma.md"])
    let render = try machines[2].run(["build", "--cache-url", server.url], limit: 300)
    #expect(render.status == 0, "\(render.err)")
    #expect(Self.executed(render).isEmpty, "\(render.out)")
    #expect(machines[2].text("site/index.html").contains("gamma.html"))

    let bad = try machines[2].run(["build", "--shard", "4/3"], limit: 60)
    #expect(bad.status != 0)
    #expect(bad.err.contains("the shard number must be between 1 and 3"), "\(bad.err)")
  }
}
