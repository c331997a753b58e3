import NotebookCore

/// The environment that fixes a notebook program's floating-point results, and the record of it.
///
/// Two things outside the sources change a program's digits on Linux: OpenBLAS chooses its
/// kernels from the CPU when it loads, and glibc chooses FMA or plain variants of `exp`, `log`,
/// `sin`, `pow`, … the same way. A pinned platform names both: it sets `OPENBLAS_CORETYPE`,
/// masks glibc's CPU features with `GLIBC_TUNABLES` where the platform is older than the CPU,
/// and runs OpenBLAS on one thread. Every other inherited setting of these is dropped, except
/// `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE`: some machines need them for OpenBLAS to compute
/// correctly at all, so they win, and the record says so.
public struct ProgramPlatform: Sendable {
  /// What the page's provenance shows.
  public var record: NumericalPlatform
  /// The variables the platform sets in the program's environment.
  public var environment: [String: String]

  /// The platform `choice` (one of ``NumericalPlatform/choices``) as this machine can run it.
  ///
  /// A pinned platform the CPU cannot run falls back to the newest pinned one it can, and a
  /// machine that runs none of them (not x86-64) to `native`; the record's note says why.
  public static func resolve(_ choice: String, on machine: Machine) -> ProgramPlatform {
    guard let kernels = PlatformKernels.named(choice) else { return native(on: machine, note: nil) }
    if let missing = kernels.missingFeatures(on: machine) {
      let fallback = PlatformKernels.pinned.first { $0.missingFeatures(on: machine) == nil }
      let reason = "this CPU lacks \(missing), so the pinned platform '\(choice)' cannot run"
      guard let fallback else { return native(on: machine, note: reason) }
      return pinned(fallback, on: machine, note: "\(reason); '\(fallback.name)' ran instead")
    }
    return pinned(kernels, on: machine, note: nil)
  }

  /// The platform `notebook`'s program runs on: the one its front matter names, or the default,
  /// or that platform's perturbation.
  public static func of(_ notebook: Notebook, on machine: Machine, perturbed: Bool = false) -> ProgramPlatform {
    let pinned = resolve(notebook.frontMatter.platform ?? NumericalPlatform.defaultChoice, on: machine)
    return perturbed ? pinned.perturbation(on: machine) ?? pinned : pinned
  }

  /// A platform with other kernels and other math variants than `self`, for `notebook check --perturb`;
  /// `nil` when the machine can run no other.
  ///
  /// It sets `OPENBLAS_CORETYPE` even where the environment sets it: its purpose is to differ.
  public func perturbation(on machine: Machine) -> ProgramPlatform? {
    let runnable = PlatformKernels.pinned.filter { $0.missingFeatures(on: machine) == nil }
    guard let other = runnable.first(where: { !record.id.hasPrefix($0.name) }) else { return nil }
    var platform = ProgramPlatform.pinned(other, on: machine, note: nil, inheritKernels: false)
    platform.record.id += "-perturbed"
    return platform
  }

  private static let singleThreaded = [
    "OPENBLAS_NUM_THREADS": "1", "GOTO_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
  ]

  private static func pinned(
    _ kernels: PlatformKernels, on machine: Machine, note: String?, inheritKernels: Bool = true
  ) -> ProgramPlatform {
    var environment = singleThreaded
    environment["OPENBLAS_CORETYPE"] = kernels.openBLASCore
    if let mask = kernels.glibcMask { environment["GLIBC_TUNABLES"] = "glibc.cpu.hwcaps=\(mask)" }
    var record = NumericalPlatform(id: kernels.name, summary: kernels.summary, note: note)
    if inheritKernels { inherit(machine.environment, into: &environment, record: &record, pinned: kernels) }
    return ProgramPlatform(record: record, environment: environment)
  }

  private static func native(on machine: Machine, note: String?) -> ProgramPlatform {
    var environment = singleThreaded
    var record = NumericalPlatform(
      id: "native-\(machine.architecture)",
      summary: "OpenBLAS and glibc choose their kernels from this CPU, one thread (not reproducible elsewhere)",
      note: note)
    inherit(machine.environment, into: &environment, record: &record, pinned: nil)
    return ProgramPlatform(record: record, environment: environment)
  }

  /// Applies the inherited OpenBLAS settings that win over the pinned ones.
  private static func inherit(
    _ inherited: [String: String], into environment: inout [String: String], record: inout NumericalPlatform,
    pinned: PlatformKernels?
  ) {
    if let size = inherited["OPENBLAS_L2_SIZE"], !size.isEmpty {
      environment["OPENBLAS_L2_SIZE"] = size
      record.summary += "; OPENBLAS_L2_SIZE=\(size) from the environment"
    }
    guard let core = inherited["OPENBLAS_CORETYPE"], !core.isEmpty else { return }
    environment["OPENBLAS_CORETYPE"] = core
    if let pinned, core.lowercased() == pinned.openBLASCore.lowercased() { return }
    record.id += "-openblas-\(core.lowercased())"
    record.summary += "; OpenBLAS \(core) kernels from OPENBLAS_CORETYPE in the environment"
    let override = "OPENBLAS_CORETYPE=\(core) in the environment overrides the platform's OpenBLAS kernels"
    record.note = record.note.map { "\($0); \(override)" } ?? override
  }
}
