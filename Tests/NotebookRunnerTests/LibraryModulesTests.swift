import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

/// A project of its own with a core, two topic modules, the runtime and a system library, described
/// by the JSON `swift package dump-package` prints, so fingerprints can be watched as files change.
private struct ScratchLibraries {
  let project: Project

  static var manifest: [String: Any] {
    [
      "name": "Scratch", "toolsVersion": ["_version": "6.0.0"],
      "products": [["name": "Lab", "targets": ["Lab", "LabOne", "LabTwo"]], ["name": "tool", "targets": ["tool"]]],
      "targets": [
        target("NotebookRuntime", settings: [["tool": "swift", "kind": ["swiftLanguageMode": ["_0": "5"]]]]),
        ["name": "CBLAS", "type": "system", "dependencies": [] as [Any]],
        target("Lab", dependencies: ["NotebookRuntime", "CBLAS"]),
        target("LabOne", dependencies: ["Lab"]),
        target("LabTwo", dependencies: ["Lab"]),
        [
          "name": "tool", "type": "executable",
          "dependencies": [["product": ["ArgumentParser", "swift-argument-parser", NSNull(), NSNull()]]],
        ],
      ],
    ]
  }

  static func target(_ name: String, dependencies: [String] = [], settings: [[String: Any]] = []) -> [String: Any] {
    [
      "name": name, "type": "regular", "dependencies": dependencies.map { ["byName": [$0, NSNull()]] },
      "settings": settings,
    ]
  }

  init() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("libraries-\(UUID().uuidString)").path
    project = Project(root: root)
    try write("Sources/NotebookRuntime/Show.swift", "public func show() {}")
    try write(
      "Sources/CBLAS/module.modulemap", "module CBLAS [system] {\n  header \"shim.h\"\n  link \"openblas\"\n}\n")
    try write("Sources/Lab/Matrix.swift", "public struct Matrix {}")
    try write("Sources/Lab/Lab.docc/Lab.md", "# ``Lab``\n")
    try write("Sources/LabOne/One.swift", "public enum One {}")
    try write("Sources/LabTwo/Two.swift", "public enum Two {}")
  }

  func write(_ path: String, _ text: String) throws {
    let full = project.path(path)
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: full))
  }

  func plan() throws -> LibraryPlan {
    let data = try JSONSerialization.data(withJSONObject: Self.manifest)
    let graph = try LibraryGraph(manifest: PackageManifest(dumpJSON: data))
    return try LibraryPlan(graph: graph, project: project, toolchain: TestProject.toolchain)
  }
}

private func notebook(importing modules: [String], path: String) -> Notebook {
  let imports = modules.map { "import \($0)\n" }.joined()
  return NotebookParser.parse("---\ntitle: N\n---\n\n```swift\n\(imports)print(1)\n```\n", path: path)
}

@Suite struct LibraryModulesTests {
  private let one = notebook(importing: ["LabOne"], path: "notebooks/one.md")
  private let two = notebook(importing: ["LabTwo", "Foundation"], path: "notebooks/two.md")
  private let core = notebook(importing: [], path: "notebooks/core.md")

  @Test func editingATopicFileChangesThatModuleAndTheNotebooksImportingItOnly() throws {
    let scratch = try ScratchLibraries()
    let before = try scratch.plan()
    try scratch.write("Sources/LabOne/One.swift", "public enum One { case edited }")
    let after = try scratch.plan()
    let changed = Set(before.fingerprints.keys.filter { before.fingerprints[$0] != after.fingerprints[$0] })
    #expect(changed == ["LabOne"])
    #expect(before.fingerprint(for: one) != after.fingerprint(for: one))
    #expect(before.fingerprint(for: two) == after.fingerprint(for: two))
    #expect(before.fingerprint(for: core) == after.fingerprint(for: core))
  }

  @Test func editingTheCoreChangesEveryModuleThatDependsOnIt() throws {
    let scratch = try ScratchLibraries()
    let before = try scratch.plan()
    try scratch.write("Sources/Lab/Matrix.swift", "public struct Matrix { public init() {} }")
    let after = try scratch.plan()
    let changed = Set(before.fingerprints.keys.filter { before.fingerprints[$0] != after.fingerprints[$0] })
    #expect(changed == ["Lab", "LabOne", "LabTwo"])
    #expect(before.fingerprint(for: core) != after.fingerprint(for: core))
  }

  @Test func documentationAndOtherFilesChangeNoFingerprint() throws {
    let scratch = try ScratchLibraries()
    let before = try scratch.plan()
    try scratch.write("Sources/Lab/Lab.docc/Lab.md", "# ``Lab``\n\nMore prose.\n")
    try scratch.write("Sources/Lab/Lab.docc/Figures.md", "# Figures\n")
    try scratch.write("Sources/LabOne/README.md", "notes")
    #expect(try scratch.plan().fingerprints == before.fingerprints)
  }

  @Test func aCopyOfTheProjectElsewhereHasTheSameFingerprints() throws {
    let here = try ScratchLibraries().plan()
    let there = try ScratchLibraries().plan()
    #expect(here.fingerprints == there.fingerprints)
    #expect(here.systemFlags["CBLAS"]?.compile != there.systemFlags["CBLAS"]?.compile)
  }

  @Test func aNotebookLinksTheRuntimeTheCoreAndWhatItImports() throws {
    let plan = try ScratchLibraries().plan()
    #expect(plan.modules(for: one).map(\.name) == ["CBLAS", "NotebookRuntime", "Lab", "LabOne"])
    #expect(plan.modules(for: two).map(\.name) == ["CBLAS", "NotebookRuntime", "Lab", "LabTwo"])
    #expect(plan.modules(for: core).map(\.name) == ["CBLAS", "NotebookRuntime", "Lab"])
    #expect(plan.graph.importable == ["Lab", "LabOne", "LabTwo"])
  }

  @Test func languageModesComeFromTheManifest() throws {
    let graph = try ScratchLibraries().plan().graph
    #expect(graph.modules["NotebookRuntime"]?.swiftFlags == ["-swift-version", "5"])
    #expect(graph.modules["Lab"]?.swiftFlags == ["-swift-version", "6"])
    #expect(graph.modules["CBLAS"]?.kind == .system)
  }

  @Test func aNotebookModuleOnAnotherPackagesProductIsRefused() throws {
    var manifest = ScratchLibraries.manifest
    manifest["products"] = [["name": "Lab", "targets": ["Lab", "tool"]]]
    let data = try JSONSerialization.data(withJSONObject: manifest)
    #expect(throws: RunnerError.self) { try LibraryGraph(manifest: PackageManifest(dumpJSON: data)) }
  }
}

@Suite struct PackageDescriptionTests {
  @Test func thisPackageDescribesTheCoreTheTopicsAndTheRuntime() throws {
    let graph = try LibraryGraph(
      manifest: PackageManifest.load(project: TestProject.project, toolchain: TestProject.toolchain))
    let topics = graph.importable.filter { $0 != LibraryGraph.coreModule }
    #expect(topics.count == 8)
    for topic in topics {
      #expect(graph.modules[topic]?.dependencies == [LibraryGraph.coreModule], "\(topic)")
      #expect(graph.modules[topic]?.folder == "Sources/\(topic)")
    }
    #expect(graph.modules["Lab"]?.dependencies.sorted() == ["CBLAS", "NotebookRuntime"])
    #expect(graph.modules["NotebookRuntime"]?.swiftFlags.prefix(2) == ["-swift-version", "5"])
    #expect(graph.modules["CBLAS"]?.pkgConfig == "openblas")
  }

  @Test func theBLASFlagsAreWhatPkgConfigSays() throws {
    let plan = try LibraryBuilder(project: TestProject.project, toolchain: TestProject.toolchain).plan()
    let flags = try #require(plan.systemFlags["CBLAS"])
    let cflags = try CapturedCommand.run(try pkgConfigPath(), ["--cflags", "openblas"]).text
      .split(whereSeparator: \.isWhitespace).map(String.init)
    #expect(flags.compile == ["-I", TestProject.project.path("Sources/CBLAS")] + cflags.flatMap { ["-Xcc", $0] })
    #expect(flags.link.contains("-lopenblas") && flags.link.contains("-llapacke"))
  }

  @Test func pkgConfigDecidesWhereTheLibraryIs() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pc-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let pc =
      "Name: fakeblas\nDescription: d\nVersion: 1\nCflags: -I/opt/elsewhere/include\nLibs: -L/opt/elsewhere/lib -lfakeblas\n"
    try Data(pc.utf8).write(to: URL(fileURLWithPath: "\(folder)/fakeblas.pc"))
    let module = LibraryGraph.Module(
      name: "CBLAS", kind: .system, folder: "Sources/CBLAS", excluded: [], dependencies: [], swiftFlags: [],
      linkFlags: [], pkgConfig: "fakeblas")
    var environment = ProcessInfo.processInfo.environment
    environment["PKG_CONFIG_PATH"] = folder
    let flags = try SystemLibraryFlags.of(module, project: TestProject.project, environment: environment)
    #expect(flags.compile.suffix(2) == ["-Xcc", "-I/opt/elsewhere/include"])
    #expect(flags.link.prefix(2) == ["-L/opt/elsewhere/lib", "-lfakeblas"])
  }

  @Test func theLibraryBuildNamesNoArchitectureFolder() throws {
    let files =
      TestProject.project.files(under: "Sources/NotebookRunner/Library")
      + [
        "Sources/NotebookRunner/Execution/LibraryBuilder.swift", "Sources/NotebookRunner/Program/ProgramCompiler.swift",
      ]
    #expect(files.count > 3)
    for file in files {
      guard let text = try? String(contentsOfFile: TestProject.project.path(file), encoding: .utf8) else { continue }
      let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("///") }
      #expect(!code.contains { $0.contains("-linux-gnu") || $0.contains("openblas-pthread") }, "\(file)")
    }
  }

  private func pkgConfigPath() throws -> String {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    return try #require(path.map { "\($0)/pkg-config" }.first(where: FileManager.default.isExecutableFile(atPath:)))
  }
}
