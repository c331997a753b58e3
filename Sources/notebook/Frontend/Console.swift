import Foundation

/// Writes to the terminal: progress that rewrites one line on a TTY, plain lines otherwise.
enum Console {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var hasStatusLine = false

  /// Whether standard error is a terminal.
  static let isTerminal = isatty(2) != 0

  /// Prints a line to standard output.
  static func line(_ text: String) {
    lock.withLock {
      clearStatus()
      FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
  }

  /// Prints a line to standard error.
  static func error(_ text: String) {
    lock.withLock {
      clearStatus()
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }
  }

  /// Shows a transient status: rewritten in place on a terminal, omitted otherwise.
  static func status(_ text: String) {
    guard isTerminal else { return }
    lock.withLock {
      FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
      hasStatusLine = true
    }
  }

  private static func clearStatus() {
    guard hasStatusLine else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    hasStatusLine = false
  }
}
