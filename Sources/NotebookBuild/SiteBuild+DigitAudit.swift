import NotebookCore
public import NotebookRunner

/// What `notebook check --perturb` found: every shown number whose digits change on another platform.
public struct DigitAuditReport: Sendable {
  /// The platform the notebooks normally run on, and the one they ran on for comparison.
  public var platforms: (pinned: String, perturbed: String)
  /// Every notebook's outcome on its own platform.
  public var notebooks: [NotebookBuilder.Outcome]
  /// Each number that changed, at the line of the cell that printed it.
  public var findings: [DigitAudit.Finding]

  /// Whether every notebook ran and no shown digit changed.
  public var succeeded: Bool { notebooks.allSatisfy(\.succeeded) && findings.isEmpty }

  /// The closing line.
  public var summary: String {
    "check --perturb: \(notebooks.count) notebooks audited, \(notebooks.filter { !$0.succeeded }.count) failed; "
      + "\(findings.count) changed digits reported in \(Set(findings.map(\.path)).count) notebooks"
  }
}

/// The machine runs only one numerical platform, so there is nothing to compare with.
public struct NoSecondPlatform: Error, CustomStringConvertible {
  /// The only platform.
  public var platform: String
  public var description: String {
    "--perturb needs a second numerical platform, and this machine runs only '\(platform)'"
  }
}

extension SiteBuild {
  /// The platforms a digit audit compares on this machine.
  public func auditPlatforms() throws(NoSecondPlatform) -> (pinned: String, perturbed: String) {
    let machine = Machine.current
    let pinned = ProgramPlatform.resolve(NumericalPlatform.defaultChoice, on: machine)
    guard let perturbation = pinned.perturbation(on: machine) else {
      throw NoSecondPlatform(platform: pinned.record.id)
    }
    return (pinned.record.id, perturbation.record.id)
  }

  /// Runs each notebook of `paths` on its platform and on a perturbed one and reports every changed digit.
  public func auditDigits(_ paths: [String], jobs: Int) throws -> DigitAuditReport {
    let platforms = try auditPlatforms()
    let baseline = try notebookBuilder().build(paths, force: false, jobs: jobs, progress: progress)
    let perturbed = try notebookBuilder(perturbed: true).build(paths, force: false, jobs: jobs, progress: progress)
    let findings = zip(baseline, perturbed).flatMap { old, new in
      DigitAudit.findings(notebook: old.notebook, baseline: old.result, perturbed: new.result)
    }
    return DigitAuditReport(platforms: platforms, notebooks: baseline, findings: findings)
  }
}
