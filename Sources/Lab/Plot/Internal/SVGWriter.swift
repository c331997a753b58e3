import NotebookRuntime

/// Appends SVG markup with escaped attribute values and text.
struct SVGWriter {
  private(set) var markup = ""

  /// An element with attributes, self-closed, or wrapping escaped `text`.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil
  ) {
    openTag(name, attributes)
    if let text {
      markup += ">" + escapeHTML(text) + "</" + name + ">"
    } else {
      markup += "/>"
    }
  }

  /// An empty element with attributes assembled at run time.
  mutating func element(_ name: String, pairs: [(String, String)]) {
    markup += "<" + name
    for (key, value) in pairs { markup += " \(key)=\"\(escapeHTML(value))\"" }
    markup += "/>"
  }

  /// Opens an element that later content goes into; close it with ``close(_:)``.
  mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    openTag(name, attributes)
    markup += ">"
  }

  /// Opens an element with attributes assembled at run time.
  mutating func open(_ name: String, pairs: [(String, String)]) {
    markup += "<" + name
    for (key, value) in pairs { markup += " \(key)=\"\(escapeHTML(value))\"" }
    markup += ">"
  }

  mutating func close(_ name: String) { markup += "</" + name + ">" }

  /// Inserts markup built elsewhere (already escaped).
  mutating func append(raw: String) { markup += raw }

  /// A text element at `(x, y)`.
  mutating func text(
    _ string: String, x: Double, y: Double, _ attributes: KeyValuePairs<String, String> = [:]
  ) {
    markup += "<text x=\"\(PlotNumber.coordinate(x))\" y=\"\(PlotNumber.coordinate(y))\""
    for (key, value) in attributes { markup += " \(key)=\"\(escapeHTML(value))\"" }
    markup += ">" + escapeHTML(string) + "</text>"
  }

  private mutating func openTag(_ name: String, _ attributes: KeyValuePairs<String, String>) {
    markup += "<" + name
    for (key, value) in attributes { markup += " \(key)=\"\(escapeHTML(value))\"" }
  }
}

/// Builds path data (`d`) compactly: `M1 2 3 4` for a polyline.
struct PathData {
  private(set) var d = ""
  private var drawing = false
  /// Whether any subpath has more than its starting point.
  private(set) var hasSegments = false

  var isEmpty: Bool { d.isEmpty }

  /// Starts a new subpath at `(x, y)`.
  mutating func move(_ x: Double, _ y: Double) {
    d += "M" + PlotNumber.coordinate(x) + " " + PlotNumber.coordinate(y)
    drawing = true
  }

  /// Continues the current subpath (or starts one) to `(x, y)`.
  mutating func line(_ x: Double, _ y: Double) {
    guard drawing else { return move(x, y) }
    d += " " + PlotNumber.coordinate(x) + " " + PlotNumber.coordinate(y)
    hasSegments = true
  }

  /// Ends the current subpath, so the next point starts a new one.
  mutating func lift() { drawing = false }

  /// Appends a raw command such as `z` or `h12`.
  mutating func command(_ text: String) { d += text }
}

/// Rough text widths for layout (no font metrics are available when rendering).
enum TextMetrics {
  /// Estimated width in px of `text` at `size` px: CJK characters are 1 em, others ~0.58 em.
  static func width(_ text: String, size: Double = 12) -> Double {
    var ems = 0.0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x20000...0x3FFFF: ems += 1
      case 0x300...0x36F, 0x200B...0x200F: break
      default: ems += scalar.properties.isUppercase ? 0.66 : 0.56
      }
    }
    return ems * size
  }
}
