// The properties the fuzz targets check on every input. This file is compiled twice: into
// the tests (which replay Tests/Hardening/corpus/) and into the libFuzzer targets built by
// Tests/Hardening/fuzz/build, where the stream splitter's source is part of the same module.
import Foundation
import NotebookCore

#if canImport(NotebookRunner)
  @testable import NotebookRunner
#endif

enum FuzzInvariants {
  /// Parses `bytes` as a notebook; returns the first broken property, or `nil`.
  ///
  /// Properties: parsing is deterministic; every diagnostic, cell and formula lies inside the
  /// file; cells are numbered in order and each appears once among the blocks; every math node
  /// refers to a formula that exists.
  static func checkParser(_ bytes: [UInt8]) -> String? {
    let text = String(decoding: bytes, as: UTF8.self)
    let notebook = NotebookParser.parse(text, path: "notebooks/fuzz.md")
    let again = NotebookParser.parse(text, path: "notebooks/fuzz.md")
    let tree = flatten(notebook)
    if tree != flatten(again) || notebook.diagnostics != again.diagnostics || notebook.cells != again.cells {
      return "parsing the same text twice gave different notebooks"
    }
    // cmark also ends lines at a lone CR, so allow the larger of the two counts.
    let newlines = bytes.filter { $0 == 0x0A }.count
    let returns = bytes.filter { $0 == 0x0D }.count
    let lastLine = newlines + returns + 1
    for diagnostic in notebook.diagnostics where !(1...lastLine).contains(diagnostic.line) || diagnostic.column < 1 {
      return "diagnostic outside the file: \(diagnostic)"
    }
    for (offset, cell) in notebook.cells.enumerated() {
      if cell.index != offset { return "cell \(offset) has index \(cell.index)" }
      if !(1...lastLine).contains(cell.fenceLine) || cell.codeLine <= cell.fenceLine || cell.codeLine > lastLine + 1 {
        return "cell \(offset) at fence line \(cell.fenceLine), code line \(cell.codeLine) of \(lastLine)"
      }
    }
    let cellBlocks = notebook.blocks.compactMap { block -> Int? in
      if case .cell(let index) = block { return index } else { return nil }
    }
    if cellBlocks != Array(notebook.cells.indices) { return "blocks list cells \(cellBlocks)" }
    for span in notebook.math where !(1...lastLine).contains(span.line) || span.column < 1 {
      return "formula outside the file at \(span.line):\(span.column)"
    }
    for entry in tree {
      if case .math(let index) = entry.kind, !notebook.math.indices.contains(index) {
        return "math node \(index) of \(notebook.math.count) formulas"
      }
    }
    return nil
  }

  /// Splits `bytes` as a program's output stream, whole, byte by byte and in 7-byte chunks;
  /// returns the first broken property, or `nil`.
  ///
  /// Properties: the split does not depend on how the stream was chunked; every byte is counted.
  static func checkStream(_ bytes: [UInt8]) -> String? {
    var results: [OutputStreamParser] = []
    for chunkSize in [max(bytes.count, 1), 1, 7] {
      var parser = OutputStreamParser(nonce: "f00d", textLimitPerCell: 300)
      var start = 0
      while start < bytes.count {
        let end = min(start + chunkSize, bytes.count)
        parser.consume(Array(bytes[start..<end]), at: Date(timeIntervalSince1970: 0))
        start = end
      }
      parser.finish()
      if parser.totalBytes != bytes.count { return "counted \(parser.totalBytes) of \(bytes.count) bytes" }
      results.append(parser)
    }
    for (other, chunkSize) in zip(results.dropFirst(), [1, 7]) {
      if other.outputs != results[0].outputs || other.currentCell != results[0].currentCell
        || other.reachedEnd != results[0].reachedEnd
      {
        return "chunks of \(chunkSize) bytes split the stream differently from one chunk"
      }
    }
    return nil
  }

  /// The notebook's Markdown trees as (depth, kind, line, end line) in document order, built
  /// without recursion so that deeply nested inputs cannot overflow the stack here.
  private static func flatten(_ notebook: Notebook) -> [Entry] {
    var entries: [Entry] = []
    var pending: [(MarkdownNode, Int)] = notebook.blocks.reversed().compactMap { block in
      if case .prose(let node) = block { return (node, 0) } else { return nil }
    }
    while let (node, depth) = pending.popLast() {
      entries.append(Entry(depth: depth, kind: node.kind, line: node.line, endLine: node.endLine))
      pending.append(contentsOf: node.children.reversed().map { ($0, depth + 1) })
    }
    return entries
  }

  private struct Entry: Equatable {
    var depth: Int
    var kind: MarkdownNode.Kind
    var line: Int
    var endLine: Int
  }
}
