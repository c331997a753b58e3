public import Foundation
import NotebookCore
import NotebookSupport

/// Renders notebooks into a static site: one page per notebook, an index, the assets
/// (stylesheet, KaTeX's stylesheet and fonts), and each notebook's Markdown in `source/`.
///
/// Math is typeset by KaTeX and code highlighted by swift-syntax at build time, so pages need
/// no JavaScript (a small inline script only adds copy buttons to code blocks). Rendering is deterministic: the same pages give the same bytes (no
/// timestamps, no timings, stable ids, sorted output).
public struct SiteBuilder: Sendable {
  /// The site's folder, relative to the working directory or absolute.
  public var siteDirectory: String
  /// The name shown in the site bar and as the index's heading.
  public var siteTitle: String = "Notebooks"
  /// A folder for highlighted code and typeset math from earlier builds, or `nil` for none.
  ///
  /// With it, a build highlights only changed code and runs KaTeX only for
  /// pages whose formulas changed (not at all when none did). The pages are the same bytes
  /// either way.
  public var cacheDirectory: String?
  /// A `node` process started ahead of the render, used if any formula must be typeset.
  public var katexProcess: KaTeXProcess?
  /// How much math a page and a KaTeX process may take.
  public var mathLimits = MathLimits()
  /// The folder of the site's search index, made from the rendered pages by Pagefind after a
  /// build (`scripts/search-index`): the builder never writes or removes it, and `notebook check`
  /// leaves it to that script's own check.
  public static let searchIndexFolder = "pagefind"
  /// The notebook every page's site bar links to as the guide to writing notebooks, by its file
  /// name without `.md`; no link when the site has no such page.
  public var guideSlug: String = "authoring"

  /// Creates a builder that writes into `siteDirectory` (for example `site`).
  public init(siteDirectory: String) {
    self.siteDirectory = siteDirectory
  }

  /// Creates a builder that writes into `siteDirectory` and keeps its render cache in `cacheDirectory`.
  public init(siteDirectory: String, cacheDirectory: String?) {
    self.siteDirectory = siteDirectory
    self.cacheDirectory = cacheDirectory
  }

  /// Renders every page, the index and the assets, and writes what changed.
  ///
  /// Each file is written atomically and only when its bytes differ; pages of notebooks that
  /// are not in `pages` and assets no longer used are removed. Other files in the folder are
  /// left alone. A file that cannot be written (a full disk) does not stop the others: a page
  /// becomes an error of its notebook, any other file an entry of
  /// ``SiteBuildReport/failedWrites``.
  /// - Throws: ``SiteError`` when KaTeX is missing. Problems in notebooks are diagnostics in
  ///   the report, never thrown.
  public func build(_ pages: [SitePage]) throws -> SiteBuildReport {
    var memo: PageMemo? = PageMemo.load(cacheDirectory: cacheDirectory, siteDirectory: siteDirectory)
    var rendering = try render(pages, memo: &memo)
    let writer = SiteWriter(root: URL(fileURLWithPath: siteDirectory, isDirectory: true))
    let outcome = writer.write(rendering.files, keeping: rendering.kept)
    remember(&memo, failures: Set(outcome.failures.map { $0.path }))
    rendering.report.writtenFiles = outcome.written
    rendering.report.removedFiles = outcome.removed
    let notebooks = Dictionary(
      pages.map { ($0.notebook.slug + ".html", $0.notebook.path) }, uniquingKeysWith: { first, _ in first })
    for failure in outcome.failures {
      if let notebook = notebooks[failure.path] {
        rendering.report.diagnostics.append(Diagnostic(.error, file: notebook, line: 1, failure.error.description))
      } else {
        rendering.report.failedWrites.append(failure.error.description)
      }
    }
    return rendering.report
  }

  /// The whole site in memory: relative path (`index.html`, `x.html`, `assets/…`) → bytes.
  ///
  /// `notebook check` compares this with the committed site.
  /// - Throws: ``SiteError`` when KaTeX is missing.
  public func renderAll(_ pages: [SitePage]) throws -> [String: Data] {
    var none: PageMemo? = nil
    return try render(pages, memo: &none).files
  }

  /// The site and a report whose diagnostics and timings are filled in (nothing written).
  public func renderWithReport(_ pages: [SitePage]) throws -> (files: [String: Data], report: SiteBuildReport) {
    var none: PageMemo? = nil
    let rendering = try render(pages, memo: &none)
    return (rendering.files, rendering.report)
  }

  /// The files rendered, the pages kept as they are in the site, and the report.
  struct Rendering {
    var files: [String: Data]
    var kept: Set<String>
    var report: SiteBuildReport
  }

  /// Renders the site; with a memo, pages it shows unchanged are kept (and the memo is updated
  /// to what this render produced, file stamps still to be filled in by ``remember(_:failures:)``).
  private func render(_ pages: [SitePage], memo: inout PageMemo?) throws -> Rendering {
    let (unique, collisions) = Self.uniqueSlugs(pages)
    let prepared = unique.map(PreparedPage.init)
    let cache = RenderCache.load(from: cacheDirectory)
    let clock = ContinuousClock()
    let mathStart = clock.now
    let math = try MathTypesetter.typeset(
      prepared.map(\.requests), cache: cache, process: katexProcess, limits: mathLimits)
    let mathSeconds = Self.seconds(clock.now - mathStart)

    var files: [String: Data] = [:]
    var report = SiteBuildReport(diagnostics: collisions, mathSeconds: mathSeconds)
    var entries: [IndexRenderer.Entry] = []
    var highlights: [String: String] = [:]
    var kept = Set<String>()
    var nextMemo = PageMemo()
    let neighbours = ReadingOrder.neighbours(
      of: unique.map {
        ReadingOrder.Key(
          page: $0.notebook.slug + ".html", title: $0.notebook.frontMatter.title, date: $0.notebook.frontMatter.date)
      })
    let references = CrossReferences(prepared)
    let guide = unique.first { $0.notebook.slug == guideSlug }.map {
      PageShell.GuideLink(page: $0.notebook.slug + ".html", title: $0.notebook.frontMatter.title)
    }
    let inputs = zip(unique, prepared).map { page, prepared in
      PageMemo.inputs(of: page, siteTitle: siteTitle, katexVersion: math.stamp.version).map {
        $0 + "\u{0}" + (guide?.identity ?? "") + "\u{0}"
          + (neighbours[page.notebook.slug + ".html"] ?? .none).identity + "\u{0}"
          + references.identity(ofReferencesIn: prepared.notebook) + "\u{0}"
          + CitationProcessor.bibliographyIdentity(prepared.notebook)
      }
    }
    let reused: [PageMemo.Entry?] = zip(unique, inputs).map { page, inputs in
      let file = page.notebook.slug + ".html"
      guard let inputs, let old = memo?.pages[file], old.inputs == inputs,
        PageMemo.stamp("\(siteDirectory)/\(file)") == old.file
      else { return nil }
      return old
    }
    let toRender = Array(zip(prepared, math.pages).enumerated().filter { reused[$0.offset] == nil })
    let rendered = parallelMap(toRender) { item in
      let (prepared, results) = item.element
      let start = clock.now
      let page = renderPage(
        prepared, math: results, katexVersion: math.stamp.version, highlights: cache.highlights,
        neighbours: neighbours[prepared.notebook.slug + ".html"] ?? .none, references: references, guide: guide)
      return (page, seconds: Self.seconds(clock.now - start))
    }
    var renderedByIndex = Dictionary(uniqueKeysWithValues: zip(toRender.map(\.offset), rendered))
    for index in unique.indices {
      if let old = reused[index] {
        let file = old.index.page
        kept.insert(file)
        entries.append(old.index)
        report.diagnostics += old.diagnostics
        for key in old.highlightKeys { highlights[key] = cache.highlights[key] }
        nextMemo.pages[file] = old
        continue
      }
      guard let (page, seconds) = renderedByIndex.removeValue(forKey: index) else { continue }
      report.pageSeconds[page.path] = seconds
      files[page.entry.page] = Data(Self.withoutNUL(page.html).utf8)
      entries.append(page.entry)
      report.diagnostics += page.diagnostics
      report.highlightSeconds += page.highlightSeconds
      highlights.merge(page.highlights) { first, _ in first }
      if let inputs = inputs[index] {
        nextMemo.pages[page.entry.page] = PageMemo.Entry(
          inputs: inputs, file: "", index: page.entry, diagnostics: page.diagnostics,
          highlightKeys: page.highlights.keys.sorted())
      }
    }
    if memo != nil { memo = nextMemo }
    files["index.html"] = Data(
      Self.withoutNUL(IndexRenderer(siteTitle: siteTitle, entries: entries, guide: guide).render()).utf8)
    files["assets/site.css"] = Data(Stylesheet.css.utf8)
    files.merge(SourceFiles.files(unique.map(\.notebook))) { first, _ in first }
    files.merge(try KaTeXAssets.files(distDirectory: math.stamp.distDirectory)) { first, _ in first }

    // A page that was not typeset is not remembered: a later build with other limits, or a KaTeX
    // that no longer fails, typesets it.
    let typeset = zip(prepared.map { RenderCache.mathKey($0.requests) }, math.pages).filter { _, results in
      !results.contains { if case .refused = $0 { return true } else { return false } }
    }
    let updated = RenderCache(
      katex: math.stamp, highlights: highlights, math: Dictionary(typeset) { first, _ in first })
    if updated.katex != cache.katex || updated.highlights != cache.highlights || updated.math != cache.math {
      updated.save(to: cacheDirectory)
    }
    return Rendering(files: files, kept: kept, report: report)
  }

  /// Records the stamps of the pages as written, and stores the memo.
  private func remember(_ memo: inout PageMemo?, failures: Set<String>) {
    guard var pages = memo?.pages else { return }
    for (file, entry) in pages {
      guard !failures.contains(file), let stamp = PageMemo.stamp("\(siteDirectory)/\(file)") else {
        pages.removeValue(forKey: file)
        continue
      }
      if entry.file.isEmpty {
        pages[file]?.file = stamp
      } else if entry.file != stamp {
        pages.removeValue(forKey: file)  // changed by someone else while this build ran
      }
    }
    PageMemo(pages: pages).save(cacheDirectory: cacheDirectory, siteDirectory: siteDirectory)
  }

  private func renderPage(
    _ page: PreparedPage, math: [MathResult], katexVersion: String, highlights: [String: String],
    neighbours: ReadingOrder.Neighbours, references: CrossReferences, guide: PageShell.GuideLink?
  ) -> (
    path: String, html: String, entry: IndexRenderer.Entry, diagnostics: [Diagnostic], highlightSeconds: Double,
    highlights: [String: String]
  ) {
    let notebook = page.notebook
    let mathDiagnostics = MathDiagnostics.diagnose(page.requests, math, file: notebook.path)
    let problems = notebook.diagnostics + (page.result?.diagnostics ?? []) + mathDiagnostics
    let errors = problems.filter { $0.severity == .error }.count
    let status = PageStatus(result: page.result, errors: errors)
    var renderer = PageRenderer(
      page: page, math: math, siteTitle: siteTitle, katexVersion: katexVersion, status: status,
      problems: Self.sorted(problems), highlightCache: highlights, neighbours: neighbours, references: references)
    renderer.guide = guide
    let html = renderer.render()
    let entry = IndexRenderer.Entry(
      page: notebook.slug + ".html", title: notebook.frontMatter.title,
      titleHTML: renderer.inlineText(notebook.frontMatter.title, fragment: page.title),
      originalTitle: notebook.frontMatter.originalTitle, date: notebook.frontMatter.date,
      summaryHTML: notebook.frontMatter.summary.map { renderer.inlineText($0, fragment: page.summary) },
      status: status)
    return (
      notebook.path, html, entry, mathDiagnostics + renderer.outputDiagnostics, renderer.highlightSeconds,
      renderer.usedHighlights
    )
  }

  /// Pages whose file names are free; a second notebook with the same name is reported, not rendered.
  private static func uniqueSlugs(_ pages: [SitePage]) -> ([SitePage], [Diagnostic]) {
    var seen: [String: String] = ["index": "the site's index page"]
    var kept: [SitePage] = []
    var diagnostics: [Diagnostic] = []
    for page in pages.sorted(by: { $0.notebook.path < $1.notebook.path }) {
      let slug = page.notebook.slug
      if let other = seen[slug] {
        diagnostics.append(
          Diagnostic(.error, file: page.notebook.path, line: 1, "Page '\(slug).html' is already used by \(other)"))
        continue
      }
      seen[slug] = "'\(page.notebook.path)'"
      kept.append(page)
    }
    return (kept, diagnostics)
  }

  /// NUL never reaches a page (browsers differ on what they make of it): it becomes U+FFFD,
  /// as HTML's parser would turn it in text.
  private static func withoutNUL(_ html: String) -> String {
    html.utf8.contains(0) ? html.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : html
  }

  private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.sorted { ($0.line, $0.column, $0.message) < ($1.line, $1.column, $1.message) }
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
