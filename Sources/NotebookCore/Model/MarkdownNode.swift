/// A node of a parsed CommonMark document, as plain Swift values.
///
/// The tree is built once from cmark's and owns no C memory. Math written as `$…$`
/// or `$$…$$` appears as ``Kind-swift.enum/math(_:)`` leaves, never as text.
public struct MarkdownNode: Sendable, Hashable, Codable {
  /// What a node is.
  public enum Kind: Sendable, Hashable, Codable {
    case document
    case paragraph
    case heading(level: Int)
    case blockQuote
    case list(ordered: Bool, start: Int, tight: Bool)
    case item
    case codeBlock(info: String, code: String)
    case htmlBlock(String)
    case thematicBreak
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
    case emphasis
    case strong
    case link(destination: String, title: String)
    case image(source: String, title: String)
    /// An index into ``Notebook/math``.
    case math(Int)
    /// A cross-reference written `@fig-…`, `@tbl-…`, `@eq-…` or `@sec-…`, at `column` of the node's line.
    case reference(label: String, column: Int)
    /// A label given to the enclosing heading (`{#sec-…}`) or display equation (`{#eq-…}`); not shown.
    case label(String)
    /// A footnote's mark in the text, `[^label]`, where the notebook defines that footnote.
    case footnoteReference(String)
    /// A footnote's text, written `[^label]: …` as a paragraph of its own; its children are inlines.
    case footnoteDefinition(String)
    /// A citation, `[@key]`, `[@key, p. 5]` or `[@a; @b]`: the text between the brackets, at `column`.
    case citation(String, column: Int)
  }

  /// What this node is.
  public var kind: Kind
  /// Child nodes, in document order.
  public var children: [MarkdownNode]
  /// The 1-based line where the node starts in the notebook file.
  public var line: Int
  /// The 1-based line where the node ends.
  public var endLine: Int

  /// Creates a node.
  public init(_ kind: Kind, children: [MarkdownNode] = [], line: Int, endLine: Int? = nil) {
    self.kind = kind
    self.children = children
    self.line = line
    self.endLine = endLine ?? line
  }

  /// The concatenated text of this node's descendants (for headings and alt text).
  public var plainText: String {
    switch kind {
    case .text(let text), .code(let text): return text
    case .softBreak, .lineBreak: return " "
    default: return children.map(\.plainText).joined()
    }
  }
}
