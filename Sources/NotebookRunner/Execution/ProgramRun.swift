import Foundation
import NotebookCore
import NotebookWire

/// One execution of a compiled notebook program, with per-cell and whole-notebook timeouts.
struct ProgramRun {
  /// What the run produced.
  struct Outcome {
    var parser: OutputStreamParser
    var termination: ChildProcess.Termination
    var endTime: Date
  }

  let executable: String
  let notebook: Notebook
  let limits: ExecutionLimits
  let environment: [String: String]

  /// Runs the program, reporting each cell start to `onCell`.
  func run(onCell: (Int) -> Void) throws -> Outcome {
    let nonce = Self.makeNonce()
    var parser = OutputStreamParser(nonce: nonce, textLimitPerCell: limits.textPerCell)
    var childEnvironment = environment
    childEnvironment[RunEnvironment.nonce] = nonce
    // The program compares this with its parent, so that it ends even if the runner died before it started.
    childEnvironment[RunEnvironment.runnerProcess] = String(getpid())
    let process = ChildProcess(
      executable: executable, arguments: [], environment: childEnvironment, memoryLimit: limits.memory,
      descendantMarker: "\(RunEnvironment.nonce)=\(nonce)", contained: true)
    let start = Date()
    let notebookDeadline = start.addingTimeInterval(notebook.frontMatter.timeout)
    let cellTimeouts = Dictionary(uniqueKeysWithValues: notebook.cells.map { ($0.index, $0.options.timeout) })
    var reportedCell: Int?

    let termination = try process.run(
      onOutput: { chunk in
        parser.consume(chunk)
        if let cell = parser.currentCell, cell != reportedCell {
          reportedCell = cell
          onCell(cell)
        }
      },
      shouldStop: {
        let now = Date()
        if now > notebookDeadline {
          return .init(
            kind: .timedOut,
            message: "The notebook ran out of time (timeout: \(Self.seconds(notebook.frontMatter.timeout)))")
        }
        if let cell = parser.currentCell, let limit = cellTimeouts[cell] ?? nil,
          let started = parser.cellStartTimes[cell], now.timeIntervalSince(started) > limit
        {
          return .init(kind: .timedOut, message: "The cell ran out of time (timeout: \(Self.seconds(limit)))")
        }
        if parser.totalBytes > limits.totalOutput {
          return .init(
            kind: .outputLimit, message: "The program printed more than \(limits.totalOutput >> 20) MiB and was stopped"
          )
        }
        return nil
      })
    parser.finish()
    return Outcome(parser: parser, termination: termination, endTime: Date())
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }

  private static func makeNonce() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(generator.next() as UInt32, radix: 16) }.joined()
  }
}
