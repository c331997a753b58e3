import Testing

@testable import NotebookSite

/// Request heads are read once per byte, within limits, and refused as soon as a limit is passed.
@Suite struct RequestHeadReaderTests {
  private func read(_ text: String, limits: RequestHeadReader.Limits = .init()) -> RequestHeadReader.Outcome {
    var reader = RequestHeadReader(limits: limits)
    return reader.append(Array(text.utf8))
  }

  @Test func aCompleteHeadIsReadWithItsFields() {
    let outcome = read("GET /a%20b?x=1 HTTP/1.1\r\nHost:  127.0.0.1:8000 \r\nAccept: */*\r\n\r\n")
    let expected = RequestHead(
      method: "GET", target: "/a%20b?x=1", version: "HTTP/1.1",
      fields: [.init(name: "Host", value: "127.0.0.1:8000"), .init(name: "Accept", value: "*/*")])
    #expect(outcome == .complete(expected))
    guard case .complete(let head) = outcome else { return }
    #expect(head.path == "/a%20b")
    #expect(head.field("host") == "127.0.0.1:8000")
    #expect(head.keepsAlive)
  }

  @Test func bytesArrivingOneAtATimeGiveTheSameHeadAndAreExaminedOnce() {
    let text = "GET / HTTP/1.1\r\nHost: localhost:1\r\n" + String(repeating: "X-Filler: abcdefghij\r\n", count: 600)
    var reader = RequestHeadReader(limits: .init(requestLineBytes: 8192, headBytes: 65536))
    var outcome = RequestHeadReader.Outcome.incomplete
    for byte in Array((text + "\r\n").utf8) { outcome = reader.append([byte]) }
    guard case .complete(let head) = outcome else {
      Issue.record("expected a complete head, got \(outcome)")
      return
    }
    #expect(head.fields.count == 601)
    #expect(reader.examinedByteCount == text.utf8.count + 2)
  }

  @Test func aLongRequestLineIsRefusedWith414BeforeItEnds() {
    var reader = RequestHeadReader(limits: .init(requestLineBytes: 100, headBytes: 1000))
    #expect(reader.append(Array("GET /".utf8)) == .incomplete)
    #expect(reader.append([UInt8](repeating: UInt8(ascii: "a"), count: 96)) == .rejected(.requestLineTooLong))
    #expect(reader.examinedByteCount == 101)
    #expect(RequestHeadReader.Rejection.requestLineTooLong.status == 414)
  }

  @Test func aLargeHeadIsRefusedWith431AfterExaminingOnlyTheLimit() {
    var reader = RequestHeadReader(limits: .init(requestLineBytes: 100, headBytes: 1000))
    let huge = Array(("GET / HTTP/1.1\r\nCookie: " + String(repeating: "c", count: 1_000_000)).utf8)
    #expect(reader.append(huge) == .rejected(.headTooLarge))
    #expect(reader.examinedByteCount == 1001)
    #expect(RequestHeadReader.Rejection.headTooLarge.status == 431)
    var many = RequestHeadReader(limits: .init(requestLineBytes: 100, headBytes: 1000))
    let lines = "GET / HTTP/1.1\r\n" + String(repeating: "A: b\r\n", count: 500)
    #expect(many.append(Array(lines.utf8)) == .rejected(.headTooLarge))
  }

  @Test func malformedHeadsAreRefusedWith400() {
    let cases = [
      "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET /a\u{1B}[2J HTTP/1.1\r\n\r\n",
      "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\n : empty name\r\n\r\n",
      "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nA: b\u{7}c\r\n\r\n", "GET / SPDY/3\r\n\r\n",
    ]
    for text in cases {
      guard case .rejected(let rejection) = read(text) else {
        Issue.record("accepted \(text.debugDescription)")
        continue
      }
      #expect(rejection.status == 400, "\(text.debugDescription)")
    }
  }

  @Test func otherHTTPVersionsAreRefusedWith505() {
    #expect(read("GET / HTTP/2.0\r\n\r\n") == .rejected(.unsupportedVersion))
  }

  @Test func bareLineFeedsAndLeadingEmptyLinesAreAccepted() {
    guard case .complete(let head) = read("\r\nGET / HTTP/1.0\nHost: x\n\n") else {
      Issue.record("not read")
      return
    }
    #expect(head.version == "HTTP/1.0")
    #expect(!head.keepsAlive)
  }

  @Test func bytesAfterTheHeadAreKeptForTheNextRequest() {
    var reader = RequestHeadReader()
    _ = reader.append(Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b".utf8))
    #expect(Array(reader.remainder) == Array("GET /b".utf8))
  }

  @Test func absoluteFormTargetsGiveTheirAuthorityAndPath() {
    let head = RequestHead(
      method: "GET", target: "http://LOCALHOST:8000/x/y?z", version: "HTTP/1.1",
      fields: [.init(name: "Host", value: "elsewhere")])
    #expect(head.authority == "LOCALHOST:8000")
    #expect(head.path == "/x/y")
  }
}
