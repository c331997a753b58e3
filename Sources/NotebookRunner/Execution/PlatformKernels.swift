/// One pinned numerical platform: the OpenBLAS kernel family, the glibc features masked, and what the CPU needs.
struct PlatformKernels: Sendable {
  /// The name notebooks use in `platform:`.
  var name: String
  /// The `OPENBLAS_CORETYPE` value.
  var openBLASCore: String
  /// The `/proc/cpuinfo` flags the kernels and math variants need.
  var requiredFlags: [String]
  /// The glibc CPU features to mask (`-AVX2,-FMA`), so that its math variants match the platform, not the CPU.
  var glibcMask: String?
  /// What the provenance says.
  var summary: String

  /// The pinned platforms, newest first.
  static let pinned = [
    PlatformKernels(
      name: "haswell", openBLASCore: "Haswell", requiredFlags: ["avx2", "fma"], glibcMask: nil,
      summary: "x86-64 with AVX2 and FMA: OpenBLAS Haswell kernels, one thread; glibc's FMA math"),
    PlatformKernels(
      name: "sandybridge", openBLASCore: "Sandybridge", requiredFlags: ["avx"], glibcMask: "-AVX2,-FMA",
      summary: "x86-64 with AVX: OpenBLAS Sandybridge kernels, one thread; glibc's math without FMA"),
    PlatformKernels(
      name: "prescott", openBLASCore: "Prescott", requiredFlags: ["pni"], glibcMask: "-AVX2,-FMA,-AVX",
      summary: "x86-64 with SSE3: OpenBLAS Prescott kernels, one thread; glibc's SSE2 math"),
  ]

  /// The pinned platform called `name`.
  static func named(_ name: String) -> PlatformKernels? { pinned.first { $0.name == name } }

  /// The flags this machine lacks for the platform, as text, or `nil` when it can run it.
  func missingFeatures(on machine: Machine) -> String? {
    guard machine.architecture == "x86_64" else { return "x86-64 (it is \(machine.architecture))" }
    let missing = requiredFlags.filter { !machine.cpuFlags.contains($0) }
    return missing.isEmpty ? nil : missing.joined(separator: " and ")
  }
}
