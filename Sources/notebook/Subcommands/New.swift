import ArgumentParser
import Foundation
import NotebookRunner

/// `notebook new "Title"`: scaffold a notebook ready to author.
struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create notebooks/<slug>.md with front matter, a first cell, a figure and a check.")

  @Argument(help: "The notebook's title.")
  var title: String

  @Option(help: "The file name without .md (default: from the title).")
  var slug: String?

  func run() throws {
    let session = try Session.open()
    let name = slug ?? Self.slug(from: title)
    guard !name.isEmpty else { throw ValidationError("Cannot make a file name from '\(title)'; pass --slug") }
    guard Self.isFileName(name) else {
      throw ValidationError(
        "'--slug' must be a file name of letters, digits, '-', '_' and '.' (no '/' or leading '.'), got '\(name)'")
    }
    let path = "notebooks/\(name).md"
    guard !FileManager.default.fileExists(atPath: session.project.path(path)) else {
      throw ValidationError("'\(path)' already exists; choose another title or --slug")
    }
    try Data(Self.template(title: title).utf8).write(
      to: URL(fileURLWithPath: session.project.path(path)), options: .withoutOverwriting)
    Console.line("Created \(path). Build it with: notebook build \(path)")
  }

  /// A lower-case, hyphenated ASCII file name for a title.
  static func slug(from title: String) -> String {
    let words = title.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    return words.prefix(8).joined(separator: "-")
  }

  /// Whether a slug names a file directly inside `notebooks/`.
  static func isFileName(_ slug: String) -> Bool {
    !slug.hasPrefix(".") && slug.utf8.count <= 200
      && slug.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
  }

  /// `text` as a YAML scalar: single-quoted, where a backslash is just a backslash (so TeX such as
  /// `$\alpha$` survives), unless it holds control characters, which only double quotes can escape.
  static func yamlScalar(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
      return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
    return "\"" + yamlDoubleQuoted(text) + "\""
  }

  private static func yamlDoubleQuoted(_ text: String) -> String {
    var quoted = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": quoted += "\\\\"
      case "\"": quoted += "\\\""
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        quoted += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted
  }

  static func template(title: String) -> String {
    return """
      ---
      title: \(yamlScalar(title))
      original_title: ''
      source: ''
      date: ''
      summary: ''
      inputs: []
      ---

      State the claim this notebook checks and why it matters, then link the original.

      ## The first step

      Write the step in math, for example $f(x) = x^2$ and its derivative
      $$f'(x) = \\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h} = 2x,$$
      then compute it in the cell below.

      ```swift
      //| label: fig-first
      //| caption: Central finite differences of x² against the closed form 2x.
      let xs = Array(stride(from: -2.0, through: 2.0, by: 0.25))
      let slopes = xs.map { x in ((x + 1e-5) * (x + 1e-5) - (x - 1e-5) * (x - 1e-5)) / 2e-5 }
      var figure = Figure(title: "Slope of x²", xLabel: "x", yLabel: "f′(x)")
      figure.line(xs, slopes, label: "finite difference", markers: true)
      show(figure)
      let worst = zip(xs, slopes).map { abs($1 - 2 * $0) }.max() ?? .infinity
      check(worst < 1e-6, "The finite-difference slope matches 2x within 1e-6",
            detail: String(format: "max error %.1e", worst))
      ```

      ## What held

      ```swift
      show(Table(
        header: ["Claim", "Measured", "Held?"],
        rows: [["f′(x) = 2x", String(format: "max error %.1e", worst), worst < 1e-6]]))
      ```

      """
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
