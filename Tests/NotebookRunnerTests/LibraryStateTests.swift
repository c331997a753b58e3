import Foundation
import Testing

@testable import NotebookRunner

/// The dependency graph takes calls into `Lab` to link no cells: that holds only while `Lab` keeps no state.
@Suite struct LibraryStateTests {
  @Test func theScanFindsClassesGlobalVariablesAndStoredStatics() {
    let source = """
      var counter = 0
      let constant = 1
      final class Box {}
      actor Worker {}
      struct S {
        static var shared = 0
        static var computed: Int { 1 }
        var instance = 0
        static var observed = 0 { didSet {} }
        func f() { var local = 0; local += 1 }
      }
      """
    #expect(
      LibraryStateScan.statefulDeclarations(in: source) == [
        "1: var counter", "3: class Box", "4: actor Worker", "6: static var shared", "9: static var observed",
      ])
  }

  @Test func labKeepsNoStateBetweenCells() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let sources = root.appendingPathComponent("Sources")
    let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasPrefix("Lab") }
    #expect(modules.contains("Lab"))
    var found: [String] = []
    var scanned = 0
    for module in modules {
      let folder = sources.appendingPathComponent(module)
      for case let file as String in FileManager.default.enumerator(atPath: folder.path) ?? .init()
      where file.hasSuffix(".swift") {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        scanned += 1
        found += LibraryStateScan.statefulDeclarations(in: text).map { "Sources/\(module)/\(file):\($0)" }
      }
    }
    #expect(scanned > 50)
    #expect(found.isEmpty, "state the dependency graph cannot see: \(found)")
  }
}
