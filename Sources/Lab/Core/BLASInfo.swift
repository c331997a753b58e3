import CBLAS

/// What the linked OpenBLAS reports about itself, for provenance and diagnosis.
///
/// OpenBLAS built with `DYNAMIC_ARCH` picks its kernels from the CPU model when it
/// loads. A CPU newer than the library falls back to generic SSE3 kernels
/// (core name `Prescott`), several times slower for products; setting the environment
/// variable `OPENBLAS_CORETYPE` (e.g. `Haswell`, `SkylakeX`) before the process starts
/// selects a kernel family explicitly.
public enum BLASInfo {
  /// The kernel family in use, such as `"Haswell"` or `"Prescott"`.
  public static var coreName: String { String(cString: openblas_get_corename()) }

  /// The library's build configuration string (version and options).
  public static var configuration: String { String(cString: openblas_get_config()) }

  /// The number of threads OpenBLAS uses for large products.
  public static var threadCount: Int { Int(openblas_get_num_threads()) }
}
