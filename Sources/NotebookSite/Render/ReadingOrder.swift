/// The order a reader goes through the site.
///
/// By date, oldest first (as the series was written), undated pages last, then by title and
/// file name. The index lists pages in it, and each page
/// links to the one before and after it.
enum ReadingOrder {
  /// What the order needs to know of a page.
  struct Key: Sendable, Equatable {
    var page: String
    var title: String
    var date: String?
  }

  /// The pages before and after one page, or `nil` at an end.
  struct Neighbours: Sendable, Equatable {
    var previous: Key?
    var next: Key?

    /// Pages with neither (a site of one page).
    static let none = Neighbours(previous: nil, next: nil)

    /// A stable text of the links, part of a page's render inputs: renaming a neighbour re-renders it.
    var identity: String {
      [previous, next].map { key in key.map { "\($0.page)\u{1}\($0.title)" } ?? "" }.joined(separator: "\u{2}")
    }
  }

  /// Whether `a` comes before `b`.
  static func precedes(_ a: Key, _ b: Key) -> Bool {
    switch (a.date, b.date) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: return (a.title, a.page) < (b.title, b.page)
    }
  }

  /// Each page's neighbours in reading order, by page file name.
  static func neighbours(of keys: [Key]) -> [String: Neighbours] {
    let ordered = keys.sorted(by: precedes)
    var result: [String: Neighbours] = [:]
    for (offset, key) in ordered.enumerated() {
      result[key.page] = Neighbours(
        previous: offset > 0 ? ordered[offset - 1] : nil,
        next: offset + 1 < ordered.count ? ordered[offset + 1] : nil)
    }
    return result
  }
}
