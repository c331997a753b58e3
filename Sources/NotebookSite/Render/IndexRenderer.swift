/// The site's front page: every notebook with its title, original title, date, summary and status.
struct IndexRenderer {
  /// What the index shows of one notebook.
  struct Entry: Sendable, Codable, Equatable {
    var page: String
    var title: String
    var titleHTML: String
    var originalTitle: String?
    var date: String?
    var summaryHTML: String?
    var status: PageStatus

    var readingKey: ReadingOrder.Key { ReadingOrder.Key(page: page, title: title, date: date) }
  }

  let siteTitle: String
  let entries: [Entry]
  var guide: PageShell.GuideLink? = nil

  /// Entries newest first by date, undated pages (such as the authoring guide) last, ties by
  /// title and file name.
  ///
  /// A reader who comes back to the site comes for what is new, so it leads, as on the blog the
  /// notebooks follow; a series is still read oldest first through each page's previous and
  /// next links (``ReadingOrder``).
  static func ordered(_ entries: [Entry]) -> [Entry] {
    entries.sorted { a, b in
      switch (a.date, b.date) {
      case (let x?, let y?) where x != y: return x > y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return (a.title, a.page) < (b.title, b.page)
      }
    }
  }

  func render() -> String {
    let list = Self.ordered(entries).map(entry).joined()
    let body =
      "<div class=\"page\">\n<main id=\"main\">\n<header class=\"page-header\">\n"
      + "<h1>\(siteTitle.htmlEscaped)</h1>\n<p class=\"summary\">\(tally())</p>\n</header>\n"
      + "<ol class=\"notebook-list\">\n\(list)</ol>\n</main>\n</div>\n"
    return PageShell.document(
      title: siteTitle, description: tally(), siteTitle: siteTitle, isIndex: true, body: body, guide: guide)
  }

  private func tally() -> String {
    let passed = entries.map(\.status.checksPassed).reduce(0, +)
    let total = entries.map(\.status.checksTotal).reduce(0, +)
    let sanityPassed = entries.map(\.status.sanityPassed).reduce(0, +)
    let sanityTotal = entries.map(\.status.sanityTotal).reduce(0, +)
    let failed = entries.filter { $0.status.state == .failed }.count
    var parts = [entries.count == 1 ? "1 notebook" : "\(entries.count) notebooks"]
    parts.append("\(passed) of \(total) claims hold")
    if sanityTotal > 0 { parts.append("\(sanityPassed) of \(sanityTotal) sanity checks pass") }
    if failed > 0 { parts.append(failed == 1 ? "1 notebook failed" : "\(failed) notebooks failed") }
    return parts.joined(separator: " · ")
  }

  /// A page's file name as a relative URL: every byte but RFC 3986's unreserved characters
  /// percent-encoded, so `a#b?c%20.html` links to that file, not to a fragment or a query.
  static func pathSegmentEncoded(_ name: String) -> String {
    var encoded = ""
    for byte in name.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return encoded
  }

  private func entry(_ entry: Entry) -> String {
    var html =
      "<li class=\"entry entry-\(entry.status.state.rawValue)\">\n"
      + "<h2><a href=\"\(Self.pathSegmentEncoded(entry.page).htmlEscaped)\">\(entry.titleHTML)</a></h2>\n"
    if let original = entry.originalTitle {
      let language = PageShell.language(of: original).map { " lang=\"\($0)\"" } ?? ""
      html += "<p class=\"original\"><cite\(language)>\(original.htmlEscaped)</cite></p>\n"
    }
    var meta: [String] = []
    if let date = entry.date { meta.append(PageShell.time(date)) }
    meta.append(entry.status.badge)
    html += "<p class=\"meta\">\(meta.joined(separator: " <span class=\"sep\" aria-hidden=\"true\">·</span> "))</p>\n"
    if let summary = entry.summaryHTML { html += "<p class=\"summary\">\(summary)</p>\n" }
    return html + "</li>\n"
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
