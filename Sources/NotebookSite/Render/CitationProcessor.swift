import Foundation
import NotebookCore

/// Formats a page's citations and its reference list with Pandoc's citation processor (citeproc).
///
/// The BibTeX file named by `bibliography:` is read by Pandoc, never by this project; the style is
/// Pandoc's default, the Chicago Manual of Style author-date. One `pandoc` run formats every citation
/// of a page: each becomes a paragraph of its own in a small Markdown document, and the HTML that
/// comes back is cut apart again. A key the bibliography lacks is an error at its citation.
struct CitationProcessor {
  /// A page's citations, formatted.
  struct Formatted: Sendable {
    /// Each citation's HTML, by its position in the file (`line:column`).
    var citations: [String: String] = [:]
    /// The reference list: each entry's key and HTML, in the style's order.
    var entries: [(key: String, html: String)] = []
    var diagnostics: [Diagnostic] = []
  }

  /// One citation in the prose.
  struct Citation {
    var text: String
    var line: Int
    var column: Int
    var position: String { "\(line):\(column)" }
  }

  /// How long one `pandoc` run may take.
  static let timeoutSeconds = 30.0

  /// The page's citations formatted, or nothing when it has none.
  static func format(_ notebook: Notebook) -> Formatted {
    let citations = self.citations(in: notebook)
    guard let first = citations.first else { return Formatted() }
    guard let name = notebook.frontMatter.bibliography else {
      return Formatted(diagnostics: [
        Diagnostic(
          .error, file: notebook.path, line: first.line, column: first.column,
          "A citation needs a bibliography: name a BibTeX file in the front matter, `bibliography: refs.bib`")
      ])
    }
    let path = bibliographyPath(name, of: notebook)
    let keyLine = notebook.frontMatter.keyLines["bibliography"] ?? 1
    guard FileManager.default.isReadableFile(atPath: path) else {
      return Formatted(diagnostics: [
        Diagnostic(.error, file: notebook.path, line: keyLine, "Bibliography '\(name)' not found (looked for \(path))")
      ])
    }
    do {
      let output = try runPandoc(document(citations), bibliography: path)
      return parse(output.html, warnings: output.warnings, citations: citations, file: notebook.path)
    } catch {
      return Formatted(diagnostics: [Diagnostic(.error, file: notebook.path, line: keyLine, "\(error)")])
    }
  }

  /// The bibliography's path from the project root: relative to the notebook's folder.
  static func bibliographyPath(_ name: String, of notebook: Notebook) -> String {
    if name.hasPrefix("/") { return name }
    let folder = (notebook.path as NSString).deletingLastPathComponent
    return folder.isEmpty ? name : "\(folder)/\(name)"
  }

  /// The bibliography's bytes as text, for a page's render inputs ("" when there is none).
  static func bibliographyIdentity(_ notebook: Notebook) -> String {
    guard let name = notebook.frontMatter.bibliography,
      let data = FileManager.default.contents(atPath: bibliographyPath(name, of: notebook))
    else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Every citation of the prose, in document order (footnotes included).
  static func citations(in notebook: Notebook) -> [Citation] {
    notebook.proseNodes.compactMap { node in
      guard case .citation(let text, let column) = node.kind else { return nil }
      return Citation(text: text, line: node.line, column: column)
    }
  }

  /// The keys a citation names: `see @a, p. 2; @b` → a, b.
  static func keys(in text: String) -> [String] {
    text.split(separator: ";").compactMap { part in
      guard let at = part.firstIndex(of: "@") else { return nil }
      let key = part[part.index(after: at)...].prefix { !$0.isWhitespace && $0 != "," }
      return key.isEmpty ? nil : String(key)
    }
  }

  /// One fenced div per citation, then the place for the reference list.
  private static func document(_ citations: [Citation]) -> String {
    citations.enumerated().map { index, citation in "::: {.cite-\(index)}\n[\(citation.text)]\n:::\n" }
      .joined(separator: "\n") + "\n::: {#refs}\n:::\n"
  }

  private static func parse(_ html: String, warnings: String, citations: [Citation], file: String) -> Formatted {
    var formatted = Formatted()
    for (index, citation) in citations.enumerated() {
      guard let start = html.range(of: "<div class=\"cite-\(index)\">\n<p>"),
        let end = html[start.upperBound...].range(of: "</p>\n</div>")
      else { continue }
      formatted.citations[citation.position] = String(html[start.upperBound..<end.lowerBound])
    }
    var rest = Substring(html)
    while let open = rest.range(of: "<div id=\"ref-") {
      let afterID = rest[open.upperBound...]
      guard let quote = afterID.firstIndex(of: "\""), let tagEnd = afterID.firstIndex(of: ">"),
        let close = afterID.range(of: "\n</div>")
      else { break }
      let body = afterID[afterID.index(after: tagEnd)..<close.lowerBound].drop { $0 == "\n" }
      formatted.entries.append((String(afterID[..<quote]), String(body)))
      rest = afterID[close.upperBound...]
    }
    for missing in missingKeys(warnings) {
      for citation in citations where keys(in: citation.text).contains(missing) {
        formatted.diagnostics.append(
          Diagnostic(
            .error, file: file, line: citation.line, column: citation.column,
            "Unknown citation key '\(missing)': the bibliography has no entry with this key"))
      }
    }
    return formatted
  }

  /// The keys Pandoc warned it could not find (`[WARNING] Citeproc: citation nokey not found`).
  private static func missingKeys(_ warnings: String) -> [String] {
    warnings.split(separator: "\n").compactMap { line in
      guard let start = line.range(of: "citation "), let end = line.range(of: " not found") else { return nil }
      return String(line[start.upperBound..<end.lowerBound])
    }
  }

  /// Runs `pandoc --citeproc` on `markdown`; raw HTML stays off, as everywhere in prose.
  private static func runPandoc(_ markdown: String, bibliography: String) throws -> (html: String, warnings: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citations-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.md")
    let output = folder.appendingPathComponent("out.html")
    let errors = folder.appendingPathComponent("err.txt")
    try Data(markdown.utf8).write(to: input)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "pandoc", "--citeproc", "--bibliography", bibliography, "--metadata", "link-citations=true",
      "--from", "markdown-raw_html-raw_tex", "--to", "html", "--wrap=none", "--output", output.path, input.path,
    ]
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw CitationError("pandoc took longer than \(Int(timeoutSeconds)) s formatting the citations")
    }
    let warnings = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self)
    guard process.terminationStatus == 0, let html = try? String(contentsOf: output, encoding: .utf8) else {
      if process.terminationStatus == 127 {
        throw CitationError("Citations need pandoc, which is not installed (on Debian: apt install pandoc)")
      }
      throw CitationError(
        "pandoc could not format the citations: " + warnings.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return (html, warnings)
  }

  private struct CitationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
