import Lab

extension FlyHash {
  /// BioHash synapses trained by the winner-only rule ΔW_μ̂ = ε (x − ⟨W_μ̂, x⟩ W_μ̂).
  ///
  /// At ‖W‖ = 1 the bracket is the gradient of ⟨W, x⟩/‖W‖, so the rule is stochastic gradient
  /// ascent on the normalised inner product of each sample with its winner; its fixed point over
  /// the samples a unit wins is W = m/‖m‖ (m their mean): spherical k-means. The norm is pulled
  /// to 1 as well: d‖W‖²/dt ∝ ⟨W, x⟩(1 − ‖W‖²). The winner is chosen by ``WinnerRule``.
  public struct BioHash: Sendable {
    /// How the winning unit is chosen for a sample.
    public enum WinnerRule: Sendable, Hashable {
      /// argmax ⟨W_μ, x⟩, the unnormalised inner product the papers use.
      case raw
      /// argmax ⟨W_μ, x⟩/‖W_μ‖, the cosine (the rule spherical k-means would use).
      case normalized
    }

    /// The synapses, one unit per row: `units × inputDimension`.
    public var synapses: Matrix

    /// Starts from the given synapses.
    public init(synapses: Matrix) { self.synapses = synapses }

    /// Random non-negative synapses: |N(0, 1)| entries, each row rescaled to norm `norm`.
    public init(units: Int, inputDimension: Int, norm: Double, using generator: inout SeededGenerator) {
      var rows: [[Double]] = []
      for _ in 0..<units {
        let row = (0..<inputDimension).map { _ in abs(generator.normal()) }
        rows.append((norm / row.norm) * row)
      }
      synapses = Matrix(rows)
    }

    /// The number of units K.
    public var units: Int { synapses.rows }

    /// The Euclidean norm of each unit's synapses.
    public var unitNorms: [Double] { (0..<units).map { synapses.row($0).norm } }

    /// The winning unit for `x` under `rule` (ties to the lower index).
    public func winner(for x: [Double], rule: WinnerRule) -> Int {
      let scores = synapses * x
      switch rule {
      case .raw: return scores.argmax()
      case .normalized: return zip(scores, unitNorms).map { $0 / Swift.max($1, .leastNormalMagnitude) }.argmax()
      }
    }

    /// One step of the rule on `x`; returns the winner.
    @discardableResult
    public mutating func update(with x: [Double], learningRate: Double, rule: WinnerRule) -> Int {
      let mu = winner(for: x, rule: rule)
      let columns = synapses.columns
      var inner = 0.0
      for i in 0..<columns { inner += synapses.elements[mu * columns + i] * x[i] }
      for i in 0..<columns {
        let w = synapses.elements[mu * columns + i]
        synapses.elements[mu * columns + i] = w + learningRate * (x[i] - inner * w)
      }
      return mu
    }

    /// `epochs` passes over `data` in a fresh random order each pass, the rate falling linearly
    /// from `learningRate` (first pass) to `learningRate / epochs` (last pass), as in the released
    /// trainer; the shrinking steps let each unit settle on its fixed point instead of hovering
    /// within O(√ε) of it.
    public mutating func train(
      on data: [[Double]], epochs: Int, learningRate: Double, rule: WinnerRule,
      using generator: inout SeededGenerator
    ) {
      for epoch in 0..<epochs {
        let rate = learningRate * (1 - Double(epoch) / Double(epochs))
        for index in generator.permutation(data.count) {
          update(with: data[index], learningRate: rate, rule: rule)
        }
      }
    }

    /// How many samples of `data` each unit wins under `rule`.
    public func winCounts(on data: [[Double]], rule: WinnerRule) -> [Int] {
      var counts = [Int](repeating: 0, count: units)
      for x in data { counts[winner(for: x, rule: rule)] += 1 }
      return counts
    }

    /// For each unit, the cosine between W_μ and the mean of the samples it wins under `rule`
    /// (the fixed point says they are parallel); `nil` for a unit that wins nothing.
    public func centroidCosines(on data: [[Double]], rule: WinnerRule) -> [Double?] {
      var sums = [[Double]](repeating: [Double](repeating: 0, count: synapses.columns), count: units)
      var wins = [Int](repeating: 0, count: units)
      for x in data {
        let mu = winner(for: x, rule: rule)
        wins[mu] += 1
        for i in x.indices { sums[mu][i] += x[i] }
      }
      return (0..<units).map { wins[$0] > 0 ? FlyHash.cosine(synapses.row($0), sums[$0]) : nil }
    }

    /// The spherical k-means objective of the units taken as centres.
    ///
    /// The mean over `data` of the best cosine max_μ cos(x, W_μ), in [−1, 1]; comparable with
    /// ``SphericalKMeans/objective(on:)``.
    public func objective(on data: [[Double]]) -> Double {
      let directions = (0..<units).map { synapses.row($0).normalized }
      return SphericalKMeans.objective(centroids: directions, on: data)
    }

    /// The code of `x`: the `active` units with the largest ⟨W_μ, x⟩ on.
    public func code(_ x: [Double], active: Int) -> Code {
      FlyHash.winnerTakeAll(synapses * x, active: active)
    }
  }
}
