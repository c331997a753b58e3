import Foundation

/// Compiles `NotebookRuntime` and `Lab` with optimisation into a folder keyed by their sources.
///
/// Notebook programs link these prebuilt modules, so heavy loops in `Lab` always run
/// optimised while a notebook's own code compiles in a fraction of a second.
/// The folder name is the fingerprint of the sources and the compiler: an edit to
/// any library file gives a new folder, and so re-executes every notebook.
public struct LibraryBuilder: Sendable {
  /// The compiled libraries for one fingerprint.
  public struct Libraries: Sendable {
    /// The folder with `lib*.so` and `*.swiftmodule`.
    public var directory: String
    /// The fingerprint of the sources and the compiler.
    public var fingerprint: String
    /// Extra `swiftc` flags for finding the C modules the libraries import.
    public var cFlags: [String]
  }

  let project: Project
  let toolchain: Toolchain

  /// Creates a builder for a project.
  public init(project: Project, toolchain: Toolchain) {
    self.project = project
    self.toolchain = toolchain
  }

  /// The fingerprint of the library sources and the compiler: each file's name and digest.
  public func fingerprint(digests: FileDigests = FileDigests(memoPath: nil)) -> String {
    var hasher = SHA256()
    hasher.update(Array(toolchain.version.utf8))
    for folder in Project.librarySources {
      for file in project.files(under: folder) {
        let digest = digests.digest(ofFileAt: project.path(file)) ?? "unreadable"
        hasher.update(Array("\u{0}\(file)\u{0}\(digest)".utf8))
      }
    }
    return hasher.finalizeHex()
  }

  /// Returns the compiled libraries, compiling them first if this fingerprint (computed when not
  /// given) has none.
  public func prepare(fingerprint: String? = nil, log: (String) -> Void) throws -> Libraries {
    let fingerprint = fingerprint ?? self.fingerprint()
    let directory = "\(project.cacheDirectory)/modules/\(fingerprint.prefix(16))"
    let libraries = Libraries(directory: directory, fingerprint: fingerprint, cFlags: Self.cFlags(project))
    let complete = "\(directory)/complete"
    if FileManager.default.fileExists(atPath: complete) { return libraries }

    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let lock = try FileLock(path: "\(directory).lock")
    defer { _ = lock }
    if FileManager.default.fileExists(atPath: complete) { return libraries }
    log("Compiling NotebookRuntime and Lab with -O (once per change to their sources)…")
    try compile(
      module: "NotebookRuntime", folder: "Sources/NotebookRuntime", into: libraries, extra: ["-swift-version", "5"])
    try compile(
      module: "Lab", folder: "Sources/Lab", into: libraries,
      extra: ["-swift-version", "6", "-lNotebookRuntime"] + Self.linkFlags)
    try writeAtomically(Data(fingerprint.utf8), to: complete)
    return libraries
  }

  private func compile(module: String, folder: String, into libraries: Libraries, extra: [String]) throws {
    let sources = project.files(under: folder, withExtensions: ["swift"]).map(project.path)
    let directory = libraries.directory
    let arguments =
      [
        "-emit-library", "-emit-module", "-parse-as-library", "-O", "-wmo",
        "-module-name", module, "-module-link-name", module,
        "-emit-module-path", "\(directory)/\(module).swiftmodule",
        "-o", "\(directory)/lib\(module).so",
        "-I", directory, "-L", directory,
        "-Xlinker", "-rpath", "-Xlinker", directory,
        "-diagnostic-style", "llvm",
      ] + libraries.cFlags + extra + sources
    let result = try CapturedCommand.run(toolchain.swiftc, arguments)
    guard result.status == .exited(0) else { throw RunnerError.libraryBuildFailed(result.text) }
  }

  /// Include paths for the C modules (`CBLAS`) that `Lab` imports.
  static func cFlags(_ project: Project) -> [String] {
    ["-I", project.path("Sources/CBLAS"), "-Xcc", "-I/usr/include/x86_64-linux-gnu/openblas-pthread"]
  }

  /// Linker flags for OpenBLAS and LAPACKE.
  static let linkFlags = ["-L/usr/lib/x86_64-linux-gnu/openblas-pthread", "-lopenblas", "-llapacke"]
}
