import Lab

extension FlyHash {
  /// Points from a mixture of isotropic Gaussians, with their component labels.
  ///
  /// Centres are N(0, I) draws in `dimension` dimensions; each point picks a centre uniformly
  /// and adds N(0, noise² I). Labels are the centre indices.
  public static func gaussianMixture(
    points: Int, dimension: Int, centres: Int, noise: Double, using generator: inout SeededGenerator
  ) -> (points: [[Double]], labels: [Int]) {
    let means = (0..<centres).map { _ in generator.normals(dimension) }
    var result: [[Double]] = []
    var labels: [Int] = []
    for _ in 0..<points {
      let label = generator.integer(below: centres)
      result.append(means[label].map { $0 + noise * generator.normal() })
      labels.append(label)
    }
    return (result, labels)
  }

  /// Each vector minus the mean of its own entries (the fly's projection neurons are mean-centred).
  ///
  /// The result sums to zero up to rounding (|Σ| ≤ n·ε·max|xᵢ|).
  public static func meanCentred(_ x: [Double]) -> [Double] {
    let mean = x.reduce(0, +) / Double(x.count)
    return x.map { $0 - mean }
  }
}
