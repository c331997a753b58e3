/// Hands out unique element ids for one page: slugs for headings, author labels for cells.
///
/// Ids are stable: they depend only on the text they come from and on what came earlier
/// on the page, so links to a section keep working while the rest of the page changes.
struct AnchorRegistry {
  private var used: Set<String> = []

  /// Claims `id` exactly if it is free, otherwise `id-1`, `id-2`, … (the first free one).
  mutating func claim(_ id: String) -> String {
    var candidate = id
    var counter = 0
    while used.contains(candidate) {
      counter += 1
      candidate = "\(id)-\(counter)"
    }
    used.insert(candidate)
    return candidate
  }

  /// Claims an id made from heading text.
  mutating func claim(heading text: String) -> String {
    claim(Self.slug(text))
  }

  /// Lower-cased letters and digits of `text` (any script), words joined by `-`;
  /// `section` when nothing is left.
  static func slug(_ text: String) -> String {
    var slug = ""
    var pendingDash = false
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingDash, !slug.isEmpty { slug.append("-") }
        pendingDash = false
        slug.append(character)
      } else if character == " " || character == "-" || character == "_" || character == "\t" {
        pendingDash = true
      }
    }
    return slug.isEmpty ? "section" : slug
  }
}
