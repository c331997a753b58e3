/// What the page does with a displayed output's content; the runtime sends it, the runner stores it and the
/// site renders by it.
public enum DisplayKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Plain text, always escaped.
  case text
  /// An inline SVG figure; the page embeds it as markup.
  case svg
  /// An HTML table built by the runtime's `Table` (its cells are escaped).
  case table
  /// CommonMark, rendered without raw HTML.
  case markdown
  /// A TeX formula, typeset at build time.
  case math
  /// Raw HTML, inserted as is: only from an explicit `HTML` value.
  case html
  /// One row of the notebook's summary table: a JSON array of its cells. It shows nothing where it was
  /// sent; the page gathers every row into the table.
  case summaryRow = "summary-row"
  /// Where the summary table goes: a JSON object with its header and caption (``SummaryPlacement``).
  case summary
}
