import Foundation

/// Rejection sampling: draw `x ~ q`, keep it with probability `α(x)`, retry otherwise.
///
/// The kept draws follow `q(x)α(x) / Σ q α`. With `α = ρ/(M q)` and `M ≥ max ρ/q` they follow
/// `p ∝ ρ` exactly, and the acceptance rate is `Σ ρ / M`.
public enum RejectionSampling {
  /// The kept draws and the bookkeeping of a rejection-sampling run.
  public struct Result<Sample> {
    /// The accepted draws, in order.
    public var samples: [Sample]
    /// How many proposals were drawn in total.
    public var proposals: Int

    /// `accepted / proposals` (0 when nothing was proposed).
    public var acceptanceRate: Double {
      proposals == 0 ? 0 : Double(samples.count) / Double(proposals)
    }

    /// The binomial standard error `sqrt(a(1 − a)/proposals)` of ``acceptanceRate``.
    public var acceptanceStandardError: Double {
      proposals == 0 ? .nan : (acceptanceRate * (1 - acceptanceRate) / Double(proposals)).squareRoot()
    }
  }

  /// Draws until `count` samples are accepted or `maxProposals` proposals are spent.
  ///
  /// - Parameters:
  ///   - count: Accepted samples wanted.
  ///   - maxProposals: The budget of proposals (the result may hold fewer than `count`).
  ///   - propose: Draws from `q`.
  ///   - acceptance: `α(x)`, which must lie in [0, 1]; values up to 1 + 1e-9 are read as 1 (an
  ///     `α = ρ/(Mq)` computed at the maximiser may round just above 1), larger values or negative
  ///     ones are a precondition failure.
  public static func run<Sample>(
    count: Int, maxProposals: Int = .max, using generator: inout SeededGenerator,
    propose: (inout SeededGenerator) -> Sample, acceptance: (Sample) -> Double
  ) -> Result<Sample> {
    var result = Result<Sample>(samples: [], proposals: 0)
    while result.samples.count < count && result.proposals < maxProposals {
      let x = propose(&generator)
      let alpha = acceptance(x)
      require(alpha >= 0 && alpha <= 1 + 1e-9, "acceptance probability \(alpha) is outside [0, 1]")
      result.proposals += 1
      if generator.uniform() < alpha { result.samples.append(x) }
    }
    return result
  }

  /// The rejection-sampling bound `log M(L) = max_x log p(x)/q(x)`, computed exactly.
  ///
  /// The maximum runs over sequences of length `length`, for a bigram target `p` and an i.i.d.
  /// proposal `q(x) = Π proposal[x_t]`; max-product dynamic programming (Viterbi) in `O(L V²)`,
  /// exact up to rounding.
  ///
  /// Rejection sampling with `α = p/(M q)` then accepts with probability exactly `1/M(L)`.
  public static func logMaximumRatio(
    target: BigramLanguageModel, proposal: [Double], length: Int
  ) -> Double {
    require(proposal.count == target.vocabularySize, "proposal must cover the vocabulary")
    require(length >= 1, "length must be at least 1")
    let n = target.vocabularySize
    var best = (0..<n).map { log(target.initial[$0]) - log(proposal[$0]) }
    for _ in 1..<length {
      best = (0..<n).map { b in
        let arrival = (0..<n).reduce(-Double.infinity) { max($0, best[$1] + log(target.transition[$1][b])) }
        return arrival - log(proposal[b])
      }
    }
    return best.reduce(-Double.infinity, max)
  }
}
