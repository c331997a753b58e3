import NotebookBuild

/// Prints what a build found after it ran: render problems of the notebooks asked for, files the
/// site could not write, and notebooks that passed but whose page failed.
enum BuildPrinter {
  static func printProblems(of outcome: SiteBuildOutcome, asked paths: [String]) {
    for note in outcome.notes { Console.error(note) }
    for diagnostic in outcome.siteDiagnostics where paths.contains(diagnostic.file) {
      Console.error(diagnostic.description)
    }
    for failure in outcome.failedWrites { Console.error("error: \(failure)") }
    for notebook in outcome.failedAtRender {
      Console.line("FAILED \(notebook.notebook.path)  its page has errors (listed above)")
    }
  }
}
