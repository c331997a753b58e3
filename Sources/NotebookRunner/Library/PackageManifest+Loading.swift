import Foundation
import NotebookSupport

extension PackageManifest {
  /// The project's `Package.swift`, described by `swift package dump-package` once per digest of
  /// the manifest and compiler, and remembered in the cache.
  ///
  /// Evaluating the manifest takes half a second; a no-change build reads the remembered JSON.
  public static func load(project: Project, toolchain: Toolchain) throws -> PackageManifest {
    let manifest = project.path("Package.swift")
    guard let bytes = FileManager.default.contents(atPath: manifest) else {
      throw RunnerError.io("Cannot read '\(manifest)': the notebook libraries are built from the package's targets")
    }
    let digest = SHA256.hex(toolchain.version + "\u{0}" + String(decoding: bytes, as: UTF8.self))
    let memo = project.cache.packageDescription(digest: digest)
    if let data = FileManager.default.contents(atPath: memo), let parsed = try? PackageManifest(dumpJSON: data) {
      return parsed
    }
    let data = try dump(project: project, toolchain: toolchain)
    let parsed = try PackageManifest(dumpJSON: data)
    // A memo that cannot be written only costs the next build the half second again.
    try? FileManager.default.createDirectory(atPath: project.cacheDirectory, withIntermediateDirectories: true)
    try? writeAtomically(data, to: memo)
    return parsed
  }

  private static func dump(project: Project, toolchain: Toolchain) throws -> Data {
    let swift = "\(toolchain.binDirectory)/swift"
    guard FileManager.default.isExecutableFile(atPath: swift) else {
      throw RunnerError.toolMissing(
        "swift", hint: "The notebook libraries are read from Package.swift with `swift package`")
    }
    // A scratch folder of its own: the package's `.build` may be locked by a build or a test run.
    let arguments = [
      "package", "--package-path", project.root, "--scratch-path", project.cache.packageScratch,
      "dump-package",
    ]
    let result = try CapturedCommand.run(swift, arguments, timeout: 120)
    guard result.status == .exited(0), let start = result.text.firstIndex(of: "{"),
      let end = result.text.lastIndex(of: "}")
    else {
      throw RunnerError.io("`swift package dump-package` failed for Package.swift:\n\(result.text)")
    }
    // Merged output: anything printed around the JSON (a warning) is not part of it.
    return Data(result.text[start...end].utf8)
  }
}
