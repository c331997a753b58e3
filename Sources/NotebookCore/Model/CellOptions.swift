/// The `//| key: value` options of a cell.
public struct CellOptions: Sendable, Hashable, Codable {
  /// Show the source (default true).
  public var echo = true
  /// Show the outputs (default true).
  public var output = true
  /// Run the cell (default true).
  public var eval = true
  /// An error in this cell is expected: shown, not a failure (default false).
  public var error = false
  /// The cell's anchor id.
  public var label: String?
  /// A caption for the cell's figure.
  public var caption: String?
  /// The author's description of the cell's first figure, for readers who cannot see it; it replaces
  /// the sentence `Figure` generates in the SVG's `<desc>`.
  public var alt: String?
  /// Show the source collapsed (default false).
  public var fold = false
  /// Seconds this cell may run, or `nil` for no limit of its own.
  public var timeout: Double?
  /// The relative tolerance for this cell's numbers when pages from different platforms are compared,
  /// or `nil` for the notebook's. Not part of the cache key: it changes no output.
  public var tolerance: Double?

  /// Options with every default.
  public init() {}

  /// The option keys the parser accepts.
  public static let knownKeys: [String] = [
    "echo", "output", "eval", "error", "label", "caption", "alt", "fold", "timeout", "tolerance",
  ]

  /// The options that change what runs, as a stable string for the cache key.
  public var executionFingerprint: String {
    "eval=\(eval);error=\(error);timeout=\(timeout.map { String($0) } ?? "-")"
  }
}
