/// An error shown in a cell's output: what happened, and where in the notebook, kept apart.
///
/// The location is stored as numbers, not inside the message, so a result reused after prose moved its
/// cell moves with it (``moved(by:)``) and nothing reads a status back out of the text.
public struct CellError: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// What kind of failure it was.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// The compiler rejected the cell.
    case compile
    /// The program crashed in the cell (a trap, a signal, an exit).
    case trap
    /// The runner stopped the program in the cell (time, output or memory limit).
    case stopped
    /// A cell marked `error: true` threw.
    case thrown
    /// Anything else the runner reports, such as a malformed record.
    case other
  }

  /// A place in a notebook.
  public struct Location: Sendable, Hashable, Codable {
    /// The notebook's root-relative path.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, when known.
    public var column: Int?

    /// A location in `file`.
    public init(file: String, line: Int, column: Int? = nil) {
      self.file = file
      self.line = line
      self.column = column
    }
  }

  /// What kind of failure it was.
  public var kind: Kind
  /// What happened, without its location.
  public var message: String
  /// Where it happened, when known.
  public var location: Location?
  /// For a trap: the function it happened in, when not the cell's top-level code.
  public var function: String?
  /// For a trap: the lines of the calls that led to it, innermost first.
  public var callerLines: [Int] = []
  /// For a compile error: the compiler's excerpt of the source, and its notes.
  public var context: String = ""

  /// An error of `kind`.
  public init(
    _ kind: Kind, _ message: String, at location: Location? = nil, function: String? = nil, callerLines: [Int] = [],
    context: String = ""
  ) {
    self.kind = kind
    self.message = message
    self.location = location
    self.function = function
    self.callerLines = callerLines
    self.context = context
  }

  /// A message with no location, of kind ``Kind/other``.
  public init(stringLiteral message: String) {
    self.init(.other, message)
  }

  /// The message with what a trap's backtrace adds: `… (in helper(_:), called from notebooks/x.md:40)`.
  public var detail: String {
    let file = location?.file ?? ""
    let calls = [function.map { "in \($0)" }].compactMap { $0 } + callerLines.map { "called from \(file):\($0)" }
    return calls.isEmpty ? message : "\(message) (\(calls.joined(separator: ", ")))"
  }

  /// The error as the page shows it, in the `file:line:` form editors understand.
  public var description: String {
    switch kind {
    case .compile:
      let head = location.map { "\($0.file):\($0.line):\($0.column ?? 1): error: " } ?? ""
      return head + message + (context.isEmpty ? "" : "\n" + context)
    case .thrown:
      return "Thrown error: " + message
    case .trap, .stopped, .other:
      return (location.map { "\($0.file):\($0.line): " } ?? "") + detail
    }
  }

  /// The same error with every line it names passed through `shift`.
  public func moved(by shift: (Int) -> Int) -> CellError {
    var moved = self
    moved.location?.line = shift(location?.line ?? 0)
    moved.callerLines = callerLines.map(shift)
    return moved
  }
}
