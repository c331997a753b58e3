import Foundation
import Lab

/// Softmax and cross-entropy restricted to the `k` largest logits.
///
/// With `Ω_k` the indices of the `k` largest logits (ties to the lower index), the probabilities
/// are `pᵢ = e^{sᵢ} / Σ_{j∈Ω_k} e^{sⱼ}` on `Ω_k` and 0 elsewhere, and the loss for target `t` is
/// `log Σ_{i∈Ω_k} e^{sᵢ} − s_t`. With `k ≥ n` both are the ordinary softmax and cross-entropy.
public enum SparseSoftmax {
  /// `Ω_k`: the indices of the `k` largest logits, largest first; ties go to the lower index.
  public static func support(_ logits: [Double], k: Int) -> [Int] {
    require(k >= 1, "Sparse softmax needs k ≥ 1, got \(k)")
    return logits.topK(k)
  }

  /// Sparse softmax probabilities: non-negative, summing to 1 within a few ulps, exactly 0 off `Ω_k`.
  public static func probabilities(_ logits: [Double], k: Int) -> [Double] {
    if k >= logits.count { return logits.softmax() }
    let kept = support(logits, k: k)
    let normalizer = kept.map { logits[$0] }.logSumExp()
    var probabilities = [Double](repeating: 0, count: logits.count)
    for i in kept { probabilities[i] = exp(logits[i] - normalizer) }
    return probabilities
  }

  /// The sparse cross-entropy `log Σ_{i∈Ω_k} e^{sᵢ} − s_t`.
  ///
  /// Positive for finite logits; at most `log k` when the target has the largest logit. A target
  /// outside `Ω_k` is allowed (as in the competition code): its logit is not in the sum, the loss
  /// exceeds `log k`, and the gradient pushes it up and the kept logits down.
  public static func loss(_ logits: [Double], target: Int, k: Int) -> Double {
    let kept = k >= logits.count ? logits : support(logits, k: k).map { logits[$0] }
    return kept.logSumExp() - logits[target]
  }

  /// The gradient of ``loss(_:target:k:)`` with respect to the logits.
  ///
  /// It is `p − onehot(t)`, with `p` the sparse probabilities, so it is 0 on every index outside
  /// `Ω_k` other than the target.
  ///
  /// Exact wherever `Ω_k` is locally constant, i.e. away from ties between the `k`-th and
  /// `(k+1)`-th largest logits; at a tie the loss has a kink and this is one of its one-sided
  /// gradients.
  public static func gradient(_ logits: [Double], target: Int, k: Int) -> [Double] {
    var gradient = probabilities(logits, k: k)
    gradient[target] -= 1
    return gradient
  }

  /// The smallest logit spread compatible with a cross-entropy of `loss` over `classes` logits:
  /// `log(n − 1) − log(e^ε − 1)`.
  ///
  /// For full cross-entropy, `s_max − s_min ≥ s_t − s_min ≥` this value for every logit vector,
  /// with equality exactly when the target is the largest logit and all other logits are equal.
  /// Applied with `classes = k`, it bounds `s_t` minus the smallest kept logit under the sparse
  /// loss. `e^ε − 1` is computed with `expm1`, so small losses keep full precision. Returns `+∞`
  /// at `loss = 0`; `n = 1` gives `−∞` (no constraint).
  public static func requiredGap(classes: Int, loss: Double) -> Double {
    require(classes >= 1 && loss >= 0, "requiredGap needs n ≥ 1 and loss ≥ 0")
    return log(Double(classes - 1)) - log(expm1(loss))
  }
}
