import Foundation
import NotebookCore
import NotebookSupport

extension NotebookBuilder {
  /// Parses the notebook at a root-relative path.
  ///
  /// Never throws: a path that cannot be read as a notebook (a folder, a dangling symbolic
  /// link, a link to a file outside the project, no permission) gives a notebook with one error
  /// at line 1, so it fails its own page and nothing else. Declared `inputs` that do not exist
  /// are errors at the `inputs` line. ``Notebook/sourceDigest`` is the digest of the bytes parsed.
  public func parse(_ path: String) -> Notebook {
    let data: Data
    switch read(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem):
      var notebook = NotebookParser.parse("", path: path)
      notebook.diagnostics = [Diagnostic(.error, file: path, line: 1, problem.message)]
      return notebook
    }
    var notebook = NotebookParser.parse(String(decoding: data, as: UTF8.self), path: path)
    notebook.sourceDigest = SHA256.hexBytes(Array(data))
    notebook.diagnostics += missingInputs(of: notebook)
    notebook.diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    return notebook
  }

  struct ReadProblem: Error {
    var message: String
  }

  private func read(_ path: String) -> Result<Data, ReadProblem> {
    let absolute = project.path(path)
    let link = try? FileManager.default.destinationOfSymbolicLink(atPath: absolute)
    guard let resolved = Self.realPath(absolute) else {
      if let link {
        return .failure(ReadProblem(message: "Cannot read '\(path)': it links to '\(link)', which does not exist"))
      }
      return .failure(ReadProblem(message: "Cannot read '\(path)': \(String(cString: strerror(errno)))"))
    }
    if link != nil, let root = Self.realPath(project.root), !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    {
      return .failure(
        ReadProblem(message: "Cannot publish '\(path)': it links to '\(resolved)', outside the project"))
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue {
      return .failure(ReadProblem(message: "Cannot read '\(path)': it is a folder, not a notebook file"))
    }
    guard let data = FileManager.default.contents(atPath: resolved) else {
      return .failure(ReadProblem(message: "Cannot read '\(path)': permission denied or not a regular file"))
    }
    return .success(data)
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private func missingInputs(of notebook: Notebook) -> [Diagnostic] {
    let line = notebook.frontMatter.keyLines["inputs"] ?? 1
    return notebook.frontMatter.inputs.compactMap { input in
      let relative = CacheKey.inputPath(input, notebook: notebook)
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: project.path(relative), isDirectory: &isDirectory)
      guard !exists || isDirectory.boolValue else { return nil }
      let problem = exists ? "is a folder, not a file" : "does not exist"
      return Diagnostic(.error, file: notebook.path, line: line, "Input '\(input)' (\(relative)) \(problem)")
    }
  }
}
