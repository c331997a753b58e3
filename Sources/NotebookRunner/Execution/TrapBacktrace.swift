import Foundation

/// Where a trapped program stopped, in the notebook's own lines, read from the Swift runtime's crash report.
///
/// Programs are compiled with line tables and `#sourceLocation`, so the runtime's backtracer, asked
/// for a JSON report in a file (``environmentValue(reportPath:)``), names notebook lines. Frames in
/// `Lab` or the standard library are left out: the author can act on their own lines.
struct TrapBacktrace: Equatable {
  /// One frame that lies in the notebook.
  struct Frame: Equatable {
    /// The function, as the runtime names it (`helper(_:)`), or `top-level code`.
    var function: String
    /// Its line in the notebook.
    var line: Int
  }

  /// The innermost frames in the notebook, innermost first: at most ``frameLimit``.
  var frames: [Frame]

  /// How many of the notebook's frames a report keeps.
  static let frameLimit = 3

  /// The `SWIFT_BACKTRACE` setting that writes a JSON report to `reportPath`, or `enable=no` when
  /// the path cannot be spelled in the setting (it is a comma-separated list).
  static func environmentValue(reportPath: String) -> String {
    guard !reportPath.contains(",") else { return "enable=no" }
    return [
      "enable=yes", "interactive=no", "color=no", "format=json", "sanitize=yes", "threads=crashed",
      "registers=none", "images=none", "limit=64", "top=16", "output-to=\(reportPath)",
    ].joined(separator: ",")
  }

  /// The notebook's frames in the report at `path`, or `nil` when there is no report or none lie in the notebook.
  static func read(reportAt path: String, notebookPath: String) -> TrapBacktrace? {
    guard let data = FileManager.default.contents(atPath: path),
      let report = try? JSONDecoder().decode(Report.self, from: data),
      let thread = report.threads.first(where: { $0.crashed == true }) ?? report.threads.first
    else { return nil }
    let frames = thread.frames.compactMap { frame -> Frame? in
      guard let location = frame.sourceLocation, location.file == notebookPath, location.line > 0 else { return nil }
      return Frame(function: functionName(frame.description ?? ""), line: location.line)
    }
    return frames.isEmpty ? nil : TrapBacktrace(frames: Array(frames.prefix(frameLimit)))
  }

  /// The function the trap happened in, or `nil` when it is the cell's top-level code.
  var innermostFunction: String? {
    frames.first.flatMap { $0.function == Self.topLevel ? nil : $0.function }
  }

  /// The lines of the calls that led to the trap, innermost first.
  var callerLines: [Int] { frames.dropFirst().map(\.line) }

  private static let topLevel = "top-level code"

  /// `helper(_:) + 52` → `helper(_:)`; the program's `main` is the notebook's top-level code.
  private static func functionName(_ description: String) -> String {
    let name = description.range(of: " + ").map { String(description[..<$0.lowerBound]) } ?? description
    return name == "main" || name.isEmpty ? topLevel : name
  }

  private struct Report: Decodable {
    var threads: [Thread]
  }

  private struct Thread: Decodable {
    var crashed: Bool?
    var frames: [RawFrame]
  }

  private struct RawFrame: Decodable {
    var description: String?
    var sourceLocation: Location?
  }

  private struct Location: Decodable {
    var file: String
    var line: Int
  }
}
