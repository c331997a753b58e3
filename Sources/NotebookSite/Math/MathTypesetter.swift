/// Typesets a build's formulas, reusing a cache's results for pages whose formulas did not
/// change, and starting `node` only for the rest (or for nothing, when everything is cached).
enum MathTypesetter {
  /// Results per page, and the KaTeX installation they come from.
  struct Typeset: Sendable {
    var pages: [[MathResult]]
    var stamp: RenderCache.KaTeXStamp
  }

  /// Typesets `pages` (each a list of formulas sharing macros), with `process` if KaTeX must run
  /// and one was started ahead.
  ///
  /// - Throws: ``SiteError`` when KaTeX must run and is missing.
  static func typeset(_ pages: [[MathRequest]], cache: RenderCache, process: KaTeXProcess? = nil) throws -> Typeset {
    let cached = pages.map { cache.math[RenderCache.mathKey($0)] }
    if let stamp = cache.katex, cached.allSatisfy({ $0 != nil }) {
      return Typeset(pages: cached.map { $0 ?? [] }, stamp: stamp)
    }
    let missing = pages.indices.filter { cached[$0] == nil }
    let batch = try KaTeXRenderer.render(missing.map { pages[$0] }, process: process)
    let stamp =
      RenderCache.KaTeXStamp.current(version: batch.version, distDirectory: batch.distDirectory)
      ?? RenderCache.KaTeXStamp(
        version: batch.version, distDirectory: batch.distDirectory, scriptSize: 0, scriptModified: 0)
    if let previous = cache.katex, previous != stamp, missing.count < pages.count {
      // Another KaTeX answered this time: nothing cached may be mixed with its output.
      return try typeset(pages, cache: RenderCache())
    }
    var results = cached
    for (index, page) in zip(missing, batch.pages) { results[index] = page }
    return Typeset(pages: results.map { $0 ?? [] }, stamp: stamp)
  }
}
