import Foundation
import Lab

extension SparseSoftmax {
  /// The history of a linear softmax classifier trained by gradient descent, with full or sparse
  /// cross-entropy, until its own training loss reached a target.
  public struct LinearClassifierRun: Sendable {
    /// `nil` for full cross-entropy, else the `k` of the sparse loss.
    public var k: Int?
    /// Mean training loss (the loss being optimised) before each step and after the last.
    public var lossHistory: [Double]
    /// Mean full cross-entropy at the same moments (equal to `lossHistory` when `k` is `nil`).
    public var fullLossHistory: [Double]
    /// Mean logit spread `s_max − s_min` over all classes, at the same moments.
    public var spreadHistory: [Double]
    /// Mean of the target logit minus the smallest logit kept in `Ω_k` (all classes when `k` is
    /// `nil`), at the same moments.
    public var keptGapHistory: [Double]
    /// Per example at the end: `s_max − s_min` over all classes.
    public var finalSpreads: [Double]
    /// Per example at the end: the full cross-entropy.
    public var finalFullLosses: [Double]
    /// Per example at the end: the target logit minus the smallest logit kept in `Ω_k`
    /// (all classes when `k` is `nil`).
    public var finalKeptGaps: [Double]
    /// Per example at the end: the loss being optimised.
    public var finalLosses: [Double]
    /// Whether every example's target logit is its largest at the end.
    public var classifiesAll: Bool

    /// Gradient steps taken.
    public var steps: Int { lossHistory.count - 1 }
  }

  /// Trains `W` in `s = W x` on random data until the mean loss is at most `targetLoss`.
  ///
  /// Data: `examples` feature vectors with i.i.d. `N(0, 1/features)` entries (unit length on
  /// average) and labels uniform over `classes`; with `examples ≤ features` every labelling is
  /// linearly realisable, so any loss level can be reached. `W` starts at i.i.d.
  /// `N(0, initialScale²/features)`, which breaks ties. Each step is `W ← W − η Σᵢ ∇ℓᵢ` (summed over
  /// examples, so one example's own logits move by about `η (p − onehot)` per step). The same seed
  /// gives the same data and start for the full and the sparse run.
  public static func trainLinearClassifier(
    classes: Int, features: Int, examples: Int, k: Int?, targetLoss: Double,
    learningRate: Double, maxSteps: Int, initialScale: Double = 0.1, seed: UInt64
  ) -> LinearClassifierRun {
    var generator = SeededGenerator(seed: seed)
    let inputs = Matrix.random(
      rows: examples, columns: features, standardDeviation: 1 / Double(features).squareRoot(),
      using: &generator)
    let labels = (0..<examples).map { _ in generator.integer(below: classes) }
    var weights = Matrix.random(
      rows: features, columns: classes,
      standardDeviation: initialScale / Double(features).squareRoot(), using: &generator)
    let inputsTransposed = inputs.transposed
    let kept = k ?? classes
    var run = LinearClassifierRun(
      k: k, lossHistory: [], fullLossHistory: [], spreadHistory: [], keptGapHistory: [], finalSpreads: [],
      finalFullLosses: [], finalKeptGaps: [], finalLosses: [], classifiesAll: false)
    for step in 0...maxSteps {
      let logits = inputs * weights
      let rows = (0..<examples).map { logits.row($0) }
      let losses = rows.indices.map { loss(rows[$0], target: labels[$0], k: kept) }
      let fullLosses = rows.indices.map { loss(rows[$0], target: labels[$0], k: classes) }
      let spreads = rows.map { ($0.max() ?? 0) - ($0.min() ?? 0) }
      let keptGaps = rows.indices.map { i in
        let keptLogits = kept >= classes ? rows[i] : support(rows[i], k: kept).map { rows[i][$0] }
        return rows[i][labels[i]] - (keptLogits.min() ?? 0)
      }
      run.lossHistory.append(losses.sum / Double(examples))
      run.fullLossHistory.append(fullLosses.sum / Double(examples))
      run.spreadHistory.append(spreads.sum / Double(examples))
      run.keptGapHistory.append(keptGaps.sum / Double(examples))
      if run.lossHistory[step] <= targetLoss || step == maxSteps {
        run.finalSpreads = spreads
        run.finalFullLosses = fullLosses
        run.finalLosses = losses
        run.finalKeptGaps = keptGaps
        run.classifiesAll = rows.indices.allSatisfy { rows[$0].argmax() == labels[$0] }
        break
      }
      let gradients = rows.indices.flatMap { gradient(rows[$0], target: labels[$0], k: kept) }
      let logitGradient = Matrix(rows: examples, columns: classes, elements: gradients)
      weights = weights - learningRate * (inputsTransposed * logitGradient)
    }
    return run
  }
}
