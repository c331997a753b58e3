/// Decides where links and images in prose may point.
///
/// Script-bearing schemes (`javascript:`, `vbscript:`, `data:`) are refused; a relative link to
/// another notebook (`other.md`, `other.md#section`) becomes a link to its page.
enum LinkPolicy {
  /// The URL to put in `href`/`src`, or `nil` when the destination is refused.
  static func resolve(_ destination: String) -> String? {
    let squeezed = String(destination.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }).lowercased()
    for scheme in ["javascript:", "vbscript:", "data:"] where squeezed.hasPrefix(scheme) {
      return nil
    }
    return notebookPage(destination) ?? destination
  }

  private static func notebookPage(_ destination: String) -> String? {
    guard !destination.contains(":"), !destination.hasPrefix("/") else { return nil }
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    guard let path = parts.first, path.hasSuffix(".md") else { return nil }
    let name = path.split(separator: "/").last.map(String.init) ?? String(path)
    let page = String(name.dropLast(3)) + ".html"
    return parts.count > 1 ? page + "#" + parts[1] : page
  }
}
