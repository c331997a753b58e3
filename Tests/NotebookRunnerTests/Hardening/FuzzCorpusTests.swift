import Foundation
import Testing

/// Replays the fuzzing corpus (Tests/Hardening/corpus/) through the parser and the stream
/// splitter with the fuzz targets' own checks, so every input the fuzzer found interesting
/// stays a regression test. Reproduce one input with the fuzzer binary:
/// `Tests/Hardening/fuzz/build && .build/fuzz/fuzz-parser Tests/Hardening/corpus/parser/<file>`.
@Suite struct FuzzCorpusTests {
  static let corpus = ScratchProject.repository + "/Tests/Hardening/corpus"

  static func inputs(_ target: String) -> [String] {
    let folder = "\(corpus)/\(target)"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
  }

  @Test func theParserCorpusParsesAndKeepsItsInvariants() throws {
    let files = Self.inputs("parser")
    #expect(files.count >= 50, "the parser corpus is missing")
    for file in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
      if let problem = FuzzInvariants.checkParser(bytes) {
        Issue.record("\((file as NSString).lastPathComponent): \(problem)")
      }
    }
  }

  @Test func theStreamCorpusSplitsTheSameWayInAnyChunks() throws {
    let files = Self.inputs("stream")
    #expect(files.count >= 20, "the stream corpus is missing")
    for file in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
      if let problem = FuzzInvariants.checkStream(bytes) {
        Issue.record("\((file as NSString).lastPathComponent): \(problem)")
      }
    }
  }
}
