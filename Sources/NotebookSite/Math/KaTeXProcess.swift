import Foundation

/// A `node` process running the KaTeX driver, which can be started before its formulas are known.
///
/// Starting `node`, loading KaTeX and warming it up take about 0.1 s. A build that is about to
/// compile a notebook starts one of these first, so that this happens on the other core while
/// the compiler works; the render then only sends the formulas. A process that is never used
/// is stopped with ``stop()``.
public final class KaTeXProcess: @unchecked Sendable {
  private let process = Process()
  private let stdin = Pipe()
  private let stdout = Pipe()
  private let stderr = Pipe()
  private let startError: SiteError?
  private let lock = NSLock()
  private var used = false

  /// Starts `node` with the driver; a failure to start is reported when formulas are sent.
  public init() {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["node", "-e", KaTeXDriver.source]
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    // A node that dies early must not kill the build with SIGPIPE while we write its input.
    signal(SIGPIPE, SIG_IGN)
    do {
      try process.run()
      startError = nil
    } catch {
      startError = SiteError(.nodeMissing)
    }
  }

  deinit { stop() }

  /// Sends one request and returns the driver's whole reply.
  ///
  /// A process answers once.
  func exchange(_ input: Data) throws -> Data {
    if let startError { throw startError }
    let first = lock.withLock {
      defer { used = true }
      return !used
    }
    guard first else { throw SiteError(.katexFailed("a KaTeX process was asked twice")) }
    // The driver reads all of stdin before it writes, so writing first cannot deadlock.
    try? stdin.fileHandleForWriting.write(contentsOf: input)
    try? stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 127 { throw SiteError(.nodeMissing) }
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errors.suffix(2000), as: UTF8.self)
      throw SiteError(.katexFailed("node exited with status \(process.terminationStatus): \(message)"))
    }
    return output
  }

  /// Stops the process if it was never asked anything.
  public func stop() {
    let unused = lock.withLock {
      defer { used = true }
      return !used
    }
    guard unused, startError == nil else { return }
    process.terminate()
    try? stdin.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}
