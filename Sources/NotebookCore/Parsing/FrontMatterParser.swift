import Yams

/// Reads the YAML header between the first two `---` lines.
struct FrontMatterParser {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  /// Splits the header off `lines`: returns the parsed header and the number of lines it used.
  mutating func parse(_ lines: [Substring]) -> (FrontMatter, lineCount: Int) {
    guard lines.first?.trimmingTrailingSpaces == "---" else {
      report(line: 1, "Missing front matter: a notebook starts with '---', a YAML header with a 'title', and '---'")
      return (FrontMatter(), 0)
    }
    guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" }) else {
      report(line: 1, "Unterminated front matter: no closing '---' line")
      return (FrontMatter(), 0)
    }
    let yaml = lines[1..<end].joined(separator: "\n")
    guard let mapping = load(yaml) else { return (FrontMatter(), end + 1) }
    let header = read(mapping)
    if header.title.isEmpty {
      report(line: 1, "Missing required front matter key 'title'")
    }
    return (header, end + 1)
  }

  /// Composes the YAML into nodes without resolving tags: each key's type is known here, and
  /// Yams' default resolver (regular expressions per scalar) was the slowest part of parsing.
  private mutating func load(_ yaml: String) -> Node.Mapping? {
    if let alias = YAMLAliasScanner.firstAlias(in: yaml) {
      report(
        line: alias.line + 1,
        "Front matter may not use YAML aliases ('*\(alias.name)'): write the value out instead")
      return nil
    }
    do {
      guard let node = try Yams.compose(yaml: yaml, Resolver.basic) else { return [:] }
      guard let mapping = node.mapping else {
        report(line: 2, "Front matter must be a mapping of 'key: value' lines")
        return nil
      }
      return mapping
    } catch let error as YamlError {
      let (line, column, message) = Self.location(of: error)
      report(line: line + 1, column: column, "Malformed front matter: \(message)\(Self.hint(for: message))")
      return nil
    } catch {
      report(line: 2, "Malformed front matter: \(error)")
      return nil
    }
  }

  private static func location(of error: YamlError) -> (line: Int, column: Int, message: String) {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return (mark.line, max(1, mark.column), problem)
    case .duplicatedKeysInMapping(let duplicates, _):
      return (1, 1, "duplicated key '\(duplicates.joined(separator: "', '"))'")
    default:
      return (1, 1, "\(error)")
    }
  }

  /// How to fix the error an author meets most: TeX's backslashes inside double quotes.
  private static func hint(for problem: String) -> String {
    problem.contains("escape") ? quotingHint : ""
  }

  private static let quotingHint =
    "; in double quotes a backslash starts an escape, so write TeX in single quotes "
    + "(summary: 'The $\\alpha$ rule') or a block scalar ('summary: >-' with the text indented below)"

  private mutating func read(_ mapping: Node.Mapping) -> FrontMatter {
    var header = FrontMatter()
    let entries = mapping.compactMap { key, value in key.scalar.map { ($0, value) } }
    for (key, value) in entries.sorted(by: { $0.0.string < $1.0.string }) {
      // Marks count from 1 and the YAML starts on the file's second line.
      let line = (key.mark?.line ?? 1) + 1
      header.keyLines[key.string] = line
      switch key.string {
      case "title": header.title = string(value, key: key.string, line: line) ?? ""
      case "original_title": header.originalTitle = string(value, key: key.string, line: line)
      case "source": header.source = string(value, key: key.string, line: line)
      case "date": header.date = date(value, key: key.string, line: line)
      case "summary": header.summary = string(value, key: key.string, line: line)
      case "inputs": header.inputs = strings(value, key: key.string, line: line)
      case "timeout": header.timeout = seconds(value, key: key.string, line: line) ?? header.timeout
      case "optimize": header.optimize = bool(value, key: key.string, line: line)
      case "platform": header.platform = platform(value, line: line)
      case "tolerance": header.tolerance = tolerance(value, line: line)
      case "bibliography": header.bibliography = string(value, key: key.string, line: line)
      default:
        let known = FrontMatter.knownKeys.joined(separator: ", ")
        report(line: line, "Unknown front matter key '\(key.string)' (known keys: \(known))")
      }
    }
    return header
  }

  /// A scalar's text, or nil for a YAML null (`~`, `null`, or nothing, unquoted).
  private static func text(_ node: Node) -> String? {
    guard let scalar = node.scalar else { return nil }
    let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    return isNull ? nil : scalar.string
  }

  private mutating func string(_ value: Node, key: String, line: Int) -> String? {
    guard let text = Self.text(value) else {
      report(line: line, "Front matter key '\(key)' must be text")
      return nil
    }
    if value.scalar?.style == .doubleQuoted, let control = text.unicodeScalars.first(where: Self.isControl) {
      // `"$\alpha$"` is valid YAML: `\a` is the bell character, so TeX silently loses letters.
      let code = String(control.value, radix: 16, uppercase: true)
      report(
        line: line, column: value.mark?.column ?? 1,
        "Front matter key '\(key)' holds control character U+\(String(repeating: "0", count: 4 - code.count))\(code) "
          + "from a backslash escape in double quotes\(Self.quotingHint)")
      return nil
    }
    return text
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F
  }

  private mutating func date(_ value: Node, key: String, line: Int) -> String? {
    guard let text = string(value, key: key, line: line) else { return nil }
    guard text.isEmpty || CalendarDate(text) != nil else {
      report(
        line: line, "Front matter key '\(key)' must be a date 'YYYY-MM-DD', got '\(text.prefix(Self.excerptLimit))'")
      return nil
    }
    return text
  }

  private mutating func strings(_ value: Node, key: String, line: Int) -> [String] {
    if let single = Self.text(value) { return [single] }
    let items = value.sequence.map { $0.map(Self.text) } ?? [nil]
    guard items.allSatisfy({ $0 != nil }) else {
      report(line: line, "Front matter key '\(key)' must be a list of file paths")
      return []
    }
    return items.compactMap { $0 }
  }

  private mutating func seconds(_ value: Node, key: String, line: Int) -> Double? {
    let text = Self.text(value)
    guard let number = text.flatMap(Double.init), number > 0, number.isFinite else {
      report(line: line, "Front matter key '\(key)' must be a positive number of seconds, got '\(Self.shown(value))'")
      return nil
    }
    return number
  }

  private mutating func platform(_ value: Node, line: Int) -> String? {
    let text = Self.text(value)
    guard let text, NumericalPlatform.choices.contains(text) else {
      let known = NumericalPlatform.choices.joined(separator: ", ")
      report(line: line, "Front matter key 'platform' must be one of \(known), got '\(Self.shown(value))'")
      return nil
    }
    return text
  }

  private mutating func tolerance(_ value: Node, line: Int) -> Double? {
    guard let number = Self.text(value).flatMap(NumericalTolerance.parse) else {
      report(
        line: line, "Front matter key 'tolerance' must be a relative tolerance from 0 to 1, got '\(Self.shown(value))'")
      return nil
    }
    return number
  }

  private mutating func bool(_ value: Node, key: String, line: Int) -> Bool? {
    switch Self.text(value) {
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
    default:
      report(line: line, "Front matter key '\(key)' must be true or false, got '\(Self.shown(value))'")
      return nil
    }
  }

  /// A value as a message shows it: at most ``excerptLimit`` characters, and never more nodes than that.
  private static func shown(_ value: Node) -> String {
    var excerpt = ""
    appendExcerpt(of: value, to: &excerpt)
    guard excerpt.count > excerptLimit else { return excerpt }
    return excerpt.prefix(excerptLimit) + "…"
  }

  /// How many characters of a bad value a message quotes.
  static let excerptLimit = 80

  private static func appendExcerpt(of value: Node, to excerpt: inout String) {
    guard excerpt.count <= excerptLimit else { return }
    if let text = text(value) {
      excerpt += text.prefix(excerptLimit + 1)
    } else if let items = value.sequence {
      excerpt += "["
      for (index, item) in items.enumerated() {
        guard excerpt.count <= excerptLimit else { return }
        if index > 0 { excerpt += ", " }
        appendExcerpt(of: item, to: &excerpt)
      }
      excerpt += "]"
    } else {
      excerpt += value.scalar == nil ? "a mapping" : "null"
    }
  }

  private mutating func report(line: Int, column: Int = 1, _ message: String) {
    diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, message))
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var end = endIndex
    while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\r" {
      end = index(before: end)
    }
    return self[startIndex..<end]
  }
}
