import Foundation

/// Parses notebook files.
///
/// Parsing never throws: every input is some ``Notebook``.
public enum NotebookParser {
  /// Parses the text of a notebook.
  ///
  /// - Parameters:
  ///   - text: The whole file.
  ///   - path: The path shown in diagnostics, relative to the project root.
  /// - Returns: The notebook, with every problem as a ``Diagnostic``.
  public static func parse(_ text: String, path: String) -> Notebook {
    var notebook = parseBody(text, path: path, hasFrontMatter: true)
    notebook.source = text
    return notebook
  }

  /// Parses CommonMark that is not a whole file — a `Markdown` output, a title — exactly as notebook prose.
  ///
  /// There is no front matter: a leading `---` is a thematic break, and lines are the text's own.
  public static func parseFragment(_ text: String, path: String) -> Notebook {
    parseBody(text, path: path, hasFrontMatter: false)
  }

  private static func parseBody(_ text: String, path: String, hasFrontMatter: Bool) -> Notebook {
    // Editors on Windows may start a UTF-8 file with a byte-order mark; it is not part of the text.
    let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    // Foundation's replace is slow even when there is nothing to replace.
    let normalized = text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    // Split as bytes: a line feed always ends a character, and this is ten times faster.
    let lines = normalized.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(
      Substring.init)
    var frontMatterParser = FrontMatterParser(file: path)
    let (frontMatter, headerLines) = hasFrontMatter ? frontMatterParser.parse(lines) : (FrontMatter(), 0)
    // Blank the header so that cmark's line numbers stay those of the file.
    let body =
      String(repeating: "\n", count: headerLines)
      + lines.dropFirst(headerLines).joined(separator: "\n")

    let codeLines = codeBlockLines(CommonMarkConverter.convert(body))
    let protector = MathProtector(body, skippedLines: codeLines)
    let bodyLines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(
      Substring.init)
    var references = CrossReferenceScanner(
      lines: bodyLines,
      skippedLines: codeLines,
      displayMath: Set(protector.spans.indices.filter { protector.spans[$0].isDisplay }))
    let markdown = FootnoteScanner.escapingDefinitions(protector.protectedText, skippedLines: codeLines)
    var citations = CitationScanner(lines: bodyLines, skippedLines: codeLines)
    let document = citations.scan(
      FootnoteScanner.scan(references.scan(MathRestorer.restore(CommonMarkConverter.convert(markdown)))))

    var diagnostics = frontMatterParser.diagnostics
    diagnostics += (protector.problems + references.diagnostics).map {
      Diagnostic(.error, file: path, line: $0.line, column: $0.column, $0.message)
    }
    let (blocks, cells, cellDiagnostics) = splitCells(document, path: path)
    diagnostics += cellDiagnostics
    return Notebook(
      path: path, frontMatter: frontMatter, blocks: blocks, cells: cells, math: protector.spans,
      diagnostics: diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
  }

  /// Every line that belongs to a code block, at any depth (math is not looked for there).
  private static func codeBlockLines(_ document: MarkdownNode) -> Set<Int> {
    var lines = Set<Int>()
    var pending = [document]
    while let node = pending.popLast() {
      if case .codeBlock = node.kind {
        lines.formUnion(node.line...max(node.line, node.endLine))
      }
      pending.append(contentsOf: node.children)
    }
    return lines
  }

  private static func splitCells(
    _ document: MarkdownNode, path: String
  ) -> ([Notebook.Block], [Cell], [Diagnostic]) {
    var blocks: [Notebook.Block] = []
    var cells: [Cell] = []
    var prose: [MarkdownNode] = []
    var optionParser = CellOptionParser(file: path)

    func flushProse() {
      guard let first = prose.first, let last = prose.last else { return }
      blocks.append(.prose(MarkdownNode(.document, children: prose, line: first.line, endLine: last.endLine)))
      prose = []
    }

    for node in document.children {
      guard case .codeBlock(let info, let code) = node.kind, isSwift(info) else {
        prose.append(node)
        continue
      }
      flushProse()
      let (options, body, codeLine) = optionParser.parse(trimFinalNewline(code), firstLine: node.line + 1)
      let cell = Cell(index: cells.count, code: body, options: options, fenceLine: node.line, codeLine: codeLine)
      blocks.append(.cell(cell.index))
      cells.append(cell)
    }
    flushProse()
    return (blocks, cells, optionParser.diagnostics)
  }

  private static func isSwift(_ info: String) -> Bool {
    info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "swift"
  }

  private static func trimFinalNewline(_ code: String) -> String {
    code.hasSuffix("\n") ? String(code.dropLast()) : code
  }
}
