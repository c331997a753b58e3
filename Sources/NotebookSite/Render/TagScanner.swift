/// Splits markup into tags and text the way an HTML parser would see them, for inspection only.
///
/// Attribute values have their character references decoded (`&#106;` → `j`) and are lower-cased,
/// so checks cannot be dodged by encoding. Comments, CDATA sections and declarations are skipped.
struct TagScanner {
  struct Tag {
    /// The lower-cased element name.
    var name: String
    var isClosing: Bool
    var isSelfClosing: Bool
    /// Lower-cased names with decoded, lower-cased, whitespace-free values.
    var attributes: [(String, String)]
  }

  enum Item {
    case tag(Tag)
    case text(isBlank: Bool)
    case malformed
  }

  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func next() -> Item? {
    guard position < bytes.count else { return nil }
    guard bytes[position] == UInt8(ascii: "<") else { return text() }
    if starts(with: "<!--") { return skip(past: "-->") }
    if starts(with: "<![CDATA[") { return skip(past: "]]>") }
    if starts(with: "<!") || starts(with: "<?") { return skip(past: ">") }
    return tag()
  }

  private mutating func text() -> Item {
    var isBlank = true
    while position < bytes.count, bytes[position] != UInt8(ascii: "<") {
      if !Self.isSpace(bytes[position]) { isBlank = false }
      position += 1
    }
    return .text(isBlank: isBlank)
  }

  private func starts(with prefix: String) -> Bool {
    let prefixBytes = Array(prefix.utf8)
    guard position + prefixBytes.count <= bytes.count else { return false }
    return Array(bytes[position..<(position + prefixBytes.count)]) == prefixBytes
  }

  private mutating func skip(past terminator: String) -> Item {
    while position < bytes.count {
      if starts(with: terminator) {
        position += terminator.utf8.count
        return .text(isBlank: true)
      }
      position += 1
    }
    return .malformed
  }

  private mutating func tag() -> Item {
    position += 1
    let isClosing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
    if isClosing { position += 1 }
    let name = word()
    guard !name.isEmpty else { return .malformed }
    var attributes: [(String, String)] = []
    while true {
      skipSpaces()
      guard position < bytes.count else { return .malformed }
      if bytes[position] == UInt8(ascii: ">") {
        position += 1
        return .tag(Tag(name: name, isClosing: isClosing, isSelfClosing: false, attributes: attributes))
      }
      if starts(with: "/>") {
        position += 2
        return .tag(Tag(name: name, isClosing: isClosing, isSelfClosing: true, attributes: attributes))
      }
      if bytes[position] == UInt8(ascii: "/") {
        position += 1
        continue
      }
      let attribute = word()
      guard !attribute.isEmpty else { return .malformed }
      attributes.append((attribute, value()))
    }
  }

  private mutating func word() -> String {
    let start = position
    while position < bytes.count, !Self.isSpace(bytes[position]),
      !"/>=\"'<".utf8.contains(bytes[position])
    {
      position += 1
    }
    return String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
  }

  private mutating func value() -> String {
    skipSpaces()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return "" }
    position += 1
    skipSpaces()
    guard position < bytes.count else { return "" }
    let quote = bytes[position]
    let raw: ArraySlice<UInt8>
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      let start = position + 1
      var end = start
      while end < bytes.count, bytes[end] != quote { end += 1 }
      raw = bytes[start..<min(end, bytes.count)]
      position = min(end + 1, bytes.count)
    } else {
      let start = position
      while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
        position += 1
      }
      raw = bytes[start..<position]
    }
    let decoded = CharacterReferences.decode(String(decoding: raw, as: UTF8.self))
    return String(decoded.lowercased().unicodeScalars.filter { $0.value > 0x20 })
  }

  private mutating func skipSpaces() {
    while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
}
