/// A value a notebook cell can show with ``show(_:)``.
///
/// Conforming types turn themselves into one ``DisplayOutput``. The runtime ships
/// ``Table``, ``Markdown``, ``Math`` and ``HTML``; `Lab` adds `Figure`.
public protocol Displayable {
  /// The output this value renders as on the page.
  var displayOutput: DisplayOutput { get }
}

/// One rendered output of a cell, as the runtime sends it to the runner.
public struct DisplayOutput: Sendable, Equatable {
  /// What the page does with an output's content.
  public enum Kind: String, Sendable, CaseIterable {
    /// Plain text, always escaped.
    case text
    /// An inline SVG figure; the page embeds it as markup.
    case svg
    /// An HTML table built by ``Table`` (its cells are escaped).
    case table
    /// CommonMark, rendered without raw HTML.
    case markdown
    /// A TeX formula, typeset at build time.
    case math
    /// Raw HTML, inserted as is: only from an explicit ``HTML`` value.
    case html
    /// One row of the notebook's summary table, from ``summarize(_:measured:held:verdict:)``: a JSON array
    /// of its cells. It shows nothing where it was sent; the page gathers every row into the table.
    case summaryRow = "summary-row"
    /// Where the summary table goes, from ``showSummary(header:caption:)``: a JSON object with its header
    /// and caption. The page fills in the rows every cell sent, in page order.
    case summary
  }

  /// How the page treats ``content``.
  public var kind: Kind
  /// The payload: text, SVG, HTML, CommonMark or TeX, by ``kind``.
  public var content: String

  /// Creates an output of the given kind.
  public init(kind: Kind, content: String) {
    self.kind = kind
    self.content = content
  }
}

extension String: Displayable {
  /// A string shows as plain text.
  public var displayOutput: DisplayOutput { DisplayOutput(kind: .text, content: self) }
}
