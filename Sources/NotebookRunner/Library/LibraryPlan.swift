import Foundation
import NotebookCore
import NotebookSupport

/// The notebook libraries of one build: the modules `Package.swift` declares, each module's
/// fingerprint, and the flags of the system libraries below them.
///
/// A module's fingerprint covers the compiler, the flags it is built with, its Swift sources
/// (names and digests; documentation catalogues and other files are not compiled, so not covered)
/// and the fingerprints of the modules it depends on. A notebook's library fingerprint covers only
/// the modules its program links, so editing a topic module re-executes the notebooks importing it.
public struct LibraryPlan: Sendable {
  /// The modules and their dependencies.
  public let graph: LibraryGraph
  /// Each module's fingerprint, by name.
  public let fingerprints: [String: String]
  /// Each system library's flags, by module name.
  public let systemFlags: [String: SystemLibraryFlags]

  /// Flags every Swift module is compiled with; part of each fingerprint.
  ///
  /// Frame pointers let the runtime's backtracer walk through the library when a notebook traps
  /// inside it, so the trap is reported at the notebook line that called into Lab.
  static let optimisation = ["-O", "-wmo", "-Xcc", "-fno-omit-frame-pointer"]

  /// Computes the fingerprints of every module in `graph` from the project's files; `pkg-config` runs in `environment`.
  public init(
    graph: LibraryGraph, project: Project, toolchain: Toolchain, digests: FileDigests = FileDigests(memoPath: nil),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    var systemFlags: [String: SystemLibraryFlags] = [:]
    var fingerprints: [String: String] = [:]
    for module in graph.closure(of: graph.modules.keys) {
      var hasher = SHA256()
      let flags: [String]
      switch module.kind {
      case .system:
        let system = try SystemLibraryFlags.of(module, project: project, environment: environment)
        systemFlags[module.name] = system
        flags = [system.fingerprintText]
      case .swift:
        flags = Self.optimisation + ["-package-name", graph.packageName] + module.swiftFlags + module.linkFlags
      }
      hasher.update(Array("\(toolchain.version)\u{0}\(module.name)\u{0}\(flags.joined(separator: " "))".utf8))
      for file in Self.sources(of: module, in: project) {
        let digest = digests.digest(ofFileAt: project.path(file)) ?? "unreadable"
        hasher.update(Array("\u{0}\(file)\u{0}\(digest)".utf8))
      }
      for dependency in module.dependencies.sorted() {
        hasher.update(Array("\u{0}depends \(dependency) \(fingerprints[dependency] ?? "missing")".utf8))
      }
      fingerprints[module.name] = hasher.finalizeHex()
    }
    self.graph = graph
    self.fingerprints = fingerprints
    self.systemFlags = systemFlags
  }

  /// What a module is compiled from: its `.swift` files, or every file of a system library (module map, headers).
  static func sources(of module: LibraryGraph.Module, in project: Project) -> [String] {
    let files = project.files(under: module.folder, withExtensions: module.kind == .swift ? ["swift"] : nil)
    return files.filter { file in !module.excluded.contains { file == $0 || file.hasPrefix($0 + "/") } }
  }

  /// The modules `notebook`'s program links, each after its dependencies.
  public func modules(for notebook: Notebook) -> [LibraryGraph.Module] {
    graph.modules(importing: ImportScanner.modules(importedBy: notebook))
  }

  /// The fingerprint of the modules `notebook`'s program links: part of its cache key.
  public func fingerprint(for notebook: Notebook) -> String {
    fingerprint(of: modules(for: notebook))
  }

  /// The combined fingerprint of some modules.
  public func fingerprint(of modules: [LibraryGraph.Module]) -> String {
    SHA256.hex(modules.map { "\($0.name) \(fingerprints[$0.name] ?? "missing")" }.sorted().joined(separator: "\n"))
  }
}
