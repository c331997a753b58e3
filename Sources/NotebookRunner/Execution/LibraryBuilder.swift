import Foundation
import NotebookCore
import NotebookSupport

/// Compiles the notebook libraries with optimisation, each module into a folder keyed by its own fingerprint.
///
/// Notebook programs link these prebuilt modules, so heavy loops in `Lab` always run
/// optimised while a notebook's own code compiles in a fraction of a second. What to build —
/// module names, folders, dependencies, language modes — comes from `Package.swift`
/// (``PackageManifest``), and the C libraries' flags from `pkg-config`. An edit to a topic
/// module's source gives that module a new folder and leaves the others compiled.
public struct LibraryBuilder: Sendable {
  /// The compiled modules a build's programs link: a folder per Swift module.
  public struct Libraries: Sendable {
    /// The plan they were built from.
    public var plan: LibraryPlan
    /// Each compiled module's folder (`lib*.so` and `*.swiftmodule`), by name.
    public var directories: [String: String]

    /// What the program of `notebook` links.
    public func program(for notebook: Notebook) -> ProgramLibraries {
      program(linking: plan.modules(for: notebook))
    }

    /// What a program importing `imports` (besides the core and the runtime) links.
    public func program(importing imports: Set<String> = []) -> ProgramLibraries {
      program(linking: plan.graph.modules(importing: imports))
    }

    func program(linking modules: [LibraryGraph.Module]) -> ProgramLibraries {
      ProgramLibraries(
        fingerprint: plan.fingerprint(of: modules),
        // A module not prepared is left out, so the compiler says which import it cannot find.
        modules: modules.compactMap { module in directories[module.name].map { (module.name, $0) } },
        system: modules.compactMap { plan.systemFlags[$0.name] }, importable: plan.graph.importable)
    }
  }

  let project: Project
  let toolchain: Toolchain

  /// Creates a builder for a project.
  public init(project: Project, toolchain: Toolchain) {
    self.project = project
    self.toolchain = toolchain
  }

  /// The modules `Package.swift` declares for notebooks, with their fingerprints.
  public func plan(digests: FileDigests = FileDigests(memoPath: nil)) throws -> LibraryPlan {
    let graph = try LibraryGraph(manifest: PackageManifest.load(project: project, toolchain: toolchain))
    return try LibraryPlan(graph: graph, project: project, toolchain: toolchain, digests: digests)
  }

  /// The folder of a module's build for its fingerprint.
  public func directory(of module: String, plan: LibraryPlan) -> String {
    "\(project.cache.modules)/\(module)-\((plan.fingerprints[module] ?? "missing").prefix(16))"
  }

  /// Returns the compiled modules that programs importing `imports` link, compiling those whose
  /// fingerprint has no folder yet (computing the plan when not given).
  public func prepare(
    plan: LibraryPlan? = nil, importing imports: Set<String> = [], log: (String) -> Void
  ) throws -> Libraries {
    let plan = try plan ?? self.plan()
    var libraries = Libraries(plan: plan, directories: [:])
    for module in plan.graph.modules(importing: imports) where module.kind == .swift {
      let directory = directory(of: module.name, plan: plan)
      let dependencies = libraries.program(linking: plan.graph.closure(of: module.dependencies))
      try build(module, into: directory, linking: dependencies, packageName: plan.graph.packageName, log: log)
      libraries.directories[module.name] = directory
    }
    return libraries
  }

  private func build(
    _ module: LibraryGraph.Module, into directory: String, linking dependencies: ProgramLibraries,
    packageName: String, log: (String) -> Void
  ) throws {
    let complete = "\(directory)/complete"
    if FileManager.default.fileExists(atPath: complete) { return }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let lock = try FileLock(path: "\(directory).lock")
    defer { _ = lock }
    if FileManager.default.fileExists(atPath: complete) { return }
    log("Compiling \(module.name) with -O (once per change to its sources or dependencies)…")
    let sources = LibraryPlan.sources(of: module, in: project).map(project.path)
    let arguments =
      [
        "-emit-library", "-emit-module", "-parse-as-library", "-module-name", module.name,
        "-module-link-name", module.name, "-package-name", packageName,
        "-emit-module-path", "\(directory)/\(module.name).swiftmodule", "-o", "\(directory)/lib\(module.name).so",
        "-diagnostic-style", "llvm",
      ] + LibraryPlan.optimisation + dependencies.searchArguments + dependencies.linkArguments
      + module.swiftFlags + module.linkFlags + sources
    let result = try CapturedCommand.run(toolchain.swiftc, arguments)
    guard result.status == .exited(0) else { throw RunnerError.libraryBuildFailed(result.text) }
    try writeAtomically(Data(module.name.utf8), to: complete)
  }
}
