import Foundation

extension SeededGenerator {
  /// A uniform draw from [0, 1), with 53 random bits.
  @inlinable
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform draw from `range`.
  public mutating func uniform(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
  }

  /// A standard normal draw, by the Box–Muller transform.
  ///
  /// One of the pair is discarded, so the stream stays a pure function of the seed and the
  /// call count. Its logarithm and
  /// cosine are ``PortableMath``'s, so a seed gives the same draws on every machine.
  public mutating func normal() -> Double {
    var u1 = uniform()
    while u1 == 0 { u1 = uniform() }
    let u2 = uniform()
    return (-2 * PortableMath.log(u1)).squareRoot() * PortableMath.cosOfTurns(u2)
  }

  /// A normal draw with the given mean and standard deviation.
  public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
    mean + standardDeviation * normal()
  }

  /// `count` independent standard normal draws.
  public mutating func normals(_ count: Int) -> [Double] {
    (0..<count).map { _ in normal() }
  }

  /// An integer uniform on `0..<upperBound`, without modulo bias.
  public mutating func integer(below upperBound: Int) -> Int {
    require(upperBound > 0, "integer(below:) needs a positive bound, got \(upperBound)")
    return Int(next(upperBound: UInt64(upperBound)))
  }

  /// An index drawn with probability proportional to `weights` (inverse CDF, O(n)).
  ///
  /// Weights must be finite and non-negative with a positive sum.
  public mutating func categorical(_ weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    require(total > 0 && total.isFinite, "categorical weights must have a positive finite sum")
    var target = uniform() * total
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    return weights.lastIndex { $0 > 0 } ?? 0
  }

  /// A Gamma(shape, 1) draw (Marsaglia & Tsang, 2000; shape < 1 by the boost u^{1/shape}).
  public mutating func gamma(shape: Double) -> Double {
    require(shape > 0, "gamma shape must be positive, got \(shape)")
    if shape < 1 {
      return gamma(shape: shape + 1) * pow(uniform(), 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniform()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
    }
  }

  /// A Dirichlet draw with concentration parameters `alpha` (normalised gammas).
  public mutating func dirichlet(_ alpha: [Double]) -> [Double] {
    let draws = alpha.map { gamma(shape: $0) }
    let total = draws.reduce(0, +)
    return draws.map { $0 / total }
  }

  /// A uniformly random permutation of `0..<count` (Fisher–Yates).
  public mutating func permutation(_ count: Int) -> [Int] {
    var items = Array(0..<count)
    shuffle(&items)
    return items
  }

  /// Shuffles `items` in place, uniformly (Fisher–Yates with this generator).
  public mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, integer(below: i + 1))
    }
  }

  /// `count` distinct indices from `0..<population`, in the order drawn.
  public mutating func sample(_ count: Int, from population: Int) -> [Int] {
    require(count <= population, "cannot sample \(count) of \(population) without replacement")
    var chosen = Set<Int>()
    var order: [Int] = []
    // Floyd's algorithm: `count` draws, no rejection loop.
    for j in (population - count)..<population {
      let t = integer(below: j + 1)
      let pick = chosen.contains(t) ? j : t
      chosen.insert(pick)
      order.append(pick)
    }
    return order
  }
}
