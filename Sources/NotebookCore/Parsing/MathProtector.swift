/// Finds `$…$` and `$$…$$` in prose and replaces each with a placeholder that
/// Markdown processing leaves alone, so underscores, asterisks and backslashes in
/// TeX survive.
///
/// Dollar signs follow Pandoc's rule: an opening `$` has a non-space character right after it,
/// a closing `$` a non-space character right before it and no digit right after it; a `$` that
/// does not open or has no closing one in its paragraph is a dollar sign. `$$` must close.
///
/// Lines are preserved: a formula spanning several lines leaves a continuation
/// mark on each following line, so cmark's line numbers still match the file.
///
/// The marks are private-use characters; where prose itself contains one, it becomes U+FFFD
/// (the same three bytes, so columns do not move), so no text can pose as a formula.
struct MathProtector {
  static let open: Character = "\u{E000}"
  static let close: Character = "\u{E001}"
  static let continuation: Character = "\u{E002}"

  /// The text with math replaced.
  private(set) var protected: [UInt8] = []
  /// The formulas found, in order.
  private(set) var spans: [MathSpan] = []
  /// Unterminated delimiters.
  private(set) var problems: [(line: Int, column: Int, message: String)] = []

  private let bytes: [UInt8]
  private let skippedLines: Set<Int>
  private var position = 0
  private var line = 1
  private var lineStart = 0
  /// Inline `$` before this index cannot close: a search from an earlier `$` found no closing up to here.
  private var inlineOpenersFailBefore = 0
  /// Whether `line` is skipped, looked up once per line rather than once per byte.
  private var skipped: (line: Int, isSkipped: Bool) = (0, false)

  /// Scans `text`, leaving the lines in `skippedLines` (code blocks) untouched.
  init(_ text: String, skippedLines: Set<Int>) {
    bytes = Array(text.utf8)
    self.skippedLines = skippedLines
    protected.reserveCapacity(bytes.count)
    scan()
  }

  /// The protected text as a string.
  var protectedText: String { String(decoding: protected, as: UTF8.self) }

  private mutating func scan() {
    while position < bytes.count {
      let byte = bytes[position]
      if skipped.line != line { skipped = (line, skippedLines.contains(line)) }
      if skipped.isSkipped {
        copyByte()
      } else if byte == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "$") {
        copyByte()
        copyByte()
      } else if byte == UInt8(ascii: "`") {
        copyCodeSpan()
      } else if byte == UInt8(ascii: "$") {
        scanMath()
      } else if isMark(at: position) {
        protected += [0xEF, 0xBF, 0xBD]
        position += 3
      } else {
        copyByte()
      }
    }
  }

  /// Whether the UTF-8 of U+E000, U+E001 or U+E002 (the marks) starts at `index`.
  private func isMark(at index: Int) -> Bool {
    bytes[index] == 0xEE && peek(1) == 0x80 && (0x80...0x82).contains(peek(2) ?? 0)
  }

  private func peek(_ offset: Int) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  private mutating func copyByte() {
    let byte = bytes[position]
    protected.append(byte)
    position += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      lineStart = position
    }
  }

  /// Copies a backtick code span verbatim; an unmatched run is literal backticks.
  private mutating func copyCodeSpan() {
    var runLength = 0
    while peek(runLength) == UInt8(ascii: "`") { runLength += 1 }
    var probe = position + runLength
    while probe < bytes.count, !isParagraphEnd(at: probe) {
      if bytes[probe] == UInt8(ascii: "`") {
        var closing = 0
        while probe + closing < bytes.count, bytes[probe + closing] == UInt8(ascii: "`") { closing += 1 }
        if closing == runLength {
          while position < probe + closing { copyByte() }
          return
        }
        probe += closing
      } else {
        probe += 1
      }
    }
    for _ in 0..<runLength { copyByte() }
  }

  private func isParagraphEnd(at index: Int) -> Bool {
    guard bytes[index] == UInt8(ascii: "\n") else { return false }
    var next = index + 1
    while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") {
      next += 1
    }
    return next >= bytes.count || bytes[next] == UInt8(ascii: "\n")
  }

  private mutating func scanMath() {
    let isDisplay = peek(1) == UInt8(ascii: "$")
    let delimiter = isDisplay ? 2 : 1
    let startLine = line
    let column = position - lineStart + 1
    // "$ " is a literal dollar sign, as in "costs $ 5"; so is a `$` an earlier search showed cannot close.
    if !isDisplay, peek(1).map(Self.isWhitespace) ?? true || position < inlineOpenersFailBefore {
      copyByte()
      return
    }
    guard let end = closingDelimiter(from: position + delimiter, display: isDisplay) else {
      // Pandoc's rule: a `$` without a closing one is a dollar sign ("costs $5"); `$$` must close.
      if isDisplay {
        problems.append(
          (startLine, column, "Unterminated display math '$$': no closing delimiter in the same paragraph"))
      }
      for _ in 0..<delimiter { copyByte() }
      return
    }
    let tex = String(decoding: bytes[(position + delimiter)..<end], as: UTF8.self)
    spans.append(MathSpan(tex: tex, isDisplay: isDisplay, line: startLine, column: column))
    protected.append(contentsOf: Array("\(Self.open)\(spans.count - 1)\(Self.close)".utf8))
    for index in position..<(end + delimiter) where bytes[index] == UInt8(ascii: "\n") {
      protected.append(UInt8(ascii: "\n"))
      protected.append(contentsOf: Array(String(Self.continuation).utf8))
      line += 1
      lineStart = index + 1
    }
    position = end + delimiter
  }

  /// The index of the closing delimiter; on failure, records how far inline openers cannot close, so
  /// a paragraph of many dollar signs costs one pass, not one per sign.
  private mutating func closingDelimiter(from start: Int, display: Bool) -> Int? {
    var index = start
    defer { if !display { inlineOpenersFailBefore = index } }
    while index < bytes.count {
      if isParagraphEnd(at: index) { return nil }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if byte == UInt8(ascii: "$") {
        if display {
          if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "$") { return index }
        } else if isInlineClosing(at: index, start: start) {
          return index
        }
      }
      index += 1
    }
    return nil
  }

  /// Pandoc's closing `$`: a non-space byte right before it and no digit right after it, so in
  /// "$20,000 and $30,000" neither `$` closes; nor does half of a `$$`.
  private func isInlineClosing(at index: Int, start: Int) -> Bool {
    guard index > start, !Self.isWhitespace(bytes[index - 1]), bytes[index - 1] != UInt8(ascii: "$") else {
      return false
    }
    guard index + 1 < bytes.count else { return true }
    let next = bytes[index + 1]
    return !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) && next != UInt8(ascii: "$")
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }
}
