import Foundation

/// One example of the CommonMark spec: its number, section, Markdown and the HTML cmark gives.
struct SpecExample {
  var number: Int
  var section: String
  var markdown: String
  var html: String
}

/// The examples of `CommonMarkSpec/spec.txt`, read as the spec writes them.
enum SpecExamples {
  private static let fence = String(repeating: "`", count: 32)

  /// The spec's file, beside this test target's sources.
  static var specURL: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("CommonMarkSpec").appendingPathComponent("spec.txt")
  }

  /// Every example in order, numbered from 1; `→` in the spec stands for a tab.
  static func load() throws -> [SpecExample] {
    let text = try String(contentsOf: specURL, encoding: .utf8)
    var examples: [SpecExample] = []
    var section = ""
    var current: (markdown: [Substring], html: [Substring], inHTML: Bool)?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if var example = current {
        if line == fence {
          examples.append(
            SpecExample(
              number: examples.count + 1, section: section, markdown: joined(example.markdown),
              html: joined(example.html)))
          current = nil
        } else if line == ".", !example.inHTML {
          example.inHTML = true
          current = example
        } else {
          if example.inHTML { example.html.append(line) } else { example.markdown.append(line) }
          current = example
        }
      } else if line == fence + " example" {
        current = ([], [], false)
      } else if line.hasPrefix("#"), let title = line.split(separator: " ", maxSplits: 1).last {
        section = String(title)
      }
    }
    return examples
  }

  private static func joined(_ lines: [Substring]) -> String {
    lines.map { $0.replacingOccurrences(of: "→", with: "\t") + "\n" }.joined()
  }
}
