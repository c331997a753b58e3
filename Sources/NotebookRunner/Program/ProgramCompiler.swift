import Foundation

/// Compiles a notebook's generated `main.swift` into an executable that links the prebuilt libraries.
///
/// On Linux it runs the three steps the `swiftc` driver would run — `swift-frontend`,
/// `swift-autolink-extract`, then `clang` to link — itself, linking with `lld` when the toolchain
/// ships it. Starting the driver (~70 ms) and linking with gold (~60 ms against lld's ~30 ms) were
/// a third of a small notebook's compile. When any of those tools is missing it calls `swiftc`.
struct ProgramCompiler {
  let toolchain: Toolchain
  let libraries: ProgramLibraries
  /// Expressions slower than this to type-check are reported as warnings in the output.
  var slowTypeCheckMilliseconds = 300

  /// Whether this toolchain is used without its driver.
  var compilesDirectly: Bool { DirectTools(toolchain) != nil }

  /// The outcome of the first step that failed, or of the last one.
  func compile(source: String, executable: String, optimize: Bool, timeout: Double) throws -> CapturedCommand {
    let deadline = Date().addingTimeInterval(timeout)
    let remaining = { max(1, deadline.timeIntervalSinceNow) }
    let viaDriver = {
      try CapturedCommand.run(
        toolchain.swiftc, driverArguments(source: source, executable: executable, optimize: optimize),
        timeout: remaining())
    }
    guard let tools = DirectTools(toolchain) else { return try viaDriver() }
    let object = executable + ".o"
    let autolink = executable + ".autolink"
    let frontend = try CapturedCommand.run(
      tools.frontend, frontendArguments(tools, source: source, object: object, optimize: optimize),
      timeout: remaining())
    // Front-end flags are not a stable interface: a compiler that rejects one gets the driver.
    if frontend.text.contains("error: unknown argument") { return try viaDriver() }
    guard frontend.status == .exited(0) else { return frontend }
    var last = try CapturedCommand.run(tools.autolinkExtract, [object, "-o", autolink], timeout: remaining())
    if last.status == .exited(0) {
      last = try CapturedCommand.run(
        tools.clang, linkArguments(tools, object: object, autolink: autolink, executable: executable),
        timeout: remaining())
    }
    // The front end's warnings (slow expressions) are kept whatever the later steps print.
    last.text = frontend.text + last.text
    return last
  }

  private func driverArguments(source: String, executable: String, optimize: Bool) -> [String] {
    [
      optimize ? "-O" : "-Onone", "-gline-tables-only", "-Xcc", "-fno-omit-frame-pointer", "-swift-version", "5",
      "-diagnostic-style", "llvm",
      "-module-name", "NotebookProgram", source, "-o", executable,
    ] + TypeCheckHotSpots.frontendFlags(milliseconds: slowTypeCheckMilliseconds).flatMap { ["-Xfrontend", $0] }
      + libraries.searchArguments + libraries.linkArguments
  }

  private func frontendArguments(_ tools: DirectTools, source: String, object: String, optimize: Bool) -> [String] {
    [
      "-frontend", "-c", "-primary-file", source, "-target", tools.target, "-disable-objc-interop",
      optimize ? "-O" : "-Onone", "-swift-version", "5",
      // Line tables only: enough for a trap's backtrace to name notebook lines, and cheap to emit.
      "-gline-tables-only", "-debug-info-format=dwarf", "-dwarf-version=4", "-Xcc", "-fno-omit-frame-pointer",
      "-diagnostic-style", "llvm", "-no-color-diagnostics", "-Xcc", "-fno-color-diagnostics",
      "-module-name", "NotebookProgram", "-o", object,
    ] + TypeCheckHotSpots.frontendFlags(milliseconds: slowTypeCheckMilliseconds) + libraries.searchArguments
      + tools.pluginArguments
  }

  private func linkArguments(_ tools: DirectTools, object: String, autolink: String, executable: String) -> [String] {
    [
      "-pie", "-Xlinker", "--build-id", "-Xlinker", "-rpath", "-Xlinker", tools.runtimeDirectory,
      tools.runtimeObject, object, "@\(autolink)", "-L", tools.runtimeDirectory, "-lswiftCore",
      "--target=\(tools.target)", "-o", executable,
    ] + libraries.linkArguments + tools.linkerChoice
  }
}

/// The toolchain's own compiler front end, autolink extractor, `clang` and runtime start-up object.
private struct DirectTools {
  var frontend: String
  var autolinkExtract: String
  var clang: String
  var target: String
  var runtimeDirectory: String
  var runtimeObject: String
  var pluginArguments: [String]
  var linkerChoice: [String]

  /// Nil unless every piece is where a Linux toolchain keeps it.
  init?(_ toolchain: Toolchain) {
    guard let target = toolchain.target, target.contains("linux"),
      let architecture = target.split(separator: "-").first
    else { return nil }
    let bin = toolchain.binDirectory
    let lib = URL(fileURLWithPath: bin).deletingLastPathComponent().appendingPathComponent("lib").path
    let files = FileManager.default
    frontend = "\(bin)/swift-frontend"
    autolinkExtract = "\(bin)/swift-autolink-extract"
    clang = "\(bin)/clang"
    runtimeDirectory = "\(lib)/swift/linux"
    runtimeObject = "\(runtimeDirectory)/\(architecture)/swiftrt.o"
    guard [frontend, autolinkExtract, clang].allSatisfy(files.isExecutableFile(atPath:)),
      files.fileExists(atPath: runtimeObject)
    else { return nil }
    self.target = target
    let pluginServer = "\(lib)/swift/host/libSwiftInProcPluginServer.so"
    let plugins = "\(lib)/swift/host/plugins"
    pluginArguments =
      (files.fileExists(atPath: pluginServer) ? ["-in-process-plugin-server-path", pluginServer] : [])
      + (files.fileExists(atPath: plugins) ? ["-plugin-path", plugins] : [])
    linkerChoice = files.isExecutableFile(atPath: "\(bin)/ld.lld") ? ["-fuse-ld=lld"] : []
  }
}
