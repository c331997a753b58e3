/// Typesets a build's formulas, reusing a cache's results for pages whose formulas did not
/// change, and starting `node` only for the rest (or for nothing, when everything is cached).
///
/// One page never stops the others: a page over ``MathLimits`` is not sent to KaTeX, pages go
/// in batches of bounded size, and a batch whose `node` fails is sent again page by page, so
/// only the page KaTeX cannot handle fails (with one error at its first formula).
enum MathTypesetter {
  /// Results per page, and the KaTeX installation they come from.
  struct Typeset: Sendable {
    var pages: [[MathResult]]
    var stamp: RenderCache.KaTeXStamp
  }

  /// Typesets `pages` (each a list of formulas sharing macros), with `process` for the first
  /// batch if KaTeX must run and one was started ahead.
  ///
  /// - Throws: ``SiteError`` when KaTeX must run and `node` or the `katex` module is missing.
  static func typeset(
    _ pages: [[MathRequest]], cache: RenderCache, process: KaTeXProcess? = nil, limits: MathLimits = MathLimits()
  ) throws -> Typeset {
    var results = pages.map { cache.math[RenderCache.mathKey($0)] }
    for index in pages.indices where results[index] == nil {
      if let crossing = limits.crossing(pages[index]) {
        results[index] = refusal(of: pages[index], at: crossing, because: tooMuch(pages[index], limits))
      }
    }
    let missing = pages.indices.filter { results[$0] == nil }
    if missing.isEmpty, let stamp = cache.katex {
      return Typeset(pages: results.map { $0 ?? [] }, stamp: stamp)
    }
    var session = Session(pages: pages, process: process)
    for batch in limits.batches(pages, indices: missing) {
      for (index, page) in try session.render(batch) { results[index] = page }
    }
    let stamp = try session.stamp()
    if let previous = cache.katex, previous != stamp, missing.count < pages.count {
      // Another KaTeX answered this time: nothing cached may be mixed with its output.
      return try typeset(pages, cache: RenderCache(), limits: limits)
    }
    return Typeset(pages: results.map { $0 ?? [] }, stamp: stamp)
  }

  /// The results of a page that is not typeset: `message` at formula `index`, nothing elsewhere.
  static func refusal(of page: [MathRequest], at index: Int, because message: String) -> [MathResult] {
    page.indices.map { $0 == index ? .refused(message: message) : .notTypeset }
  }

  private static func tooMuch(_ page: [MathRequest], _ limits: MathLimits) -> String {
    let bytes = page.reduce(0) { $0 + $1.tex.utf8.count }
    return "Too much math for one page (\(page.count) formulas, \(bytes) bytes of TeX; at most "
      + "\(limits.formulasPerPage) formulas and \(limits.texBytesPerPage) bytes): no formula of this page "
      + "is typeset; split the notebook"
  }

  /// The `node` runs of one typesetting, and the KaTeX installation the first successful one reported.
  private struct Session {
    let pages: [[MathRequest]]
    var process: KaTeXProcess?
    var installation: (version: String, dist: String)?

    init(pages: [[MathRequest]], process: KaTeXProcess?) {
      self.pages = pages
      self.process = process
    }

    /// Typesets the pages `batch` in one process; if `node` fails, again one page per process.
    mutating func render(_ batch: [Int]) throws -> [(Int, [MathResult])] {
      do {
        let answer = try KaTeXRenderer.render(batch.map { pages[$0] }, process: takeProcess())
        installation = installation ?? (answer.version, answer.distDirectory)
        return Array(zip(batch, answer.pages))
      } catch let error as SiteError where error.isRendererFailure {
        guard batch.count == 1, let index = batch.first else {
          return try batch.flatMap { try render([$0]) }
        }
        let message = "KaTeX failed on this page's math, so none of it is typeset: \(error)"
        return [(index, refusal(of: pages[index], at: 0, because: message))]
      }
    }

    /// The installation's stamp, asking an empty batch if no batch reported one.
    mutating func stamp() throws -> RenderCache.KaTeXStamp {
      if installation == nil {
        let answer = try KaTeXRenderer.render([], process: takeProcess())
        installation = (answer.version, answer.distDirectory)
      }
      let (version, dist) = installation ?? ("", "")
      return RenderCache.KaTeXStamp.current(version: version, distDirectory: dist)
        ?? RenderCache.KaTeXStamp(version: version, distDirectory: dist, scriptSize: 0, scriptModified: 0)
    }

    private mutating func takeProcess() -> KaTeXProcess? {
      defer { process = nil }
      return process
    }
  }
}
