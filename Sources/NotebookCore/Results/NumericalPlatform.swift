/// The numerical platform a notebook program ran on: whatever decides its floating-point results
/// beyond the sources.
///
/// The same program can print different digits on two machines: OpenBLAS picks its kernels
/// from the CPU when it loads, and glibc picks FMA or plain variants of `exp`, `sin`, `pow`, …
/// the same way. The runner therefore runs every program on a platform it chooses, recorded
/// here and shown in the page's provenance. Two pages with the same ``id`` come from the same
/// platform and must agree byte for byte; pages from different platforms are compared with
/// tolerance (see ``NumericalTolerance``).
public struct NumericalPlatform: Sendable, Hashable, Codable {
  /// A short stable name, such as `haswell`.
  public var id: String
  /// What the platform consists of, for the provenance footer.
  public var summary: String
  /// Why this differs from the platform that was asked for, if it does.
  public var note: String?

  /// Creates a platform record.
  public init(id: String, summary: String, note: String? = nil) {
    self.id = id
    self.summary = summary
    self.note = note
  }

  /// The platform a notebook gets unless its front matter names another.
  public static let defaultChoice = "haswell"

  /// The names a notebook's front matter may give as `platform:`.
  ///
  /// `haswell` (x86-64 with AVX2 and FMA), `sandybridge` (AVX), `prescott` (SSE3, any x86-64)
  /// pin OpenBLAS's kernels and glibc's math variants; `native` lets both choose from the CPU,
  /// so its results are not reproducible on another machine.
  public static let choices = ["haswell", "sandybridge", "prescott", "native"]
}
