import Foundation
import NotebookCore
import NotebookRunner

/// Recognises a build of the whole project in which nothing changed, without parsing a notebook or
/// decoding a result: the build then only repeats what the last one printed.
///
/// After a build of every notebook that succeeded and rendered, it stores the stamps (size and
/// modification time) of every file the build read or wrote — notebooks, their inputs, their
/// cached results, the library sources (through their fingerprint), the site folder — with this
/// executable's, the compiler's and the CPU's identity. A later build is a no-change build when all
/// of them are the same. Any difference, or a file changed in the last two seconds (file times are
/// coarse), sends the build down the ordinary path; that path is always correct, this one only fast.
struct NoChangeShortcut: Codable, Equatable {
  struct Entry: Codable, Equatable {
    var path: String
    var stamp: String
    var inputs: [String: String]
    var result: String
    var line: String
    var diagnostics: [String]
  }

  var environment: String
  var notebooks: [Entry]
  var site: String

  /// Where the shortcut for renders into `siteDirectory` is kept.
  static func path(project: Project, siteDirectory: String) -> String {
    RenderStamp.path(project: project, siteDirectory: siteDirectory) + ".no-change"
  }

  /// The lines to print when nothing changed since the stored build, or `nil`.
  static func replay(
    project: Project, toolchain: Toolchain, paths: [String], siteDirectory: String
  ) -> NoChangeShortcut? {
    let file = path(project: project, siteDirectory: siteDirectory)
    guard let data = FileManager.default.contents(atPath: file),
      let stored = try? JSONDecoder().decode(NoChangeShortcut.self, from: data),
      stored.notebooks.map(\.path) == paths,
      stored.environment == environment(project: project, toolchain: toolchain)
    else { return nil }
    let now = Date().timeIntervalSince1970
    for entry in stored.notebooks {
      guard stable(project.path(entry.path), now: now) == entry.stamp,
        FileStamp.of(resultFile(project, entry.path)) == entry.result,
        entry.inputs.allSatisfy({ stable(project.path($0.key), now: now) == $0.value })
      else { return nil }
    }
    guard RenderStamp.folderSignature(siteDirectory) == stored.site else { return nil }
    return stored
  }

  /// Stores the shortcut after a successful build of every notebook that started at `started`.
  static func store(
    run: BuildRun, started: Date, project: Project, toolchain: Toolchain, siteDirectory: String
  ) {
    let file = path(project: project, siteDirectory: siteDirectory)
    try? FileManager.default.removeItem(atPath: file)
    guard run.succeeded, run.outcomes.map(\.notebook.path) == project.notebookPaths() else { return }
    // A file changed after the build read it (or too close to that for its stamp to tell) must not be
    // vouched for: its stamp would describe text the build never saw.
    let now = started.timeIntervalSince1970
    var entries: [Entry] = []
    for outcome in run.outcomes {
      let notebook = outcome.notebook
      let inputs = notebook.frontMatter.inputs.map { CacheKey.inputPath($0, notebook: notebook) }
      let entry = Entry(
        path: notebook.path, stamp: stable(project.path(notebook.path), now: now),
        inputs: Dictionary(inputs.map { ($0, stable(project.path($0), now: now)) }) { first, _ in first },
        result: FileStamp.of(resultFile(project, notebook.path)),
        line: ProgressPrinter.line(for: cached(outcome)), diagnostics: outcome.diagnostics.map(\.description))
      guard entry.stamp != "recent", !entry.inputs.values.contains("recent") else { return }
      entries.append(entry)
    }
    let shortcut = NoChangeShortcut(
      environment: environment(project: project, toolchain: toolchain), notebooks: entries,
      site: RenderStamp.folderSignature(siteDirectory))
    guard let data = try? JSONEncoder().encode(shortcut) else { return }
    try? FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
  }

  private static func cached(_ outcome: NotebookBuilder.Outcome) -> NotebookBuilder.Outcome {
    var cached = outcome
    cached.executed = false
    cached.fromSharedCache = false
    return cached
  }

  /// What every result depends on besides the project's files.
  private static func environment(project: Project, toolchain: Toolchain) -> String {
    // Every module's fingerprint: an edit of any of them may change a notebook that imports it. A library
    // that cannot be planned gets a value no stored shortcut has, so the build runs and reports why.
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

  private static func resultFile(_ project: Project, _ path: String) -> String {
    ResultCache(directory: project.cache.results).file(forNotebookAt: path)
  }
}
