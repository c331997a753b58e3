/// A problem found in a notebook, located at a 1-based line and column of its file.
///
/// Parsing never throws: every input is some notebook plus a list of diagnostics.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable, Codable {
    /// The notebook fails to build; the page still renders and shows it.
    case error
    /// Shown, but the build succeeds.
    case warning
  }

  /// How serious it is.
  public var severity: Severity
  /// The notebook's path as given on the command line, relative to the project root.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// The 1-based column (UTF-8 bytes), or 1 when only the line is known.
  public var column: Int
  /// A sentence-case message with the bad value in single quotes.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, file: String, line: Int, column: Int = 1, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: error: message`, the form compilers and editors understand.
  public var description: String {
    "\(file):\(line):\(column): \(severity.rawValue): \(message)"
  }
}
