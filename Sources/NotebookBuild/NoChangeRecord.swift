import Foundation
import NotebookCore
import NotebookRunner
import NotebookSupport

/// Recognises a build of the whole project in which nothing changed, without parsing a notebook or
/// decoding a result: the build then only repeats what the last one printed.
///
/// After a build of every notebook that succeeded and rendered, it stores the stamps (size and
/// modification time) of every file the build read or wrote — notebooks, their inputs, their
/// cached results, the library sources (through their fingerprint), the site folder — with this
/// executable's, the compiler's and the CPU's identity. A later build is a no-change build when all
/// of them are the same. Any difference, or a file changed in the last two seconds (file times are
/// coarse), sends the build down the ordinary path; that path is always correct, this one only fast.
public struct NoChangeRecord: Codable, Equatable, Sendable {
  /// What the last build printed for one notebook, with the stamps of the files it read.
  public struct Entry: Codable, Equatable, Sendable {
    /// The notebook's root-relative path.
    public var path: String
    var stamp: String
    var inputs: [String: String]
    var result: String
    /// The notebook's status line, as a cached build prints it.
    public var line: String
    /// Its problems, one `file:line:col: …` line each.
    public var diagnostics: [String]
  }

  var environment: String
  /// One entry per notebook, in build order.
  public var notebooks: [Entry]
  var site: String
}

extension SiteBuild {
  /// What to print when nothing changed since the recorded build of `paths`, or `nil`.
  public func unchangedSinceLastBuild(_ paths: [String]) -> NoChangeRecord? {
    let file = project.cache.noChangeRecord(siteDirectory: siteDirectory)
    guard let data = FileManager.default.contents(atPath: file),
      let stored = try? JSONDecoder().decode(NoChangeRecord.self, from: data),
      stored.notebooks.map(\.path) == paths,
      stored.environment == environmentIdentity()
    else { return nil }
    let now = Date().timeIntervalSince1970
    for entry in stored.notebooks {
      guard Self.stable(project.path(entry.path), now: now) == entry.stamp,
        FileStamp.of(resultFile(entry.path)) == entry.result,
        entry.inputs.allSatisfy({ Self.stable(project.path($0.key), now: now) == $0.value })
      else { return nil }
    }
    guard RenderStamp.folderSignature(siteDirectory) == stored.site else { return nil }
    return stored
  }

  /// Records a build of every notebook that started at `started`, when it succeeded, so that the next
  /// build can recognise that nothing changed; otherwise removes the record.
  public func recordUnchanged(_ outcome: SiteBuildOutcome, started: Date) {
    let file = project.cache.noChangeRecord(siteDirectory: siteDirectory)
    try? FileManager.default.removeItem(atPath: file)
    guard outcome.succeeded, outcome.notebooks.map(\.notebook.path) == project.notebookPaths() else { return }
    // A file changed after the build read it (or too close to that for its stamp to tell) must not be
    // vouched for: its stamp would describe text the build never saw.
    let now = started.timeIntervalSince1970
    var entries: [NoChangeRecord.Entry] = []
    for built in outcome.notebooks {
      let entry = entry(for: built, now: now)
      guard entry.stamp != "recent", !entry.inputs.values.contains("recent") else { return }
      entries.append(entry)
    }
    let record = NoChangeRecord(
      environment: environmentIdentity(), notebooks: entries, site: RenderStamp.folderSignature(siteDirectory))
    guard let data = try? JSONEncoder().encode(record) else { return }
    try? writeAtomically(data, to: file)
  }

  private func entry(for built: NotebookBuilder.Outcome, now: Double) -> NoChangeRecord.Entry {
    let notebook = built.notebook
    let inputs = notebook.frontMatter.inputs.map { CacheKey.inputPath($0, notebook: notebook) }
    var cached = built
    cached.executed = false
    cached.fromSharedCache = false
    return NoChangeRecord.Entry(
      path: notebook.path, stamp: Self.stable(project.path(notebook.path), now: now),
      inputs: Dictionary(inputs.map { ($0, Self.stable(project.path($0), now: now)) }) { first, _ in first },
      result: FileStamp.of(resultFile(notebook.path)), line: cached.statusLine,
      diagnostics: built.diagnostics.map(\.description))
  }

  /// What every result depends on besides the project's files.
  private func environmentIdentity() -> String {
    // Every module's fingerprint: an edit of any of them may change a notebook that imports it. A library
    // that cannot be planned gets a value no stored record has, so the build runs and reports why.
    guard
      let plan = try? LibraryBuilder(project: project, toolchain: toolchain).plan(
        digests: FileDigests(project: project))
    else { return UUID().uuidString }
    let libraries = plan.fingerprints.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let machine = Machine.current
    // An inherited OpenBLAS setting changes the numerical platform, and so every result's key.
    let inherited = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"].map { ProcessInfo.processInfo.environment[$0] ?? "" }
    return
      ([
        RenderStamp.executableIdentity(), toolchain.version, libraries.joined(separator: " "), machine.architecture,
        machine.cpuFlags.sorted().joined(separator: " "),
      ] + inherited).joined(separator: "\u{0}")
  }

  /// A file's stamp, or `recent` when it changed within two seconds before `now` or after it.
  private static func stable(_ path: String, now: Double) -> String {
    let stamp = FileStamp.of(path)
    guard let at = stamp.split(separator: "@").last.flatMap({ Double($0) }), now - at > 2 else { return "recent" }
    return stamp
  }

  private func resultFile(_ path: String) -> String {
    ResultCache(directory: project.cache.results).file(forNotebookAt: path)
  }
}
