import Foundation
import Testing

/// A pseudo-terminal for a child's standard output and error, so the child sees a terminal
/// (`isatty` is true) and the test reads exactly what a terminal would receive.
final class PseudoTerminal: @unchecked Sendable {
  private let primary: Int32
  private let secondary: Int32
  private let lock = NSLock()
  private var received = Data()
  private let reading = DispatchGroup()

  /// `TIOCSPTLCK` and `TIOCGPTN`.
  private static let unlockRequest: UInt = 0x4004_5431
  private static let numberRequest: UInt = 0x8004_5430

  init() throws {
    // posix_openpt and its kin are not exported to Swift; these are the ioctls they use on Linux.
    primary = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard primary >= 0, ioctl(primary, Self.unlockRequest, &unlock) == 0,
      ioctl(primary, Self.numberRequest, &number) == 0
    else { throw POSIXError(.ENXIO) }
    secondary = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    guard secondary >= 0 else { throw POSIXError(.ENXIO) }
    reading.enter()
    Thread.detachNewThread { [self] in
      var buffer = [UInt8](repeating: 0, count: 4096)
      // Reading ends with EIO once every process holding the secondary side has closed it.
      while case let count = read(primary, &buffer, buffer.count), count > 0 {
        lock.withLock { received.append(contentsOf: buffer[0..<count]) }
      }
      reading.leave()
    }
  }

  /// Starts `executable` with its standard output and error on the terminal; the caller kills and reaps it.
  func start(_ executable: String, _ arguments: [String], in directory: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let handle = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    close(secondary)
    return process
  }

  /// Waits (at most `seconds`) until the terminal's other side is closed by every process, and
  /// returns what it received; a process still holding it then fails the running test.
  func finish(within seconds: Double) -> String {
    if reading.wait(timeout: .now() + seconds) != .success {
      Issue.record("the terminal is still open \(Int(seconds)) s after the process ended: a descendant holds it")
    }
    let text = lock.withLock { String(decoding: received, as: UTF8.self) }
    return text.replacingOccurrences(of: "\r\n", with: "\n")
  }

  deinit { close(primary) }
}
