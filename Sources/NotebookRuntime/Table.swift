import Foundation

/// A table of values shown as an HTML table; every cell is escaped.
///
/// Numbers are formatted deterministically: a `Double` with up to six significant
/// digits (`%.6g`), integers and everything else with `description`.
public struct Table: Displayable, Sendable, Equatable {
  /// Column headings.
  public var header: [String]
  /// Rows of already formatted cells.
  public var rows: [[String]]
  /// An optional caption shown above the table.
  public var caption: String?

  /// Creates a table from a header and rows of values.
  ///
  /// - Parameters:
  ///   - header: The column headings.
  ///   - rows: The rows; each value is formatted with ``Table/format(_:)``.
  ///   - caption: A caption shown with the table.
  public init(header: [String], rows: [[any Sendable]], caption: String? = nil) {
    self.header = header
    self.rows = rows.map { $0.map(Table.format) }
    self.caption = caption
  }

  /// One row of cells, for `rows:`: the same values as an array literal, but typed.
  ///
  /// Inside a closure such as `runs.map { name, run in Table.row(name, run.steps, run.loss) }` the
  /// compiler then knows the row's type from the call and checks each cell on its own. An array
  /// literal mixing strings and numbers, joined with `+`, makes the type checker search instead:
  /// seconds for one expression.
  public static func row(_ values: any Sendable...) -> [any Sendable] { values }

  /// Formats one cell value the way tables show it.
  public static func format(_ value: any Sendable) -> String {
    switch value {
    case let double as Double: return formatNumber(double)
    case let float as Float: return formatNumber(Double(float))
    case let bool as Bool: return bool ? "yes" : "no"
    case let string as String: return string
    case let describable as CustomStringConvertible: return describable.description
    default: return String(describing: value)
    }
  }

  /// Formats a number with six significant digits, as tables and checks show it.
  public static func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "∞" : "−∞" }
    return String(format: "%.6g", value)
  }

  public var displayOutput: DisplayOutput {
    var html = "<table>"
    if let caption { html += "<caption>\(escapeHTML(caption))</caption>" }
    html += "<thead><tr>" + header.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr></thead>"
    html += "<tbody>"
    for row in rows {
      html += "<tr>" + row.map { "<td>\(escapeHTML($0))</td>" }.joined() + "</tr>"
    }
    html += "</tbody></table>"
    return DisplayOutput(kind: .table, content: html)
  }
}

/// Escapes the five characters that are special in HTML text and attributes.
public func escapeHTML(_ text: String) -> String {
  var result = ""
  result.reserveCapacity(text.utf8.count)
  for character in text {
    switch character {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&#39;"
    default: result.append(character)
    }
  }
  return result
}
