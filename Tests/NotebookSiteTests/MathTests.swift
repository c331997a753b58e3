import Foundation
import NotebookCore
import Testing

@testable import NotebookSite

/// Math is typeset at build time; a TeX error is a diagnostic at its line and visible on the page.
@Suite struct MathTests {
  @Test func formulasAreTypesetWithoutDollarSigns() throws {
    let body = "Inline $a_1 * b_2$ and display\n\n$$\\frac{1}{2}$$\n"
    let html = try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: nil))
    #expect(html.contains("class=\"katex\""))
    #expect(html.contains("class=\"katex-display\""))
    #expect(!html.contains("$a_1"))
    #expect(html.contains("<annotation encoding=\"application/x-tex\">a_1 * b_2</annotation>"))
  }

  @Test func texErrorIsADiagnosticAtItsLineAndColumn() throws {
    let body = "Fine $x$.\n\nBroken: $x + \\undefinedmacro$ here.\n"
    let page = SitePage(notebook: Fixtures.notebook(body, slug: "bad"), result: nil)
    let (files, report) = try SiteBuilder(siteDirectory: "unused").renderWithReport([page])
    let error = try #require(report.diagnostics.first { $0.severity == .error })
    #expect(error.file == "notebooks/bad.md")
    #expect(error.line == 6)
    #expect(error.column == 14, "the column of '\\undefinedmacro' inside '$x + \\undefinedmacro$' at column 9")
    #expect(error.message.contains("Undefined control sequence"))
    let html = String(decoding: try #require(files["bad.html"]), as: UTF8.self)
    #expect(html.contains("<span class=\"math-error\" role=\"note\">"))
    #expect(html.contains("<code>x + \\undefinedmacro</code>"))
    #expect(html.contains("bad.md:6:14"), "the page lists the problem")
    #expect(files["index.html"].map { String(decoding: $0, as: UTF8.self).contains("status-failed") } == true)
  }

  @Test func texErrorInMathOutputPointsAtTheCell() throws {
    let page = SitePage(
      notebook: Fixtures.notebook("\n```swift\nshow(Math(\"\\\\oops\"))\n```\n"),
      result: Fixtures.result([.display(kind: .math, content: "\\oops{")]))
    let report = try SiteBuilder(siteDirectory: "unused").renderWithReport([page]).report
    let error = try #require(report.diagnostics.first)
    #expect(error.line == 5)
  }

  @Test func macrosDefinedInProseServeLaterFormulas() throws {
    let body = "$\\gdef\\R{\\mathbb{R}}$ and then $x \\in \\R$.\n"
    let report = try SiteBuilder(siteDirectory: "unused").renderWithReport([
      SitePage(notebook: Fixtures.notebook(body), result: nil)
    ]).report
    #expect(report.diagnostics.isEmpty)
  }

  @Test func katexStylesheetReferencesOnlyShippedFonts() throws {
    let files = try SiteBuilder(siteDirectory: "unused").renderAll([])
    let css = String(decoding: try #require(files["assets/katex/katex.min.css"]), as: UTF8.self)
    #expect(!css.contains(".ttf"))
    #expect(!css.contains(".woff)"))
    let fonts = files.keys.filter { $0.hasPrefix("assets/katex/fonts/") }
    #expect(fonts.count >= 19)
    for font in fonts {
      #expect(css.contains("url(fonts/\(font.split(separator: "/").last ?? ""))"))
    }
  }

  @Test func aProcessStartedAheadGivesTheSamePage() throws {
    let page = SitePage(notebook: Fixtures.notebook("Inline $a^2$ and $$\\sum_i x_i$$\n"), result: nil)
    var builder = SiteBuilder(siteDirectory: "unused")
    let plain = try builder.renderAll([page])
    builder.katexProcess = KaTeXProcess()
    let ahead = try builder.renderAll([page])
    #expect(plain == ahead)
    #expect(throws: SiteError.self, "a process answers once") { try builder.katexProcess?.exchange(Data("{}".utf8)) }
  }

  @Test func anUnusedProcessStops() throws {
    let process = KaTeXProcess()
    process.stop()
    #expect(throws: SiteError.self, "a stopped process answers nothing") { try process.exchange(Data("{}".utf8)) }
  }
}
