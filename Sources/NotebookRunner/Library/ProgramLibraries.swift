/// The prebuilt modules one program links, and the compiler and linker flags that find them.
public struct ProgramLibraries: Sendable {
  /// The combined fingerprint of the modules (recorded with the result, part of the cache key).
  public var fingerprint: String
  /// The Swift modules with their folders, each after its dependencies.
  public var modules: [(name: String, directory: String)]
  /// The system libraries' flags.
  public var system: [SystemLibraryFlags]
  /// The modules a notebook may import (for the hint when an import names none of them).
  public var importable: [String]

  /// Flags that let the compiler find the modules and the C headers they import.
  public var searchArguments: [String] {
    modules.flatMap { ["-I", $0.directory] } + system.flatMap(\.compile)
  }

  /// Flags that link the modules (found again at run time through the rpath) and the system libraries.
  public var linkArguments: [String] {
    modules.flatMap { ["-L", $0.directory, "-l\($0.name)", "-Xlinker", "-rpath", "-Xlinker", $0.directory] }
      + system.flatMap(\.link)
  }
}
