/// A parsed notebook: front matter, prose and cells in order, and what was wrong with it.
public struct Notebook: Sendable, Hashable, Codable {
  /// A part of the notebook's body.
  public enum Block: Sendable, Hashable, Codable {
    /// Prose (and non-Swift code blocks), as a Markdown subtree.
    case prose(MarkdownNode)
    /// A Swift cell, by index into ``Notebook/cells``.
    case cell(Int)
  }

  /// The path the notebook was read from, relative to the project root.
  public var path: String
  /// The header.
  public var frontMatter: FrontMatter
  /// The body, in document order.
  public var blocks: [Block]
  /// The Swift cells, in order.
  public var cells: [Cell]
  /// Every formula of the prose, referenced by ``MarkdownNode/Kind-swift.enum/math(_:)``.
  public var math: [MathSpan]
  /// Problems found while parsing.
  public var diagnostics: [Diagnostic]
  /// A digest of the exact bytes parsed, when the reader recorded one: what a page rendered from
  /// this notebook shows, even if the file changes afterwards.
  public var sourceDigest: String?
  /// The text the notebook was parsed from, exactly as given to the parser, or `nil` for a
  /// notebook made otherwise: the site publishes it beside the page.
  public var source: String?

  /// Creates a notebook.
  public init(
    path: String, frontMatter: FrontMatter, blocks: [Block], cells: [Cell], math: [MathSpan],
    diagnostics: [Diagnostic]
  ) {
    self.path = path
    self.frontMatter = frontMatter
    self.blocks = blocks
    self.cells = cells
    self.math = math
    self.diagnostics = diagnostics
  }

  /// The page name: the file name without `.md`.
  public var slug: String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
  }

  /// Whether parsing found an error (not just warnings).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
