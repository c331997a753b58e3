import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

/// Notebook programs are compiled straight through the front end and the linker.
///
/// The `swiftc` driver is the fallback. Both must give the same programs and the same diagnostics.
@Suite(.serialized) struct CompilerTests {
  private static let libraries: ProgramLibraries = {
    do {
      return try LibraryBuilder(project: TestProject.project, toolchain: TestProject.toolchain).prepare(log: { _ in })
        .program()
    } catch {
      preconditionFailure("the libraries must compile: \(error)")
    }
  }()

  /// The same compiler, but without a known target, so that only the driver can be used.
  private static let driverOnly = Toolchain(
    swiftc: TestProject.toolchain.swiftc, version: TestProject.toolchain.version)

  private func compile(_ source: String, toolchain: Toolchain) throws -> (CapturedCommand, executable: String) {
    let folder = TestProject.project.path(".notebook-cache/test-compiles/\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(source.utf8).write(to: URL(fileURLWithPath: "\(folder)/main.swift"))
    let compiler = ProgramCompiler(toolchain: toolchain, libraries: Self.libraries)
    let result = try compiler.compile(
      source: "\(folder)/main.swift", executable: "\(folder)/program", optimize: false, timeout: 120)
    return (result, "\(folder)/program")
  }

  @Test func theToolchainReportsItsVersionAndTarget() {
    #expect(TestProject.toolchain.version.hasPrefix("Swift version"))
    #expect(TestProject.toolchain.target?.contains("-linux") == true)
  }

  @Test func thisToolchainIsCompiledWithoutTheDriver() {
    #expect(ProgramCompiler(toolchain: TestProject.toolchain, libraries: Self.libraries).compilesDirectly)
    #expect(!ProgramCompiler(toolchain: Self.driverOnly, libraries: Self.libraries).compilesDirectly)
  }

  @Test func bothWaysBuildAProgramThatLinksLab() throws {
    let source = "import Lab\nimport NotebookRuntime\nprint(Matrix(rows: 2, columns: 2, repeating: 1.5).rows)\n"
    for toolchain in [TestProject.toolchain, Self.driverOnly] {
      let (result, executable) = try compile(source, toolchain: toolchain)
      #expect(result.status == .exited(0), "\(result.text)")
      let run = try CapturedCommand.run(executable, [])
      #expect(run.status == .exited(0))
      #expect(run.text == "2\n")
    }
  }

  @Test func bothWaysReportTheSameErrorAtTheSameLine() throws {
    let source = "let x: Int = \"text\"\n"
    var errors: [[String]] = []
    for toolchain in [TestProject.toolchain, Self.driverOnly] {
      let (result, _) = try compile(source, toolchain: toolchain)
      #expect(result.status != .exited(0))
      errors.append(
        result.text.split(separator: "\n").filter { $0.contains("error:") }.map {
          String($0.split(separator: "/").last ?? "")
        })
    }
    #expect(errors[0] == errors[1])
    #expect(errors[0].first?.hasPrefix("main.swift:1:14: error:") == true, "\(errors[0])")
  }

  @Test func theVersionIsRememberedWithItsTarget() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toolchain-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try Toolchain.locate(cacheDirectory: folder)
    let memo = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
    let text = try String(contentsOfFile: "\(folder)/\(memo)", encoding: .utf8)
    #expect(text.contains("Target: \(first.target ?? "?")"))
    let second = try Toolchain.locate(cacheDirectory: folder)
    #expect((second.version, second.target) == (first.version, first.target))
  }
}
