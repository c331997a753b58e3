/// CommonMark text to show as formatted prose; raw HTML inside it is not rendered.
public struct Markdown: Displayable, Sendable, Equatable {
  /// The CommonMark source.
  public var source: String

  /// Wraps CommonMark source; `$…$` math inside it is typeset like prose math.
  public init(_ source: String) { self.source = source }

  public var displayOutput: DisplayOutput { DisplayOutput(kind: .markdown, content: source) }
}

/// A display formula in TeX, typeset at build time.
public struct Math: Displayable, Sendable, Equatable {
  /// The TeX source, without `$$` delimiters.
  public var tex: String

  /// Wraps a TeX formula.
  public init(_ tex: String) { self.tex = tex }

  public var displayOutput: DisplayOutput { DisplayOutput(kind: .math, content: tex) }
}

/// Raw HTML, inserted into the page unescaped.
///
/// This is the only way a cell's output is ever interpreted as HTML: everything
/// printed, and every other output, is escaped.
public struct HTML: Displayable, Sendable, Equatable {
  /// The markup.
  public var markup: String

  /// Wraps markup that the page will insert as is.
  public init(_ markup: String) { self.markup = markup }

  public var displayOutput: DisplayOutput { DisplayOutput(kind: .html, content: markup) }
}
