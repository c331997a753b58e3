import Foundation

/// KaTeX's stylesheet and the WOFF2 fonts it references, read from the KaTeX distribution
/// and laid out under `assets/katex/` so the stylesheet's relative `fonts/…` URLs resolve.
enum KaTeXAssets {
  /// Relative path → bytes, for `assets/katex/katex.min.css` and `assets/katex/fonts/*.woff2`.
  ///
  /// Only WOFF2 is shipped (every browser that renders KaTeX reads it), so the stylesheet's
  /// WOFF and TrueType fallbacks are removed rather than left pointing at missing files.
  ///
  /// - Parameter distDirectory: KaTeX's `dist` folder, as the math driver reported it.
  /// - Throws: ``SiteError`` when the stylesheet or a font it names is missing.
  static func files(distDirectory: String) throws -> [String: Data] {
    let candidates = [distDirectory, "/usr/share/javascript/katex"]
    guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/katex.min.css") })
    else {
      throw SiteError(.assetMissing("katex.min.css"))
    }
    let css = try String(contentsOfFile: folder + "/katex.min.css", encoding: .utf8)
    let (rewritten, fonts) = try woff2Only(css)
    var files = ["assets/katex/katex.min.css": Data(rewritten.utf8)]
    for font in fonts {
      let path = folder + "/fonts/" + font
      guard let data = FileManager.default.contents(atPath: path) else { throw SiteError(.assetMissing(path)) }
      files["assets/katex/fonts/" + font] = data
    }
    return files
  }

  /// The stylesheet without WOFF/TrueType sources, and the WOFF2 file names it references.
  static func woff2Only(_ css: String) throws -> (String, [String]) {
    let fallback = try Regex(#",url\(fonts/[A-Za-z0-9_-]+\.(woff|ttf)\) format\('(woff|truetype)'\)"#)
    let rewritten = css.replacing(fallback, with: "")
    let reference = try Regex(#"url\(fonts/([A-Za-z0-9_-]+\.woff2)\)"#)
    let names = rewritten.matches(of: reference).compactMap { $0.output[1].substring.map(String.init) }
    return (rewritten, Array(Set(names)).sorted())
  }
}
