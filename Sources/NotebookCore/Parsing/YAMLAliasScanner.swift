/// Finds YAML aliases that refer to an anchor, by looking at the text before Yams composes it.
///
/// An alias repeats its anchor's node, so twelve lines of nested aliases stand for a billion
/// nodes: composing is cheap (the copies share storage) but hashing a key or describing a value
/// walks every copy. Front matter has no use for aliases, so they are refused before Yams sees
/// them. The scan over-approximates both sides (any `&name` and `*name` not inside a word,
/// quoted or not) and reports an alias only when an anchor of the same name exists, so a
/// formula like `a *b*` in a summary is not mistaken for one.
enum YAMLAliasScanner {
  /// An alias found in the text: its name and 1-based line within the YAML.
  struct Alias: Equatable {
    var name: String
    var line: Int
  }

  /// The first alias (in text order) whose name some anchor of the text defines.
  static func firstAlias(in yaml: String) -> Alias? {
    var anchors = Set<String>()
    var aliases: [Alias] = []
    var line = 1
    var previous: UInt8 = UInt8(ascii: "\n")
    let bytes = Array(yaml.utf8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") { line += 1 }
      if (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*")) && !isNameByte(previous) {
        let name = self.name(in: bytes, from: index + 1)
        if !name.isEmpty {
          if byte == UInt8(ascii: "&") { anchors.insert(name) } else { aliases.append(Alias(name: name, line: line)) }
        }
      }
      previous = byte
      index += 1
    }
    return aliases.first { anchors.contains($0.name) }
  }

  /// The anchor name starting at `start`: libyaml allows ASCII letters, digits, `-` and `_`.
  private static func name(in bytes: [UInt8], from start: Int) -> String {
    var end = start
    while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
      return true
    default:
      return false
    }
  }
}
