import NotebookCore

/// Cleans what the Swift runtime prints when a program traps.
///
/// An unoptimised build prints "Current stack trace:" followed by frames with
/// memory addresses, and the backtracer announces itself with the faulting address
/// (`*** Signal 4: Backtracing from 0x7f…`) and may note threads it could not stop, by id
/// (`swift-runtime: failed to suspend thread 11756 …`); addresses and ids differ on every run and
/// pages must be reproducible, so those lines are dropped and the runtime's one-line message is kept.
enum CrashReport {
  /// The output with any stack trace removed from its text.
  static func withoutStackTrace(_ output: CellOutput) -> CellOutput {
    guard case .text(let text) = output,
      ["Current stack trace:", backtracerBanner, "swift-runtime: "].contains(where: { text.contains($0) })
    else { return output }
    var kept: [Substring] = []
    var inTrace = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("*** Signal "), line.contains(backtracerBanner) {
        if kept.last?.isEmpty == true { kept.removeLast() }  // The banner comes after a blank line of its own.
        continue
      }
      if line.hasPrefix("swift-runtime: ") { continue }
      if line.hasPrefix("Current stack trace:") {
        inTrace = true
        continue
      }
      if inTrace, isFrame(line) { continue }
      inTrace = false
      kept.append(line)
    }
    return .text(kept.joined(separator: "\n"))
  }

  private static let backtracerBanner = ": Backtracing from 0x"

  /// The Swift runtime's last words before a trap (`Fatal error: Index out of range`), from the
  /// cell's printed text, so that the terminal says why a cell crashed, not only which signal.
  static func runtimeMessage(in outputs: [CellOutput]) -> String? {
    let markers = ["Fatal error: ", "Precondition failed", "Assertion failed"]
    for output in outputs.reversed() {
      guard case .text(let text) = output else { continue }
      for line in text.split(separator: "\n").reversed() {
        guard let marker = markers.lazy.compactMap({ line.range(of: $0) }).first else { continue }
        let message = line[marker.lowerBound...].filter { !$0.isASCII || $0.isPrintable }
        return message.count > 200 ? String(message.prefix(200)) + "…" : String(message)
      }
    }
    return nil
  }

  /// A frame line: an index, or an address, then a symbol (`0 0x00005555 main + 12`).
  private static func isFrame(_ line: Substring) -> Bool {
    let trimmed = line.drop { $0 == " " }
    guard let first = trimmed.first else { return false }
    return first.isNumber || trimmed.hasPrefix("0x") || trimmed.hasPrefix("at ")
  }
}

extension Character {
  /// An ASCII character that is not a control character.
  fileprivate var isPrintable: Bool { (0x20..<0x7F).contains(asciiValue ?? 0) }
}
