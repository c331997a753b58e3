import ArgumentParser
import NotebookCore
import NotebookRunner

/// `notebook check --perturb`: each notebook on its platform and on a perturbed one, every changed digit reported.
struct DigitAuditRun {
  let session: Session
  let jobs: Int

  func run(paths: [String]) throws {
    let machine = Machine.current
    let pinned = ProgramPlatform.resolve(NumericalPlatform.defaultChoice, on: machine)
    guard let perturbation = pinned.perturbation(on: machine) else {
      throw ValidationError(
        "--perturb needs a second numerical platform, and this machine runs only '\(pinned.record.id)'")
    }
    Console.line("Auditing shown digits: '\(pinned.record.id)' against '\(perturbation.record.id)'")
    let baseline = try build(paths, perturbed: false)
    let perturbed = try build(paths, perturbed: true)
    var findings: [DigitAudit.Finding] = []
    for (old, new) in zip(baseline, perturbed) {
      findings += DigitAudit.findings(notebook: old.notebook, baseline: old.result, perturbed: new.result)
    }
    for finding in findings { Console.error(finding.description) }
    let failed = baseline.filter { !$0.succeeded }.count
    Console.line(
      "check --perturb: \(paths.count) notebooks audited, \(failed) failed; "
        + "\(findings.count) changed digits reported in \(Set(findings.map(\.path)).count) notebooks")
    if failed > 0 || !findings.isEmpty { throw ExitCode.failure }
  }

  private func build(_ paths: [String], perturbed: Bool) throws -> [NotebookBuilder.Outcome] {
    let builder = NotebookBuilder(project: session.project, toolchain: session.toolchain, perturbed: perturbed)
    return try builder.build(paths, force: false, jobs: jobs, progress: ProgressPrinter.progress(total: paths.count))
  }
}
