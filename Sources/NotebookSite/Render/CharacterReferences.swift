/// Decodes numeric character references and the few named ones that matter for URL checks.
enum CharacterReferences {
  static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "&", let (scalar, end) = reference(in: text, at: index) {
        result.unicodeScalars.append(scalar)
        index = end
      } else {
        result.append(text[index])
        index = text.index(after: index)
      }
    }
    return result
  }

  private static let named: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t",
    "newline": "\n",
  ]

  private static func reference(in text: String, at start: String.Index) -> (Unicode.Scalar, String.Index)? {
    var index = text.index(after: start)
    var body = ""
    while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "#",
      body.count < 12
    {
      body.append(text[index])
      index = text.index(after: index)
    }
    if index < text.endIndex, text[index] == ";" { index = text.index(after: index) }
    if body.hasPrefix("#x") || body.hasPrefix("#X") {
      return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { ($0, index) }
    }
    if body.hasPrefix("#") {
      return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { ($0, index) }
    }
    return named[body.lowercased()].map { ($0, index) }
  }
}
