import NotebookCore
import Testing

@testable import NotebookRunner

private func machine(_ flags: Set<String>, architecture: String = "x86_64", environment: [String: String] = [:])
  -> Machine
{
  Machine(architecture: architecture, cpuFlags: flags, environment: environment)
}

private let avx2 = machine(["pni", "avx", "avx2", "fma"])

@Suite struct PlatformTests {
  @Test func everyNamedChoiceResolvesToItself() {
    for choice in NumericalPlatform.choices where choice != "native" {
      #expect(ProgramPlatform.resolve(choice, on: avx2).record.id == choice)
    }
    #expect(ProgramPlatform.resolve("native", on: avx2).record.id == "native-x86_64")
  }

  @Test func haswellPinsTheKernelsAndOneThreadAndLeavesGlibcAlone() {
    let platform = ProgramPlatform.resolve("haswell", on: avx2)
    #expect(platform.environment["OPENBLAS_CORETYPE"] == "Haswell")
    #expect(platform.environment["OPENBLAS_NUM_THREADS"] == "1")
    #expect(platform.environment["GLIBC_TUNABLES"] == nil)
    #expect(platform.record.note == nil)
  }

  @Test func olderPlatformsMaskGlibcsNewerMathVariants() {
    #expect(
      ProgramPlatform.resolve("sandybridge", on: avx2).environment["GLIBC_TUNABLES"]
        == "glibc.cpu.hwcaps=-AVX2,-FMA")
  }

  @Test func aCPUWithoutAVX2FallsBackAndSaysWhy() {
    let platform = ProgramPlatform.resolve("haswell", on: machine(["pni", "avx"]))
    #expect(platform.record.id == "sandybridge")
    #expect(platform.record.note?.contains("lacks avx2 and fma") == true)
  }

  @Test func aMachineThatIsNotX86RunsNativeAndSaysWhy() {
    let platform = ProgramPlatform.resolve("haswell", on: machine([], architecture: "aarch64"))
    #expect(platform.record.id == "native-aarch64")
    #expect(platform.environment["OPENBLAS_CORETYPE"] == nil)
    #expect(platform.record.note?.contains("x86-64") == true)
  }

  @Test func anInheritedCoreTypeWinsAndIsRecorded() {
    let inherited = machine(["avx2", "fma"], environment: ["OPENBLAS_CORETYPE": "SkylakeX"])
    let platform = ProgramPlatform.resolve("haswell", on: inherited)
    #expect(platform.environment["OPENBLAS_CORETYPE"] == "SkylakeX")
    #expect(platform.record.id == "haswell-openblas-skylakex")
    #expect(platform.record.note?.contains("OPENBLAS_CORETYPE=SkylakeX") == true)
  }

  @Test func anInheritedCoreTypeEqualToThePinnedOneChangesNothing() {
    let inherited = machine(["avx2", "fma"], environment: ["OPENBLAS_CORETYPE": "haswell"])
    #expect(
      ProgramPlatform.resolve("haswell", on: inherited).record == ProgramPlatform.resolve("haswell", on: avx2).record)
  }

  @Test func theInheritedL2SizeIsKeptAndShown() {
    let inherited = machine(["avx2", "fma"], environment: ["OPENBLAS_L2_SIZE": "1048576"])
    let platform = ProgramPlatform.resolve("haswell", on: inherited)
    #expect(platform.environment["OPENBLAS_L2_SIZE"] == "1048576")
    #expect(platform.record.summary.contains("OPENBLAS_L2_SIZE=1048576"))
  }

  @Test func thePerturbationChangesBothKernelsAndMath() throws {
    let perturbed = try #require(ProgramPlatform.resolve("haswell", on: avx2).perturbation(on: avx2))
    #expect(perturbed.environment["OPENBLAS_CORETYPE"] == "Sandybridge")
    #expect(perturbed.environment["GLIBC_TUNABLES"] != nil)
    #expect(perturbed.record.id == "sandybridge-perturbed")
  }

  @Test func thePerturbationOverridesAnInheritedCoreType() throws {
    let inherited = machine(["pni", "avx", "avx2", "fma"], environment: ["OPENBLAS_CORETYPE": "Haswell"])
    let perturbed = try #require(ProgramPlatform.resolve("haswell", on: inherited).perturbation(on: inherited))
    #expect(perturbed.environment["OPENBLAS_CORETYPE"] == "Sandybridge")
  }

  @Test func aMachineWithOnePlatformHasNoPerturbation() {
    let arm = machine([], architecture: "aarch64")
    #expect(ProgramPlatform.resolve("haswell", on: arm).perturbation(on: arm) == nil)
  }
}
