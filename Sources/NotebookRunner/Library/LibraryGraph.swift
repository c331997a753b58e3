import Foundation

/// The modules notebook programs can link, as `Package.swift` declares them.
///
/// They are the targets of the `Lab` library product and everything those depend on: the core
/// `Lab` (imported into every program, with `NotebookRuntime`), the topic modules a notebook
/// imports by name, and the system libraries below them (`CBLAS`).
public struct LibraryGraph: Sendable, Equatable {
  /// One module: a Swift target compiled into its own library, or a system library's module map.
  public struct Module: Sendable, Hashable {
    /// Whether the module is compiled Swift or a C library's module map.
    public enum Kind: Sendable, Hashable {
      case swift
      case system
    }

    /// The module's name.
    public var name: String
    /// Swift or system.
    public var kind: Kind
    /// Its folder, relative to the project root.
    public var folder: String
    /// Root-relative paths left out of its sources.
    public var excluded: [String]
    /// The modules it depends on, in declaration order.
    public var dependencies: [String]
    /// Compiler flags from its settings: language mode, defines, features, unsafe flags.
    public var swiftFlags: [String]
    /// Linker flags from its settings.
    public var linkFlags: [String]
    /// For a system library, its `pkg-config` name.
    public var pkgConfig: String?
  }

  /// The module every notebook program imports without saying so.
  public static let coreModule = "Lab"
  /// The runtime every notebook program imports (`show`, `check`).
  public static let runtimeModule = "NotebookRuntime"
  /// The library product whose targets notebooks may import.
  public static let product = "Lab"

  /// Every module, by name.
  public let modules: [String: Module]
  /// The modules a notebook may import, in name order.
  public let importable: [String]
  /// The package's name, given to the compiler so `package` declarations are shared between modules.
  public let packageName: String

  /// The graph that `manifest` declares.
  ///
  /// - Throws: When the product is missing, or a module depends on another package's product or uses a
  ///   setting the runner cannot reproduce: the notebook build would then differ from `swift build`.
  public init(manifest: PackageManifest) throws {
    guard let roots = manifest.products[Self.product] else {
      throw Self.problem("Package.swift has no library product '\(Self.product)' listing the notebook modules")
    }
    var modules: [String: Module] = [:]
    var pending = roots + [Self.runtimeModule]
    while let name = pending.popLast() {
      guard modules[name] == nil else { continue }
      guard let target = manifest.target(named: name) else {
        throw Self.problem("Package.swift lists '\(name)' for notebooks but has no target of that name")
      }
      let module = try Self.module(target, manifest: manifest)
      modules[name] = module
      pending += module.dependencies
    }
    guard modules[Self.coreModule]?.kind == .swift else {
      throw Self.problem("The product '\(Self.product)' must contain the Swift target '\(Self.coreModule)'")
    }
    self.modules = modules
    importable = roots.sorted()
    packageName = manifest.name
  }

  /// Modules with their dependencies, each after everything it depends on; the order is deterministic.
  public func closure(of names: some Sequence<String>) -> [Module] {
    var ordered: [Module] = []
    var seen = Set<String>()
    func visit(_ name: String) {
      guard let module = modules[name], seen.insert(name).inserted else { return }
      module.dependencies.sorted().forEach(visit)
      ordered.append(module)
    }
    names.sorted().forEach(visit)
    return ordered
  }

  /// What a program that imports `imports` links: the runtime, the core and the importable modules
  /// among `imports` (other names are the system's, such as `Foundation`), with their dependencies.
  public func modules(importing imports: some Sequence<String>) -> [Module] {
    closure(of: [Self.runtimeModule, Self.coreModule] + imports.filter(importable.contains))
  }

  static func problem(_ message: String) -> RunnerError { RunnerError.io(message) }
}

extension LibraryGraph {
  private static func module(_ target: PackageManifest.Target, manifest: PackageManifest) throws -> Module {
    guard target.productDependencies.isEmpty else {
      throw problem(
        "'\(target.name)' depends on \(target.productDependencies.joined(separator: ", ")) from another package; "
          + "notebook modules may depend only on this package's targets")
    }
    let folder = target.path ?? "Sources/\(target.name)"
    var module = Module(
      name: target.name, kind: .swift, folder: folder, excluded: target.exclude.map { "\(folder)/\($0)" },
      dependencies: target.dependencies, swiftFlags: [], linkFlags: [], pkgConfig: target.pkgConfig)
    switch target.type {
    case "system": module.kind = .system
    case "regular": try applySettings(of: target, manifest: manifest, to: &module)
    default:
      throw problem("'\(target.name)' is a \(target.type) target; notebook modules must be library targets")
    }
    return module
  }

  private static func applySettings(
    of target: PackageManifest.Target, manifest: PackageManifest, to module: inout Module
  ) throws {
    var languageMode = defaultLanguageMode(manifest)
    for setting in target.settings where setting.tool == "swift" || setting.tool == "linker" {
      switch (setting.tool, setting.kind) {
      case ("swift", "swiftLanguageMode"), ("swift", "swiftLanguageVersion"):
        languageMode = setting.values.first ?? languageMode
      case ("swift", "define"): module.swiftFlags += setting.values.flatMap { ["-D", $0] }
      case ("swift", "enableUpcomingFeature"):
        module.swiftFlags += setting.values.flatMap { ["-enable-upcoming-feature", $0] }
      case ("swift", "enableExperimentalFeature"):
        module.swiftFlags += setting.values.flatMap { ["-enable-experimental-feature", $0] }
      case ("swift", "unsafeFlags"): module.swiftFlags += setting.values
      case ("linker", "linkedLibrary"): module.linkFlags += setting.values.map { "-l\($0)" }
      case ("linker", "unsafeFlags"): module.linkFlags += setting.values
      default:
        throw problem(
          "'\(target.name)' uses the \(setting.tool) setting '\(setting.kind)', which the notebook build does not apply"
        )
      }
    }
    module.swiftFlags = ["-swift-version", languageMode] + module.swiftFlags
  }

  /// The package-wide language mode, else the tools version's default (Swift 6 from tools 6.0).
  private static func defaultLanguageMode(_ manifest: PackageManifest) -> String {
    let declared = manifest.languageModes.max { (Double($0) ?? 0) < (Double($1) ?? 0) }
    return declared ?? (manifest.toolsMajorVersion >= 6 ? "6" : "5")
  }
}
