import Foundation
import NotebookCore
import Testing

@testable import NotebookRunner

private func record(_ nonce: String, _ kind: String, _ payload: String) -> [UInt8] {
  Array("\n\u{1}\(nonce) \(kind) \(payload.utf8.count)\n\(payload)".utf8)
}

@Test func recordsSplitTextIntoCellsInOrder() {
  var parser = OutputStreamParser(nonce: "n1")
  parser.consume(record("n1", "cell", "0") + Array("hello\n".utf8) + record("n1", "svg", "<svg/>"))
  parser.consume(Array("after".utf8) + record("n1", "cell", "1") + Array("two".utf8) + record("n1", "end", ""))
  parser.finish()
  #expect(parser.outputs[0] == [.text("hello\n"), .display(kind: .svg, content: "<svg/>"), .text("after")])
  #expect(parser.outputs[1] == [.text("two")])
  #expect(parser.reachedEnd)
}

@Test func textThatImitatesAMarkerWithoutTheNonceStaysText() {
  var parser = OutputStreamParser(nonce: "secret")
  let fake = "\n\u{1}guess cell 1\n\n\u{1}secretx end 0\n"
  parser.consume(record("secret", "cell", "0") + Array(fake.utf8))
  parser.finish()
  #expect(parser.outputs[0] == [.text(fake)])
  #expect(parser.currentCell == 0)
  #expect(!parser.reachedEnd)
}

@Test func recordsSplitAcrossChunksAreReassembled() {
  let stream =
    record("abc", "cell", "0") + Array("x".utf8) + record("abc", "check", #"{"passed":true,"claim":"c","detail":""}"#)
  var parser = OutputStreamParser(nonce: "abc")
  for byte in stream { parser.consume([byte]) }
  parser.finish()
  #expect(parser.outputs[0] == [.text("x"), .check(passed: true, claim: "c", detail: "")])
}

@Test func sanityRecordsDecodeAsSanityChecks() {
  let stream =
    record("n", "cell", "0") + record("n", "check", #"{"passed":false,"claim":"s","detail":"d","sanity":true}"#)
  var parser = OutputStreamParser(nonce: "n")
  parser.consume(stream)
  parser.finish()
  #expect(parser.outputs[0] == [.sanityCheck(passed: false, claim: "s", detail: "d")])
  #expect(parser.outputs[0]?.first?.isFailedCheck == true)
}

@Test func invalidUTF8IsReplacedNotFatal() {
  var parser = OutputStreamParser(nonce: "n")
  parser.consume(record("n", "cell", "0") + [0x66, 0xFF, 0xFE, 0x6F])
  parser.finish()
  #expect(parser.outputs[0] == [.text("f\u{FFFD}\u{FFFD}o")])
}

@Test func textBeyondTheLimitIsCountedAndDropped() {
  var parser = OutputStreamParser(nonce: "n", textLimitPerCell: 10)
  parser.consume(record("n", "cell", "0") + Array(repeating: UInt8(ascii: "a"), count: 25))
  parser.finish()
  #expect(parser.outputs[0] == [.text("aaaaaaaaaa"), .truncated(droppedBytes: 15)])
}

@Test func failedChecksKeepTheLineOfTheirCall() {
  var parser = OutputStreamParser(nonce: "k")
  parser.consume(
    record("k", "cell", "2")
      + record("k", "check", #"{"passed":true,"claim":"holds","detail":"","line":7}"#)
      + record("k", "check", #"{"passed":false,"claim":"fails","detail":"3 vs 4","line":9}"#)
      + record("k", "check", #"{"passed":false,"claim":"sane","detail":"","line":11,"sanity":true}"#)
      + record("k", "check", #"{"passed":false,"claim":"old runtime","detail":""}"#))
  parser.finish()
  #expect(
    parser.failedChecks == [
      .init(cell: 2, line: 9, claim: "fails", detail: "3 vs 4"),
      .init(cell: 2, line: 11, claim: "sane", detail: ""),
      .init(cell: 2, line: nil, claim: "old runtime", detail: ""),
    ])
}
