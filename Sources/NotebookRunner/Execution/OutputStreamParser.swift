import Foundation
import NotebookCore
import NotebookWire

/// Splits a notebook program's output stream back into per-cell outputs.
///
/// The stream is the program's merged stdout and stderr: free text, interleaved
/// with the records that `NotebookRuntime` frames (``RecordFraming``).
/// Only records carrying this run's nonce count, so printed text cannot forge one.
/// Text is kept as bytes until a cell ends and then decoded as UTF-8 with invalid
/// sequences replaced, so a program that prints garbage cannot break the page.
struct OutputStreamParser {
  /// The outputs collected so far, by cell index.
  private(set) var outputs: [Int: [CellOutput]] = [:]
  /// The cell that most recently started, if any.
  private(set) var currentCell: Int?
  /// Whether the program reported its normal end.
  private(set) var reachedEnd = false
  /// Total bytes received.
  private(set) var totalBytes = 0
  /// When each cell started, by index.
  private(set) var cellStartTimes: [Int: Date] = [:]
  /// The checks that failed, in order, with the lines of their calls.
  private(set) var failedChecks: [FailedCheck] = []

  /// A check that failed: what it claimed, what was measured, and where it was called.
  struct FailedCheck: Equatable {
    var cell: Int
    /// The line of the `check` call in the notebook, when the record carried one.
    var line: Int?
    var claim: String
    var detail: String
  }

  private let marker: [UInt8]
  private let textLimitPerCell: Int
  private var buffer: [UInt8] = []
  private var pendingText: [UInt8] = []
  private var textBytesInCell = 0
  private var droppedBytesInCell = 0

  /// Creates a parser for a run whose records carry `nonce`.
  init(nonce: String, textLimitPerCell: Int = 1 << 20) {
    marker = RecordFraming.marker(nonce: nonce)
    self.textLimitPerCell = textLimitPerCell
  }

  /// Feeds the next chunk of the stream.
  mutating func consume(_ chunk: [UInt8], at time: Date = Date()) {
    totalBytes += chunk.count
    buffer.append(contentsOf: chunk)
    var start = 0
    while true {
      guard let markerIndex = find(marker, in: buffer, from: start) else {
        // Keep a tail that might be the beginning of a marker split across chunks.
        let safeEnd = max(start, buffer.count - marker.count + 1)
        appendText(buffer[start..<safeEnd])
        start = safeEnd
        break
      }
      guard let (header, payload, next) = record(at: markerIndex + marker.count) else {
        appendText(buffer[start..<markerIndex])
        start = markerIndex
        break
      }
      appendText(buffer[start..<markerIndex])
      handle(header, payload: payload, time: time)
      start = next
    }
    buffer.removeFirst(start)
  }

  /// Flushes everything left at the end of the stream.
  mutating func finish() {
    appendText(buffer[...])
    buffer = []
    flushText()
  }

  /// Appends an output to a cell (for errors the runner adds itself).
  mutating func append(_ output: CellOutput, toCell index: Int) {
    if index == currentCell { flushText() }
    outputs[index, default: []].append(output)
  }

  private func record(at headerStart: Int) -> (RecordFraming.Header, [UInt8], Int)? {
    guard let newline = buffer[headerStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
    let header = RecordFraming.header(buffer[headerStart..<newline])
    // A program can read its nonce and forge a header: a malformed length is skipped, not a trap.
    guard let length = header.byteCount else { return (header, [], newline + 1) }
    let payloadEnd = newline + 1 + length
    guard payloadEnd <= buffer.count else { return nil }
    return (header, Array(buffer[(newline + 1)..<payloadEnd]), payloadEnd)
  }

  private mutating func handle(_ header: RecordFraming.Header, payload: [UInt8], time: Date) {
    guard header.byteCount != nil else { return }
    let text = String(decoding: payload, as: UTF8.self)
    switch header.kind {
    case .cellStarted:
      guard let index = Int(text), index >= 0 else { return }  // Forged by the program: not a cell.
      flushText()
      currentCell = index
      textBytesInCell = 0
      droppedBytesInCell = 0
      if let currentCell { cellStartTimes[currentCell] = time }
    case .programEnded:
      flushText()
      reachedEnd = true
    case .check:
      let (output, line) = Self.decodeCheck(text)
      if case .check(false, let claim, let detail) = output {
        failedChecks.append(FailedCheck(cell: currentCell ?? 0, line: line, claim: claim, detail: detail))
      } else if case .sanityCheck(false, let claim, let detail) = output {
        failedChecks.append(FailedCheck(cell: currentCell ?? 0, line: line, claim: claim, detail: detail))
      }
      appendOutput(output)
    case .thrown:
      appendOutput(.error(CellError(.thrown, text)))
    case .display(let kind):
      appendOutput(.display(kind: kind, content: text))
    case nil:
      appendOutput(.error(CellError(.other, "Output of unknown kind '\(header.name)' is not shown")))
    }
  }

  private static func decodeCheck(_ json: String) -> (CellOutput, line: Int?) {
    guard let record = try? JSONDecoder().decode(CheckRecord.self, from: Data(json.utf8)) else {
      return (.error("Malformed check record"), nil)
    }
    if record.sanity == true {
      return (.sanityCheck(passed: record.passed, claim: record.claim, detail: record.detail), record.line)
    }
    return (.check(passed: record.passed, claim: record.claim, detail: record.detail), record.line)
  }

  private mutating func appendOutput(_ output: CellOutput) {
    flushText()
    outputs[currentCell ?? 0, default: []].append(output)
  }

  private mutating func appendText(_ bytes: ArraySlice<UInt8>) {
    guard !bytes.isEmpty else { return }
    let room = max(0, textLimitPerCell - textBytesInCell)
    let kept = bytes.prefix(room)
    pendingText.append(contentsOf: kept)
    textBytesInCell += kept.count
    droppedBytesInCell += bytes.count - kept.count
  }

  private mutating func flushText() {
    let cell = currentCell ?? 0
    if !pendingText.isEmpty {
      outputs[cell, default: []].append(.text(String(decoding: pendingText, as: UTF8.self)))
      pendingText = []
    }
    if droppedBytesInCell > 0 {
      outputs[cell, default: []].append(.truncated(droppedBytes: droppedBytesInCell))
      droppedBytesInCell = 0
    }
  }
}

/// The first index at or after `start` where `needle` occurs in `haystack`.
func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
  guard let first = needle.first, haystack.count - start >= needle.count else { return nil }
  var index = start
  let last = haystack.count - needle.count
  while index <= last {
    guard let candidate = haystack[index...last].firstIndex(of: first) else { return nil }
    if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
    index = candidate + 1
  }
  return nil
}
