import Foundation
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
    let header = read(mapping, keyLines: keyLines(lines[1..<end]))
    if header.title.isEmpty {
      report(line: 1, "Missing required front matter key 'title'")
    }
    return (header, end + 1)
  }

  private mutating func load(_ yaml: String) -> [String: Any]? {
    do {
      guard let value = try Yams.load(yaml: yaml) else { return [:] }
      guard let mapping = value as? [String: Any] else {
        report(line: 2, "Front matter must be a mapping of 'key: value' lines")
        return nil
      }
      return mapping
    } catch let error as YamlError {
      let (line, message) = Self.location(of: error)
      report(line: line + 1, "Malformed front matter: \(message)")
      return nil
    } catch {
      report(line: 2, "Malformed front matter: \(error)")
      return nil
    }
  }

  private static func location(of error: YamlError) -> (Int, String) {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return (mark.line, problem)
    case .duplicatedKeysInMapping(let duplicates, _):
      return (1, "duplicated key '\(duplicates.joined(separator: "', '"))'")
    default:
      return (1, "\(error)")
    }
  }

  /// The file line of each top-level key.
  private func keyLines(_ lines: ArraySlice<Substring>) -> [String: Int] {
    var result: [String: Int] = [:]
    for (offset, line) in lines.enumerated() {
      guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { continue }
      result[String(line[..<colon])] = offset + 2
    }
    return result
  }

  private mutating func read(_ mapping: [String: Any], keyLines: [String: Int]) -> FrontMatter {
    var header = FrontMatter()
    for (key, value) in mapping.sorted(by: { $0.key < $1.key }) {
      let line = keyLines[key] ?? 2
      switch key {
      case "title": header.title = string(value, key: key, line: line) ?? ""
      case "original_title": header.originalTitle = string(value, key: key, line: line)
      case "source": header.source = string(value, key: key, line: line)
      case "date": header.date = string(value, key: key, line: line)
      case "summary": header.summary = string(value, key: key, line: line)
      case "inputs": header.inputs = strings(value, key: key, line: line)
      case "timeout": header.timeout = seconds(value, key: key, line: line) ?? header.timeout
      case "optimize": header.optimize = bool(value, key: key, line: line)
      default:
        let known = FrontMatter.knownKeys.joined(separator: ", ")
        report(line: line, "Unknown front matter key '\(key)' (known keys: \(known))")
      }
    }
    return header
  }

  private mutating func string(_ value: Any, key: String, line: Int) -> String? {
    switch value {
    case let text as String: return text
    case let number as Int: return String(number)
    case let number as Double: return String(number)
    case let date as Date: return Self.isoDay(date)
    default:
      report(line: line, "Front matter key '\(key)' must be text")
      return nil
    }
  }

  private mutating func strings(_ value: Any, key: String, line: Int) -> [String] {
    if let single = value as? String { return [single] }
    guard let list = value as? [Any], list.allSatisfy({ $0 is String }) else {
      report(line: line, "Front matter key '\(key)' must be a list of file paths")
      return []
    }
    return list.compactMap { $0 as? String }
  }

  private mutating func seconds(_ value: Any, key: String, line: Int) -> Double? {
    let number = (value as? Double) ?? (value as? Int).map(Double.init)
    guard let number, number > 0, number.isFinite else {
      report(line: line, "Front matter key '\(key)' must be a positive number of seconds, got '\(value)'")
      return nil
    }
    return number
  }

  private mutating func bool(_ value: Any, key: String, line: Int) -> Bool? {
    guard let flag = value as? Bool else {
      report(line: line, "Front matter key '\(key)' must be true or false, got '\(value)'")
      return nil
    }
    return flag
  }

  private mutating func report(line: Int, _ message: String) {
    diagnostics.append(Diagnostic(.error, file: file, line: line, message))
  }

  private static func isoDay(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
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
