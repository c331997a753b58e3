import Foundation
import NotebookCore
import NotebookSupport

/// The cache key of a notebook's execution: everything that can change what its cells print.
///
/// Prose is deliberately not part of it, so editing prose re-renders a page without
/// executing anything. The key covers the runner's version, the compiler, the
/// fingerprint of the library modules the notebook's program links (``LibraryPlan/fingerprint(for:)``:
/// the runtime, `Lab` and the topic modules it imports), the numerical platform, the notebook's path, its timeout
/// and optimisation setting, each cell's code and run-affecting options, in order,
/// and the bytes of every declared input.
public enum CacheKey {
  /// Bumped when the runner's output format changes.
  public static let runnerVersion = "notebook-runner 5"

  /// The hash of the notebook's code and run-affecting options (shown on pages as the code hash).
  public static func codeHash(of notebook: Notebook) -> String {
    var parts = [
      notebook.path, "timeout=\(notebook.frontMatter.timeout)",
      "optimize=\(notebook.frontMatter.optimize.map(String.init) ?? "auto")",
    ]
    for cell in notebook.cells {
      parts.append("cell \(cell.index) \(cell.options.executionFingerprint)\n\(cell.code)")
    }
    return SHA256.hex(parts.joined(separator: "\u{0}"))
  }

  /// The full key; input files are hashed through `digests`.
  ///
  /// - Parameter platform: The ``NumericalPlatform/id`` the program runs on.
  public static func key(
    for notebook: Notebook, project: Project, toolchainVersion: String, libraryFingerprint: String,
    platform: String, digests: FileDigests = FileDigests(memoPath: nil)
  ) -> String {
    let context = executionContext(
      for: notebook, project: project, toolchainVersion: toolchainVersion, libraryFingerprint: libraryFingerprint,
      platform: platform, digests: digests)
    return key(context: context, codeHash: codeHash(of: notebook))
  }

  /// The full key from its two parts.
  static func key(context: String, codeHash: String) -> String {
    SHA256.hex(context + "\u{0}" + codeHash)
  }

  /// Everything outside the notebook's text that can change what any cell prints: the runner, the
  /// compiler, the libraries, the platform and the declared inputs' bytes.
  static func executionContext(
    for notebook: Notebook, project: Project, toolchainVersion: String, libraryFingerprint: String,
    platform: String, digests: FileDigests
  ) -> String {
    var parts = [runnerVersion, toolchainVersion, libraryFingerprint, "platform \(platform)"]
    for input in notebook.frontMatter.inputs {
      let path = project.path(inputPath(input, notebook: notebook))
      parts.append("input \(input) " + (digests.digest(ofFileAt: path) ?? "missing"))
    }
    return parts.joined(separator: "\u{0}")
  }

  /// An input path relative to the project root: inputs are written relative to the notebook's folder.
  public static func inputPath(_ input: String, notebook: Notebook) -> String {
    let folder = (notebook.path as NSString).deletingLastPathComponent
    return folder.isEmpty ? input : "\(folder)/\(input)"
  }
}

extension SHA256 {
  /// The hex digest of raw bytes.
  public static func hexBytes(_ bytes: [UInt8]) -> String {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalizeHex()
  }
}
