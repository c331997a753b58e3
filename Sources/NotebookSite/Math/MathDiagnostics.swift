import Foundation
import NotebookCore

/// Turns KaTeX's errors and warnings into notebook diagnostics at the formula's position.
enum MathDiagnostics {
  /// One diagnostic per failed formula (error) and per strict-mode warning (warning).
  static func diagnose(_ requests: [MathRequest], _ results: [MathResult], file: String) -> [Diagnostic] {
    zip(requests, results).flatMap { request, result -> [Diagnostic] in
      switch result {
      case .rendered(_, let warnings):
        return warnings.map {
          Diagnostic(.warning, file: file, line: request.line, column: request.column, "TeX warning: \($0)")
        }
      case .failed(let message):
        let (text, position) = split(message)
        let (line, column) = locate(position, in: request)
        return [Diagnostic(.error, file: file, line: line, column: column, "TeX error in '\(request.tex)': \(text)")]
      case .refused(let message):
        return [Diagnostic(.error, file: file, line: request.line, column: request.column, message)]
      case .notTypeset:
        return []
      }
    }
  }

  /// KaTeX's message without its prefix and underlined context, for the page and the terminal.
  static func summary(_ message: String) -> String { split(message).text }

  /// Splits "KaTeX parse error: Undefined control sequence: \foo at position 4: x+\̲f̲o̲o̲" into the
  /// readable part and the 1-based position (UTF-16 units of the TeX, as JavaScript counts).
  private static func split(_ message: String) -> (text: String, position: Int?) {
    var text = message
    if text.hasPrefix("KaTeX parse error: ") { text.removeFirst("KaTeX parse error: ".count) }
    guard let marker = text.range(of: " at position ", options: .backwards) else { return (text, nil) }
    let digits = text[marker.upperBound...].prefix { $0.isNumber }
    let position = Int(digits)
    let end = text.index(marker.upperBound, offsetBy: digits.count)
    return (String(text[..<end]), position)
  }

  /// The file line and column of a position in the TeX, when the TeX appears verbatim in the file.
  private static func locate(_ position: Int?, in request: MathRequest) -> (Int, Int) {
    guard let position, request.delimiter > 0, position >= 1 else { return (request.line, request.column) }
    let prefix = String(decoding: request.tex.utf16.prefix(position - 1), as: UTF16.self)
    let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > 1, let last = lines.last else {
      return (request.line, request.column + request.delimiter + prefix.utf8.count)
    }
    return (request.line + lines.count - 1, last.utf8.count + 1)
  }
}
