import Foundation

/// What `Package.swift` says about its targets and products, read from `swift package dump-package`.
///
/// The notebook libraries are built from this description, so `Package.swift` stays the only one:
/// module names, folders, dependencies and language modes are never spelled out twice.
public struct PackageManifest: Sendable, Equatable {
  /// One target of the package.
  public struct Target: Sendable, Equatable {
    /// The target's (and its module's) name.
    public var name: String
    /// The target's kind: `regular`, `system`, `executable` or `test`.
    public var type: String
    /// The folder declared with `path:`, or `nil` for `Sources/<name>`.
    public var path: String?
    /// Paths excluded from the target, relative to its folder.
    public var exclude: [String]
    /// The targets it depends on (by name); products of other packages are in ``productDependencies``.
    public var dependencies: [String]
    /// Products of other packages it depends on.
    public var productDependencies: [String]
    /// Its settings that apply to an optimised Linux build, in order.
    public var settings: [Setting]
    /// For a system library, the `pkg-config` name it declares.
    public var pkgConfig: String?
  }

  /// A build setting of a target.
  public struct Setting: Sendable, Equatable {
    /// `swift`, `c`, `cxx` or `linker`.
    public var tool: String
    /// The setting's kind as `dump-package` names it (`swiftLanguageMode`, `unsafeFlags`, `define`, …).
    public var kind: String
    /// Its values (a flag list, a define, a language mode).
    public var values: [String]
  }

  /// The package's name.
  public var name: String
  /// The tools version's major number (`6` for `swift-tools-version: 6.0`).
  public var toolsMajorVersion: Int
  /// The language modes the package declares for all its targets, if it does.
  public var languageModes: [String]
  /// Every target, in declaration order.
  public var targets: [Target]
  /// Each product's targets, by product name.
  public var products: [String: [String]]

  /// The target with this name.
  public func target(named name: String) -> Target? { targets.first { $0.name == name } }
}

extension PackageManifest {
  /// Parses `swift package dump-package`'s JSON.
  public init(dumpJSON data: Data) throws {
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let name = root["name"] as? String, let targets = root["targets"] as? [[String: Any]]
    else { throw RunnerError.io("Package.swift's description is not the JSON `swift package dump-package` prints") }
    self.name = name
    let version = (root["toolsVersion"] as? [String: Any])?["_version"] as? String ?? "5.0.0"
    toolsMajorVersion = Int(version.prefix { $0.isNumber }) ?? 5
    languageModes = (root["swiftLanguageVersions"] as? [String]) ?? (root["swiftLanguageModes"] as? [String]) ?? []
    self.targets = targets.compactMap(Self.target)
    var products: [String: [String]] = [:]
    for product in root["products"] as? [[String: Any]] ?? [] {
      guard let name = product["name"] as? String, let targets = product["targets"] as? [String] else { continue }
      products[name] = targets
    }
    self.products = products
  }

  private static func target(_ json: [String: Any]) -> Target? {
    guard let name = json["name"] as? String, let type = json["type"] as? String else { return nil }
    var targets: [String] = []
    var products: [String] = []
    for dependency in json["dependencies"] as? [[String: Any]] ?? [] {
      if let named = (dependency["byName"] ?? dependency["target"]) as? [Any], let target = named.first as? String {
        targets.append(target)
      } else if let product = dependency["product"] as? [Any], let name = product.first as? String {
        products.append(name)
      }
    }
    return Target(
      name: name, type: type, path: json["path"] as? String, exclude: json["exclude"] as? [String] ?? [],
      dependencies: targets, productDependencies: products,
      settings: (json["settings"] as? [[String: Any]] ?? []).compactMap(setting),
      pkgConfig: json["pkgConfig"] as? String)
  }

  /// A setting, or `nil` when its condition leaves it out of an optimised Linux build.
  private static func setting(_ json: [String: Any]) -> Setting? {
    guard let tool = json["tool"] as? String, let kind = json["kind"] as? [String: Any],
      let (kindName, payload) = kind.first
    else { return nil }
    if let condition = json["condition"] as? [String: Any] {
      if let platforms = condition["platformNames"] as? [String], !platforms.contains("linux") { return nil }
      if let configuration = condition["config"] as? String, configuration != "release" { return nil }
    }
    let value = (payload as? [String: Any])?["_0"]
    let values = (value as? [String]) ?? (value as? String).map { [$0] } ?? []
    return Setting(tool: tool, kind: kindName, values: values)
  }
}
