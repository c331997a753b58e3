import Foundation
import NotebookWire

/// Adds a row to the notebook's summary table: a claim, what was measured, and whether it held.
///
/// Call it in the cell that measures the claim, next to its checks, and ``showSummary(header:caption:)``
/// once where the table belongs. The page gathers the rows of every cell, in page order, so the cell that
/// shows the table reads no other cell's values and an edit of one section re-runs only that section.
///
/// - Parameters:
///   - claim: The claim, in words.
///   - measured: What this notebook measured, formatted.
///   - held: Whether the checks behind the claim held, usually their return values joined with `&&`.
///   - verdict: What the "held?" column says when `held` is true; when it is false the column always
///     says that a check failed, so a failed check can never read "yes".
public func summarize(_ claim: String, measured: String, held: Bool, verdict: String = "yes") {
  summarize(claim, measured: measured, verdict: held ? verdict : "no — a check failed")
}

/// Adds a row whose verdict no check decides, such as "by construction" or "not tested here".
public func summarize(_ claim: String, measured: String, verdict: String) {
  let cells = [claim, measured, verdict]
  OutputChannel.send(.display(.summaryRow), json: cells)
}

/// Shows the summary table here: every row that any cell of the notebook added with
/// ``summarize(_:measured:held:verdict:)``, in page order.
///
/// - Parameters:
///   - header: The three column headings.
///   - caption: An optional caption shown above the table.
public func showSummary(
  header: [String] = ["claim", "measured here", "held?"], caption: String? = nil
) {
  let placement = SummaryPlacement(header: header, caption: caption)
  OutputChannel.send(.display(.summary), json: placement)
}
