/// Reads the leading `//| key: value` lines of a cell.
struct CellOptionParser {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// The line of each label seen so far, across the notebook's cells: a label names one anchor.
  private var labelLines: [String: Int] = [:]

  init(file: String) { self.file = file }

  /// Parses the options of a cell whose code starts at `firstLine`; returns them and the code that follows.
  mutating func parse(_ code: String, firstLine: Int) -> (CellOptions, code: String, codeLine: Int) {
    var options = CellOptions()
    var rest = code[...]
    var consumed = 0
    // Only the leading lines are looked at: a long cell costs no more than a short one.
    while true {
      let lineEnd = rest.firstIndex(of: "\n") ?? rest.endIndex
      let line = rest[..<lineEnd]
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      guard trimmed.hasPrefix("//|") else { break }
      let afterMarker = trimmed.dropFirst(3)
      let keyOffset = afterMarker.prefix { $0 == " " || $0 == "\t" }.utf8.count
      let column = line.utf8.count - trimmed.utf8.count + 3 + keyOffset + 1
      apply(afterMarker, to: &options, line: firstLine + consumed, column: column)
      consumed += 1
      rest = lineEnd < rest.endIndex ? rest[rest.index(after: lineEnd)...] : rest[lineEnd...]
    }
    return (options, String(rest), firstLine + consumed)
  }

  private mutating func apply(_ text: Substring, to options: inout CellOptions, line: Int, column: Int) {
    guard let colon = text.firstIndex(of: ":") else {
      report(line, column, "Cell option must be 'key: value', got '\(text.trimmed)'")
      return
    }
    let key = String(text[..<colon].trimmed)
    let value = String(text[text.index(after: colon)...].trimmed)
    switch key {
    case "echo": options.echo = bool(value, key, line, column) ?? options.echo
    case "output": options.output = bool(value, key, line, column) ?? options.output
    case "eval": options.eval = bool(value, key, line, column) ?? options.eval
    case "error": options.error = bool(value, key, line, column) ?? options.error
    case "fold": options.fold = bool(value, key, line, column) ?? options.fold
    case "label": options.label = label(value, line, column)
    case "caption": options.caption = value
    case "alt": options.alt = value
    case "timeout":
      if let seconds = Double(value), seconds > 0, seconds.isFinite {
        options.timeout = seconds
      } else {
        report(line, column, "Cell option 'timeout' must be a positive number of seconds, got '\(value)'")
      }
    case "tolerance":
      if let tolerance = NumericalTolerance.parse(value) {
        options.tolerance = tolerance
      } else {
        report(line, column, "Cell option 'tolerance' must be a relative tolerance from 0 to 1, got '\(value)'")
      }
    default:
      let known = CellOptions.knownKeys.joined(separator: ", ")
      report(line, column, "Unknown cell option '\(key)' (known options: \(known))")
    }
  }

  private mutating func bool(_ value: String, _ key: String, _ line: Int, _ column: Int) -> Bool? {
    switch value {
    case "true": return true
    case "false": return false
    default:
      report(line, column, "Cell option '\(key)' must be true or false, got '\(value)'")
      return nil
    }
  }

  private mutating func label(_ value: String, _ line: Int, _ column: Int) -> String? {
    let allowed = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    guard allowed, !value.isEmpty else {
      report(line, column, "Cell option 'label' must use letters, digits, '-' and '_', got '\(value)'")
      return nil
    }
    if let first = labelLines[value] {
      report(line, column, "Duplicate label '\(value)': line \(first) already uses it")
      return nil
    }
    labelLines[value] = line
    return value
  }

  private mutating func report(_ line: Int, _ column: Int, _ message: String) {
    diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, message))
  }
}

extension Substring {
  var trimmed: Substring {
    let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
    let end = lastIndex { $0 != " " && $0 != "\t" && $0 != "\r" }.map { index(after: $0) } ?? start
    return start < end ? self[start..<end] : self[start..<start]
  }
}
