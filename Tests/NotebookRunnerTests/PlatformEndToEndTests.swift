import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

private let header = "---\ntitle: Platform fixture\n---\n\n"

/// A caller whose environment tries to change everything a platform pins.
private let noisyCaller = Machine(
  architecture: Machine.current.architecture, cpuFlags: Machine.current.cpuFlags,
  environment: Machine.current.environment.merging([
    "OPENBLAS_NUM_THREADS": "8", "GOTO_NUM_THREADS": "8", "OMP_NUM_THREADS": "4",
    "GLIBC_TUNABLES": "glibc.cpu.hwcaps=-FMA,-AVX2",
  ]) { _, noisy in noisy })

/// The chain of products that prints its last bits: they differ between OpenBLAS kernel families.
private let matrixChain = """
  var generator = SeededGenerator(seed: 7)
  let a = Matrix.random(rows: 200, columns: 200, using: &generator)
  var product = a
  for _ in 0..<10 { product = 0.1 * (product * a) }
  """

@Suite(.serialized) struct PlatformEndToEndTests {
  @Test func theProgramSeesThePinnedPlatformWhateverTheCallerSets() throws {
    let paths = try TestProject.write([
      "env.md": header
        + "```swift\nlet env = ProcessInfo.processInfo.environment\n"
        + "print(\"core=\\(BLASInfo.coreName.lowercased())\")\nprint(\"threads=\\(BLASInfo.threadCount)\")\n"
        + "print(\"tunables=\\(env[\"GLIBC_TUNABLES\"] ?? \"none\")\")\n"
        + "print(\"omp=\\(env[\"OMP_NUM_THREADS\"] ?? \"none\")\")\n```\n"
    ])
    let path = try #require(paths["env.md"])
    let outcome = try #require(try TestProject.build([path], machine: noisyCaller).first)
    let printed = TestProject.text(outcome.result.cells[0])
    let expected = ProgramPlatform.resolve("haswell", on: noisyCaller)
    let core = expected.environment["OPENBLAS_CORETYPE"]?.lowercased() ?? "(chosen by OpenBLAS)"
    if expected.environment["OPENBLAS_CORETYPE"] != nil { #expect(printed.contains("core=\(core)\n")) }
    #expect(printed.contains("threads=1\n"))
    #expect(printed.contains("tunables=\(expected.environment["GLIBC_TUNABLES"] ?? "none")\n"))
    #expect(printed.contains("omp=1\n"))
    #expect(outcome.result.platform == expected.record)
  }

  @Test func theAuditFlagsAFullPrecisionMatrixEntryAtItsCellsLine() throws {
    let text =
      header + "```swift\n\(matrixChain)\n```\n\nProse.\n\n"
      + "```swift\nprint(\"entry = \\(product[3, 4])\")\n```\n\n"
      + "```swift\nprint(\"rounded = \\((product[3, 4] * 1e3).rounded() / 1e3)\")\n```\n"
    let paths = try TestProject.write(["chain.md": text])
    let path = try #require(paths["chain.md"])
    try #require(ProgramPlatform.resolve("haswell", on: .current).perturbation(on: .current) != nil)
    let baseline = try #require(try TestProject.build([path], force: true).first)
    let perturbed = try #require(try TestProject.build([path], machine: .current, perturbed: true).first)
    #expect(baseline.succeeded && perturbed.succeeded)
    #expect(perturbed.result.platform?.id.hasSuffix("-perturbed") == true)
    let findings = DigitAudit.findings(
      notebook: baseline.notebook, baseline: baseline.result, perturbed: perturbed.result)
    let printingCell = baseline.notebook.cells[1]
    #expect(findings.map(\.line) == [printingCell.fenceLine])
    #expect(findings.first?.message.contains("changes to") == true)
    #expect(findings.first?.description.hasPrefix("\(path):\(printingCell.fenceLine): '") == true)
  }

  @Test func aPerturbedRunIsNeitherLookedUpNorStored() throws {
    let paths = try TestProject.write(["p.md": header + "```swift\nprint(1)\n```\n"])
    let path = try #require(paths["p.md"])
    _ = try TestProject.build([path])
    let perturbed = try #require(try TestProject.build([path], perturbed: true).first)
    #expect(perturbed.executed)
    let again = try #require(try TestProject.build([path]).first)
    #expect(!again.executed)
    #expect(again.result.platform?.id.hasSuffix("-perturbed") == false)
  }
}
