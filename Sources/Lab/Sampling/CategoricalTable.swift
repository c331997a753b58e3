/// A fixed categorical distribution prepared for many draws: `O(n)` set-up, then
/// `O(log n)` per draw by binary search of the cumulative weights.
///
/// Draws agree in law with `SeededGenerator.categorical(_:)` (one uniform per draw).
public struct CategoricalTable: Sendable, Hashable {
  /// The cumulative weights, normalised so the last is 1.
  public let cumulative: [Double]

  /// Prepares draws proportional to `weights` (finite, non-negative, positive sum).
  public init(weights: [Double]) {
    var running = 0.0
    var cumulative = weights.map { weight -> Double in
      require(weight >= 0 && weight.isFinite, "weights must be finite and non-negative")
      running += weight
      return running
    }
    require(running > 0, "weights must have a positive sum")
    for i in cumulative.indices { cumulative[i] /= running }
    self.cumulative = cumulative
  }

  /// One index, drawn with probability proportional to its weight; zero-weight indices are
  /// never drawn.
  public func sample(using generator: inout SeededGenerator) -> Int {
    let u = generator.uniform()
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > u { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
