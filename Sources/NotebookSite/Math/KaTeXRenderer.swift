import Foundation

/// Typesets every formula of a build in one `node` process running Debian's `katex` module.
///
/// Starting `node` costs about 0.1 s, so formulas are sent in one batch rather than one
/// process per formula.
enum KaTeXRenderer {
  /// The rendered formulas, page by page, and where KaTeX's distribution (CSS, fonts) lives.
  struct Batch: Sendable {
    var version: String
    var distDirectory: String
    var pages: [[MathResult]]
  }

  private struct Request: Encodable { var pages: [[MathRequest]] }

  private struct Response: Decodable {
    struct Entry: Decodable {
      var html: String?
      var warnings: [String]?
      var error: String?
    }
    var version: String?
    var dist: String?
    var pages: [[Entry]]?
    var missing: String?
  }

  /// Typesets `pages` (each a list of formulas sharing macros) in one `node` run: `process`
  /// if one was started ahead, else a new one.
  ///
  /// - Throws: ``SiteError`` when `node` or the `katex` module is missing or `node` fails.
  static func render(_ pages: [[MathRequest]], process: KaTeXProcess?) throws -> Batch {
    let input = try JSONEncoder().encode(Request(pages: pages))
    let output = try (process ?? KaTeXProcess()).exchange(input)
    guard let response = try? JSONDecoder().decode(Response.self, from: output) else {
      throw SiteError(.katexFailed("unreadable output '\(String(decoding: output.prefix(200), as: UTF8.self))'"))
    }
    if let missing = response.missing { throw SiteError(.katexMissing(missing)) }
    guard let version = response.version, let dist = response.dist, let rendered = response.pages,
      rendered.map(\.count) == pages.map(\.count)
    else {
      throw SiteError(.katexFailed("the reply does not match the request"))
    }
    let results = rendered.map { page in
      page.map { entry -> MathResult in
        if let html = entry.html { return .rendered(html: html, warnings: entry.warnings ?? []) }
        return .failed(message: entry.error ?? "unknown KaTeX error")
      }
    }
    return Batch(version: version, distDirectory: dist, pages: results)
  }
}
