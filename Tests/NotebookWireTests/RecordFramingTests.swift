import NotebookWire
import Testing

/// The record format the runtime writes is the one the runner reads.
@Suite struct RecordFramingTests {
  private static let allKinds: [RecordKind] =
    [.cellStarted, .programEnded, .check, .thrown] + DisplayKind.allCases.map(RecordKind.display)

  @Test func everyKindRoundTripsThroughItsWireName() {
    for kind in Self.allKinds {
      #expect(RecordKind(wireName: kind.wireName) == kind)
    }
    #expect(Set(Self.allKinds.map(\.wireName)).count == Self.allKinds.count, "two kinds share a name")
    #expect(RecordKind(wireName: "summary-row") == .display(.summaryRow))
    #expect(RecordKind(wireName: "picture") == nil)
  }

  @Test func aRecordStartsWithTheMarkerAndAnnouncesItsPayloadInBytes() {
    let payload = "é<svg/>"
    let record = Array(RecordFraming.record(.display(.svg), payload: payload, nonce: "n0nce").utf8)
    let marker = RecordFraming.marker(nonce: "n0nce")
    #expect(Array(record.prefix(marker.count)) == marker)
    let rest = record.dropFirst(marker.count)
    let newline = rest.firstIndex(of: UInt8(ascii: "\n"))
    let header = RecordFraming.header(rest[..<(newline ?? rest.endIndex)])
    #expect(header == RecordFraming.Header(name: "svg", byteCount: payload.utf8.count))
    #expect(header.kind == .display(.svg))
    #expect(Array(rest[((newline ?? rest.startIndex) + 1)...]) == Array(payload.utf8))
  }

  @Test func aForgedHeaderWithABadLengthIsMalformed() {
    for line in ["check -1", "check 99999999999999999", "check", "check 1 2", "check x"] {
      #expect(RecordFraming.header(Array(line.utf8)).byteCount == nil, "\(line)")
    }
  }
}
