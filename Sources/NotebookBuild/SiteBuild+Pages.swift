import NotebookRunner
import NotebookSite

extension SiteBuild {
  /// The site's pages, one per notebook in `notebooks/`: those just built with their outcome, the rest
  /// parsed and given their stored result.
  func sitePages(for outcomes: [NotebookBuilder.Outcome], builder: NotebookBuilder) -> [SitePage] {
    let built = Dictionary(outcomes.map { ($0.notebook.path, $0) }, uniquingKeysWith: { first, _ in first })
    let cache = ResultCache(directory: project.cache.results)
    return project.notebookPaths().map { path in
      var page: SitePage
      if let outcome = built[path] {
        page = SitePage(notebook: outcome.notebook, result: outcome.result)
      } else {
        let notebook = builder.parse(path)
        page = SitePage(notebook: notebook, result: cache.anyResult(for: notebook)?.result)
      }
      // The stored result's file stamp says whether it is the result the site's page shows.
      if let result = page.result {
        let stamp = FileStamp.of(cache.file(forNotebookAt: path))
        page.resultIdentity = "\(stamp) \(result.codeHash) \(result.succeeded)"
      }
      return page
    }
  }
}
