import Foundation
import NotebookCore

/// The notebooks' Markdown, published in the site's `source/` folder so that each page can link
/// to the text it was made from, offline too.
enum SourceFiles {
  /// The folder in the site.
  static let folder = "source"

  /// The file's path in the site (`source/authoring.md`), or `nil` when the notebook's text is
  /// not known or is empty (a file that could not be read).
  static func path(of notebook: Notebook) -> String? {
    guard let source = notebook.source, !source.isEmpty else { return nil }
    return "\(folder)/\(notebook.slug).md"
  }

  /// The link from the notebook's page (pages sit at the site's top level).
  static func href(of notebook: Notebook) -> String {
    "\(folder)/" + IndexRenderer.pathSegmentEncoded(notebook.slug + ".md")
  }

  /// Each notebook's text by its path in the site: the bytes given to the parser, unchanged.
  static func files(_ notebooks: [Notebook]) -> [String: Data] {
    var files: [String: Data] = [:]
    for notebook in notebooks {
      guard let path = path(of: notebook), let source = notebook.source else { continue }
      files[path] = Data(source.utf8)
    }
    return files
  }
}
