import Foundation
import NotebookWire

/// Records a claim and whether it held; the page shows it as ✓ or ✗.
///
/// A failed check does not stop the cell, but it fails the notebook.
///
/// - Parameters:
///   - condition: The property, computed live.
///   - claim: What the property means, in words.
///   - detail: Optional measured values that support the verdict.
///   - line: The call's line in the notebook, for the terminal's message when the check fails.
/// - Returns: `condition`, so a cell can branch on it.
@discardableResult
public func check(_ condition: Bool, _ claim: String, detail: String = "", line: Int = #line) -> Bool {
  send(CheckRecord(passed: condition, claim: claim, detail: detail, line: line))
  return condition
}

/// Records that `actual` is within `tolerance` of `expected`: `|actual − expected| ≤ tolerance`.
///
/// NaN never passes. The page shows both values and the difference.
///
/// - Returns: Whether the check passed.
@discardableResult
public func checkClose(
  _ actual: Double, _ expected: Double, tolerance: Double, _ claim: String, line: Int = #line
) -> Bool {
  let difference = abs(actual - expected)
  let passed = difference <= tolerance
  let detail =
    "\(Table.formatNumber(actual)) vs \(Table.formatNumber(expected)): "
    + "|Δ| = \(String(format: "%.3g", difference)) \(passed ? "≤" : ">") \(String(format: "%.3g", tolerance))"
  send(CheckRecord(passed: passed, claim: claim, detail: detail, line: line))
  return passed
}

/// Records a property the code holds by construction — an identity of the method, a bound it guarantees,
/// agreement of two routes through the same formula — and whether it held.
///
/// A sanity check guards the code against regressions, but it is not evidence for the post: an independent
/// computation could not make it fail. The page labels it and the index counts it apart from the claims.
/// A failed sanity check fails the notebook, as a failed claim does.
///
/// - Returns: `condition`, so a cell can branch on it.
@discardableResult
public func sanityCheck(_ condition: Bool, _ claim: String, detail: String = "", line: Int = #line) -> Bool {
  send(CheckRecord(passed: condition, claim: claim, detail: detail, line: line, sanity: true))
  return condition
}

private func send(_ record: CheckRecord) {
  OutputChannel.send(.check, json: record)
}
