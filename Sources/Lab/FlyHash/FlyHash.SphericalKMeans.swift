extension FlyHash {
  /// Spherical k-means by EM (Lloyd's alternation): assign each point to the centroid of largest
  /// cosine, then set each centroid to the normalised mean of its unit-normalised points.
  ///
  /// Each full step cannot decrease ``objective(on:)``; iteration stops when the assignment
  /// no longer changes or after `maxIterations`. A cluster left empty keeps its centroid.
  public struct SphericalKMeans: Sendable {
    /// The unit-norm centroids.
    public private(set) var centroids: [[Double]]
    /// The number of assignment steps run.
    public private(set) var iterations: Int

    /// Fits `clusters` centroids to `data`, seeded with distinct random data points.
    public init(
      data: [[Double]], clusters: Int, maxIterations: Int = 100, using generator: inout SeededGenerator
    ) {
      let points = data.map(\.normalized)
      centroids = generator.sample(clusters, from: points.count).map { points[$0] }
      iterations = 0
      var assignment = [Int](repeating: -1, count: points.count)
      while iterations < maxIterations {
        iterations += 1
        let next = points.map { Self.nearest(to: $0, among: centroids) }
        if next == assignment { break }
        assignment = next
        for c in 0..<clusters {
          var sum = [Double](repeating: 0, count: points[0].count)
          var members = 0
          for (point, label) in zip(points, assignment) where label == c {
            for i in sum.indices { sum[i] += point[i] }
            members += 1
          }
          if members > 0 { centroids[c] = sum.normalized }
        }
      }
    }

    /// The objective: the mean best cosine between the points and the centroids.
    public func objective(on data: [[Double]]) -> Double { Self.objective(centroids: centroids, on: data) }

    /// The mean over `data` of max over `centroids` of the cosine (centroids must be unit vectors).
    public static func objective(centroids: [[Double]], on data: [[Double]]) -> Double {
      let total = data.reduce(0.0) { sum, x in
        let unit = x.normalized
        return sum + centroids.map { $0.dot(unit) }.max()!
      }
      return total / Double(data.count)
    }

    /// For each centroid, the cosine with the unit vector matched to it, matching greedily by
    /// largest cosine first and using each unit at most once (needs `units.count ≥ centroids.count`).
    public static func matchedCosines(units: [[Double]], centroids: [[Double]]) -> [Double] {
      precondition(units.count >= centroids.count, "need at least as many units as centroids")
      let directions = units.map(\.normalized)
      var pairs: [(cosine: Double, unit: Int, centroid: Int)] = []
      for (u, unit) in directions.enumerated() {
        for (c, centroid) in centroids.enumerated() { pairs.append((unit.dot(centroid), u, c)) }
      }
      pairs.sort { ($0.cosine, -$0.unit, -$0.centroid) > ($1.cosine, -$1.unit, -$1.centroid) }
      var usedUnits = Set<Int>()
      var result = [Double?](repeating: nil, count: centroids.count)
      for pair in pairs where result[pair.centroid] == nil && !usedUnits.contains(pair.unit) {
        result[pair.centroid] = pair.cosine
        usedUnits.insert(pair.unit)
      }
      return result.map { $0! }
    }

    private static func nearest(to point: [Double], among centroids: [[Double]]) -> Int {
      centroids.map { $0.dot(point) }.argmax()
    }
  }
}
