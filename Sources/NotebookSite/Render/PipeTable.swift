import NotebookCore

/// A pipe table written in prose, GitHub's way: a header row, a delimiter row of dashes (with colons
/// for alignment), and body rows, as one paragraph.
///
/// cmark (CommonMark without extensions) reads the table as a paragraph; its inline nodes are split
/// here into rows at line ends and into cells at `|` in text, so math, code and emphasis in cells are
/// rendered as anywhere else. A pipe inside a code span separates cells, as on GitHub.
struct PipeTable {
  enum Alignment { case none, left, center, right }

  var alignments: [Alignment]
  var header: [[MarkdownNode]]
  var rows: [[[MarkdownNode]]]

  /// The table a paragraph is, or `nil` when it is not one.
  init?(_ paragraph: MarkdownNode) {
    let lines = Self.lines(paragraph.children)
    guard lines.count >= 2, lines[1].count == 1, case .text(let delimiter) = lines[1][0].kind,
      let alignments = Self.alignments(delimiter)
    else { return nil }
    let header = Self.cells(lines[0])
    guard header.count == alignments.count else { return nil }
    self.alignments = alignments
    self.header = header
    rows = lines.dropFirst(2).map { line in
      let cells = Self.cells(line)
      return (0..<alignments.count).map { $0 < cells.count ? cells[$0] : [] }
    }
  }

  private static func lines(_ nodes: [MarkdownNode]) -> [[MarkdownNode]] {
    var lines: [[MarkdownNode]] = [[]]
    for node in nodes {
      if node.kind == .softBreak || node.kind == .lineBreak {
        lines.append([])
      } else {
        lines[lines.count - 1].append(node)
      }
    }
    return lines
  }

  /// `| :--- | :---: | ---: |` → left, center, right; `nil` unless every cell is dashes with optional colons.
  static func alignments(_ row: String) -> [Alignment]? {
    var cells = row.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if cells.first == "" { cells.removeFirst() }
    if cells.last == "" { cells.removeLast() }
    guard !cells.isEmpty, row.contains("|") || cells.count > 1 else { return nil }
    var alignments: [Alignment] = []
    for cell in cells {
      let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }), cell.filter({ $0 == ":" }).count <= 2 else {
        return nil
      }
      switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
      case (true, true): alignments.append(.center)
      case (true, false): alignments.append(.left)
      case (false, true): alignments.append(.right)
      case (false, false): alignments.append(.none)
      }
    }
    return alignments
  }

  /// A row's cells: its nodes split at `|` in text, without the outer pipes' empty cells.
  private static func cells(_ line: [MarkdownNode]) -> [[MarkdownNode]] {
    var cells: [[MarkdownNode]] = [[]]
    for node in line {
      guard case .text(let text) = node.kind, text.contains("|") else {
        cells[cells.count - 1].append(node)
        continue
      }
      let pieces = text.split(separator: "|", omittingEmptySubsequences: false)
      for (offset, piece) in pieces.enumerated() {
        if offset > 0 { cells.append([]) }
        if !piece.isEmpty { cells[cells.count - 1].append(MarkdownNode(.text(String(piece)), line: node.line)) }
      }
    }
    if let first = cells.first, isBlank(first) { cells.removeFirst() }
    if let last = cells.last, isBlank(last), line.last.map(endsWithPipe) == true { cells.removeLast() }
    return cells.map(trimmed)
  }

  private static func isBlank(_ cell: [MarkdownNode]) -> Bool {
    cell.allSatisfy { node in
      if case .text(let text) = node.kind { return text.allSatisfy(\.isWhitespace) }
      return false
    }
  }

  private static func endsWithPipe(_ node: MarkdownNode) -> Bool {
    if case .text(let text) = node.kind { return text.reversed().first { !$0.isWhitespace } == "|" }
    return false
  }

  /// The cell without the spaces around its content.
  private static func trimmed(_ cell: [MarkdownNode]) -> [MarkdownNode] {
    var cell = cell
    if let first = cell.first, case .text(let text) = first.kind {
      cell[0].kind = .text(String(text.drop(while: \.isWhitespace)))
    }
    if let last = cell.last, case .text(let text) = last.kind {
      cell[cell.count - 1].kind = .text(String(text.reversed().drop(while: \.isWhitespace).reversed()))
    }
    return cell.filter { $0.kind != .text("") }
  }
}

extension PageRenderer {
  /// A prose paragraph written as a pipe table, as an HTML table, or `nil`.
  mutating func pipeTable(_ paragraph: MarkdownNode, mathOffset: Int) -> String? {
    guard let table = PipeTable(paragraph) else { return nil }
    func row(_ cells: [[MarkdownNode]], tag: String) -> String {
      "<tr>"
        + zip(cells, table.alignments).map { cell, alignment in
          "<\(tag)\(Self.alignmentStyle(alignment))>\(inlines(cell, mathOffset: mathOffset))</\(tag)>"
        }.joined() + "</tr>\n"
    }
    var html =
      "<div class=\"prose-table\" tabindex=\"0\"><table>\n<thead>\n" + row(table.header, tag: "th") + "</thead>\n"
    if !table.rows.isEmpty { html += "<tbody>\n" + table.rows.map { row($0, tag: "td") }.joined() + "</tbody>\n" }
    return html + "</table></div>\n"
  }

  private static func alignmentStyle(_ alignment: PipeTable.Alignment) -> String {
    switch alignment {
    case .none: return ""
    case .left: return " style=\"text-align: left\""
    case .center: return " style=\"text-align: center\""
    case .right: return " style=\"text-align: right\""
    }
  }
}
