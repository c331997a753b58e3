import NotebookWire

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
  public typealias Kind = DisplayKind

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
