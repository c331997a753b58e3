/// The YAML header of a notebook.
public struct FrontMatter: Sendable, Hashable, Codable {
  /// The page title (required).
  public var title: String = ""
  /// The original post's title.
  public var originalTitle: String?
  /// The original post's URL.
  public var source: String?
  /// The post's date, `YYYY-MM-DD`.
  public var date: String?
  /// One or two sentences for the index.
  public var summary: String?
  /// Files the cells read, relative to the notebook's folder; their contents are part of the cache key.
  public var inputs: [String] = []
  /// Seconds the whole notebook may run (default 60).
  public var timeout: Double = 60
  /// Compile the notebook's own code with optimisation: `true`, `false`, or `nil` to let the runner decide.
  public var optimize: Bool?
  /// The numerical platform the notebook's program runs on (see `NumericalPlatform`), or `nil` for the default.
  public var platform: String?
  /// The relative tolerance for numbers when `notebook check` compares pages made on different platforms,
  /// or `nil` for the default.
  public var tolerance: Double?
  /// A BibTeX file for the notebook's citations, relative to the notebook's folder.
  public var bibliography: String?
  /// The 1-based file line of each key present, for diagnostics about its value.
  public var keyLines: [String: Int] = [:]

  /// Creates an empty front matter.
  public init() {}

  /// The keys the parser accepts.
  public static let knownKeys: [String] = [
    "title", "original_title", "source", "date", "summary", "inputs", "timeout", "optimize",
    "platform", "tolerance", "bibliography",
  ]
}
