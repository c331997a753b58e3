import Lab

extension FlyHash {
  /// Spherical k-means by EM (Lloyd's alternation): assign each point to the centroid of largest
  /// cosine, then set each centroid to the normalised mean of its unit-normalised points.
  ///
  /// Each full step cannot decrease ``objective(on:)``; a run stops when the assignment no
  /// longer changes or after `maxIterations`. A cluster left empty keeps its centroid. EM finds a
  /// local optimum, hence the restarts.
  public struct SphericalKMeans: Sendable {
    /// The unit-norm centroids.
    public private(set) var centroids: [[Double]]
    /// The number of assignment steps run.
    public private(set) var iterations: Int

    /// Fits `clusters` centroids to `data`: `restarts` runs from k-means++-style seeds (each next
    /// seed drawn with probability ∝ 1 − its best cosine to the seeds so far), keeping the run
    /// with the highest objective.
    public init(
      data: [[Double]], clusters: Int, restarts: Int = 10, maxIterations: Int = 100,
      using generator: inout SeededGenerator
    ) {
      require(clusters >= 1 && clusters <= data.count, "need 1 to \(data.count) clusters, got \(clusters)")
      let points = data.map(\.normalized)
      var best = Self.lloyd(points, seeds: Self.seeds(points, clusters, &generator), maxIterations)
      var bestObjective = Self.objective(centroids: best.centroids, on: points)
      for _ in 1..<Swift.max(restarts, 1) {
        let run = Self.lloyd(points, seeds: Self.seeds(points, clusters, &generator), maxIterations)
        let objective = Self.objective(centroids: run.centroids, on: points)
        if objective > bestObjective { (best, bestObjective) = (run, objective) }
      }
      centroids = best.centroids
      iterations = best.iterations
    }

    private static func seeds(_ points: [[Double]], _ clusters: Int, _ generator: inout SeededGenerator)
      -> [[Double]]
    {
      var chosen = [points[generator.integer(below: points.count)]]
      var closeness = points.map { $0.dot(chosen[0]) }
      while chosen.count < clusters {
        let next = points[generator.categorical(closeness.map { Swift.max(1 - $0, 1e-12) })]
        chosen.append(next)
        for i in points.indices { closeness[i] = Swift.max(closeness[i], points[i].dot(next)) }
      }
      return chosen
    }

    private static func lloyd(_ points: [[Double]], seeds: [[Double]], _ maxIterations: Int)
      -> (centroids: [[Double]], iterations: Int)
    {
      var centroids = seeds
      var assignment = [Int](repeating: -1, count: points.count)
      var iterations = 0
      while iterations < maxIterations {
        iterations += 1
        let next = points.map { nearest(to: $0, among: centroids) }
        if next == assignment { break }
        assignment = next
        for c in centroids.indices {
          var sum = [Double](repeating: 0, count: points[0].count)
          var members = 0
          for (point, label) in zip(points, assignment) where label == c {
            for i in sum.indices { sum[i] += point[i] }
            members += 1
          }
          if members > 0 { centroids[c] = sum.normalized }
        }
      }
      return (centroids, iterations)
    }

    /// The objective: the mean best cosine between the points and the centroids.
    public func objective(on data: [[Double]]) -> Double { Self.objective(centroids: centroids, on: data) }

    /// The mean over `data` of the largest cosine with any of `centroids`.
    ///
    /// The centroids must be unit vectors; with none the result is −∞.
    public static func objective(centroids: [[Double]], on data: [[Double]]) -> Double {
      let total = data.reduce(0.0) { sum, x in
        let unit = x.normalized
        return sum + centroids.reduce(-Double.infinity) { Swift.max($0, $1.dot(unit)) }
      }
      return total / Double(data.count)
    }

    /// For each centroid, the cosine with the unit vector matched to it, matching greedily by
    /// largest cosine first and using each unit at most once (needs `units.count ≥ centroids.count`).
    public static func matchedCosines(units: [[Double]], centroids: [[Double]]) -> [Double] {
      require(units.count >= centroids.count, "need at least as many units as centroids")
      let directions = units.map(\.normalized)
      var pairs: [(cosine: Double, unit: Int, centroid: Int)] = []
      for (u, unit) in directions.enumerated() {
        for (c, centroid) in centroids.enumerated() { pairs.append((unit.dot(centroid), u, c)) }
      }
      pairs.sort { ($0.cosine, -$0.unit, -$0.centroid) > ($1.cosine, -$1.unit, -$1.centroid) }
      var usedUnits = Set<Int>()
      var result = [Double](repeating: .nan, count: centroids.count)
      for pair in pairs where result[pair.centroid].isNaN && !usedUnits.contains(pair.unit) {
        result[pair.centroid] = pair.cosine
        usedUnits.insert(pair.unit)
      }
      return result
    }

    private static func nearest(to point: [Double], among centroids: [[Double]]) -> Int {
      centroids.map { $0.dot(point) }.argmax()
    }
  }
}
