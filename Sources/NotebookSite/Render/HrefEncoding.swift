/// Percent-encoding of link destinations, as cmark's own HTML renderer does it.
///
/// Letters, digits and `-_.+!*'(),%#@?=;:/&$` are kept (so an existing `%20` is not encoded
/// again); every other byte of the UTF-8, such as a space, a backslash or a non-ASCII letter,
/// becomes `%XX`. The result still needs HTML escaping for `&` and `'`.
enum HrefEncoding {
  private static let kept = Set("-_.+!*'(),%#@?=;:/&$".utf8)

  /// `destination` with the bytes a URL cannot carry percent-encoded.
  static func encode(_ destination: String) -> String {
    guard destination.utf8.contains(where: { !isKept($0) }) else { return destination }
    var result = ""
    result.reserveCapacity(destination.utf8.count + 16)
    for byte in destination.utf8 {
      if isKept(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
      }
    }
    return result
  }

  private static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default: kept.contains(byte)
    }
  }
}
