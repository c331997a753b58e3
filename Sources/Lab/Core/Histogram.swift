/// Counts of values in equal-width bins over a range.
///
/// Bin k covers [lowerBound + k·w, lowerBound + (k+1)·w) with w = range width / bins;
/// the last bin also includes the upper bound (numpy's convention). Values outside the
/// range, and NaN, are not binned; they are counted in ``outsideCount``.
public struct Histogram: Sendable, Equatable {
  /// The bin edges, `bins + 1` of them, increasing.
  public var edges: [Double]
  /// The number of values in each bin.
  public var counts: [Int]
  /// How many values fell outside the range (or were NaN).
  public var outsideCount: Int

  /// Bins `values` into `bins` equal bins over `range`, by default from the smallest to the
  /// largest finite value (a single bin of width 1 around them if they are all equal).
  public init(values: [Double], bins: Int, range: ClosedRange<Double>? = nil) {
    require(bins > 0, "a histogram needs at least one bin, got \(bins)")
    let span = range ?? Histogram.defaultRange(values)
    let width = (span.upperBound - span.lowerBound) / Double(bins)
    edges = (0...bins).map { span.lowerBound + Double($0) * width }
    edges[bins] = span.upperBound
    counts = Array(repeating: 0, count: bins)
    outsideCount = 0
    for x in values {
      guard span.contains(x) else {
        outsideCount += 1
        continue
      }
      var k = Swift.min(Int((x - span.lowerBound) / width), bins - 1)
      // Rounding in the division can misplace a value lying on an edge by one bin.
      if x < edges[k] { k -= 1 } else if k + 1 < bins && x >= edges[k + 1] { k += 1 }
      counts[k] += 1
    }
  }

  /// The number of bins.
  public var binCount: Int { counts.count }

  /// The width of each bin.
  public var binWidth: Double { edges[1] - edges[0] }

  /// The midpoint of each bin.
  public var centers: [Double] { (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 } }

  /// The number of values binned (excluding ``outsideCount``).
  public var total: Int { counts.reduce(0, +) }

  /// The fraction of the binned values in each bin; sums to 1 (all zeros if nothing was binned).
  public var probabilities: [Double] {
    let n = Double(total)
    return counts.map { n > 0 ? Double($0) / n : 0 }
  }

  /// A density estimate: probabilities divided by the bin width, so that it integrates to 1
  /// over the range and can be compared with a probability density function.
  public var densities: [Double] { probabilities.map { $0 / binWidth } }

  private static func defaultRange(_ values: [Double]) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return 0...1 }
    return low < high ? low...high : (low - 0.5)...(low + 0.5)
  }
}
