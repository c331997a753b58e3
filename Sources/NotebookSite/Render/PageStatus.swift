import NotebookCore

/// The verdict shown on a page's header and in the index.
struct PageStatus: Sendable, Equatable, Codable {
  enum State: String, Sendable, Codable {
    /// Executed; every cell succeeded and there are no errors.
    case ok
    /// Something failed: a cell, a check, the notebook's format or its math.
    case failed
    /// Not executed (no results yet).
    case notExecuted = "not-executed"
  }

  var state: State
  /// Claims that held and claims tested.
  var checksPassed: Int
  var checksTotal: Int
  /// Sanity checks that passed and sanity checks recorded; counted apart from the claims.
  var sanityPassed: Int
  var sanityTotal: Int
  /// Why a failed page failed, in a few words ("a cell crashed"), or `nil`.
  var reason: String?

  init(result: NotebookResult?, errors: Int) {
    let counts = result?.checkCounts ?? (passed: 0, total: 0)
    checksPassed = counts.passed
    checksTotal = counts.total
    let sanity = result?.sanityCheckCounts ?? (passed: 0, total: 0)
    sanityPassed = sanity.passed
    sanityTotal = sanity.total
    if let result {
      state = result.succeeded && errors == 0 ? .ok : .failed
    } else {
      state = errors == 0 ? .notExecuted : .failed
    }
    if state == .failed { reason = Self.reason(result: result, errors: errors) }
  }

  private static func reason(result: NotebookResult?, errors: Int) -> String {
    let failing = result?.cells.first { !$0.succeeded && $0.status != .notRun }
    switch failing?.status {
    case .compileError: return "a cell does not compile"
    case .crashed: return "a cell crashed"
    case .timedOut: return "a cell timed out"
    case .checkFailed:
      let failed = result?.cells.flatMap { $0.outputs.filter(\.isFailedCheck) }.count ?? 1
      return failed == 1 ? "a check fails" : "\(failed) checks fail"
    default: return errors == 1 ? "1 error" : "\(errors) errors"
    }
  }

  /// A short label: "All 5 claims hold · 2 sanity checks pass", "Failed: a check fails · 4 of 5 claims hold",
  /// "Not executed".
  var label: String {
    switch state {
    case .notExecuted: return "Not executed"
    case .ok where checksTotal == 0 && sanityTotal == 0: return "Ran without errors"
    case .ok: return ([claimsHeld] + sanityPassing).joined(separator: " · ")
    case .failed: return (["Failed: \(reason ?? "errors")"] + claimsCount + sanityCount).joined(separator: " · ")
    }
  }

  private var claimsHeld: String {
    switch checksTotal {
    case 0: return "No claims tested"
    case 1: return "The claim holds"
    default: return "All \(checksTotal) claims hold"
    }
  }

  private var sanityPassing: [String] {
    sanityTotal == 0 ? [] : [sanityTotal == 1 ? "1 sanity check passes" : "\(sanityTotal) sanity checks pass"]
  }

  private var claimsCount: [String] {
    checksTotal == 0 ? [] : ["\(checksPassed) of \(checksTotal) \(checksTotal == 1 ? "claim holds" : "claims hold")"]
  }

  private var sanityCount: [String] {
    sanityTotal == 0 ? [] : ["\(sanityPassed) of \(sanityTotal) sanity checks pass"]
  }

  /// The mark shown before the label.
  var mark: String {
    switch state {
    case .ok: return "✓"
    case .failed: return "✗"
    case .notExecuted: return "○"
    }
  }

  /// The badge HTML used on pages and in the index.
  var badge: String {
    "<span class=\"status status-\(state.rawValue)\"><span aria-hidden=\"true\">\(mark)</span> \(label.htmlEscaped)</span>"
  }
}
