import Foundation

/// How to compile against and link a system library target: its module map's folder, and what
/// `pkg-config` says for the name the target declares (`openblas`).
///
/// Nothing here names an architecture or a distribution's folders: `pkg-config` knows where
/// the machine keeps the headers and libraries (under the multiarch folder of the machine's own
/// triple on Debian, whatever its processor).
public struct SystemLibraryFlags: Sendable, Hashable {
  /// The absolute folder of the module map.
  public var moduleMapFolder: String
  /// The C compiler flags `pkg-config` gives (header folders).
  public var cFlags: [String]
  /// Flags for linking the library.
  public var link: [String]

  /// `swiftc` flags for finding the module map and the C headers.
  public var compile: [String] { ["-I", moduleMapFolder] + cFlags.flatMap { ["-Xcc", $0] } }

  /// What goes into fingerprints: the flags without the project's own location, so a copy of the
  /// project elsewhere shares compiled modules.
  var fingerprintText: String { (cFlags + ["|"] + link).joined(separator: " ") }

  /// The flags for `module`, a system library target, asking `pkg-config` in `environment`.
  static func of(
    _ module: LibraryGraph.Module, project: Project,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> SystemLibraryFlags {
    let folder = project.path(module.folder)
    var cFlags: [String] = []
    var link = linkDirectives(inModuleMapAt: "\(folder)/module.modulemap").map { "-l\($0)" }
    if let name = module.pkgConfig {
      cFlags = try pkgConfig(["--cflags", name], environment: environment)
      link = try pkgConfig(["--libs", name], environment: environment).flatMap(linkerFlag) + link
    }
    return SystemLibraryFlags(moduleMapFolder: folder, cFlags: cFlags, link: link)
  }

  /// `-L` and `-l` as they are, anything else for the linker itself.
  private static func linkerFlag(_ flag: String) -> [String] {
    flag.hasPrefix("-L") || flag.hasPrefix("-l") ? [flag] : ["-Xlinker", flag]
  }

  /// The libraries a module map's `link "name"` lines name.
  static func linkDirectives(inModuleMapAt path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      let words = line.split(whereSeparator: \.isWhitespace)
      guard words.count == 2, words[0] == "link", words[1].hasPrefix("\""), words[1].hasSuffix("\"") else {
        return nil
      }
      return String(words[1].dropFirst().dropLast())
    }
  }

  private static func pkgConfig(_ arguments: [String], environment: [String: String]) throws -> [String] {
    let path = (environment["PATH"] ?? "/usr/bin").split(separator: ":")
    guard let tool = path.map({ "\($0)/pkg-config" }).first(where: FileManager.default.isExecutableFile(atPath:))
    else {
      throw RunnerError.toolMissing("pkg-config", hint: "Install pkg-config (`make deps` does)")
    }
    let result = try CapturedCommand.run(tool, arguments, environment: environment, timeout: 30)
    guard result.status == .exited(0) else {
      throw RunnerError.io(
        "`pkg-config \(arguments.joined(separator: " "))` failed (is the library's -dev package installed?):\n"
          + result.text)
    }
    return result.text.split(whereSeparator: \.isWhitespace).map(String.init)
  }
}
