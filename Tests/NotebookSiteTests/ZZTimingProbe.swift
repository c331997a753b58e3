import Foundation
import NotebookCore
import Testing
@testable import NotebookSite

@Test func zzTimingProbe() throws {
  let names = try FileManager.default.contentsOfDirectory(atPath: "notebooks").filter { $0.hasSuffix(".md") }.sorted()
  let pages = try names.map { name in
    SitePage(notebook: NotebookParser.parse(try String(contentsOfFile: "notebooks/" + name, encoding: .utf8), path: "notebooks/" + name), result: nil)
  }
  let start = Date()
  let (files, report) = try SiteBuilder(siteDirectory: "x").renderWithReport(pages)
  let total = Date().timeIntervalSince(start)
  let formulas = pages.map { $0.notebook.math.count }.reduce(0, +)
  let cells = pages.map { $0.notebook.cells.count }.reduce(0, +)
  print("PROBE pages=\(pages.count) formulas=\(formulas) cells=\(cells) total=\(total) math=\(report.mathSeconds) highlight=\(report.highlightSeconds) bytes=\(files.values.map(\.count).reduce(0,+))")
}
