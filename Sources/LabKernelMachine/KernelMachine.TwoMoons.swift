import Foundation
import Lab

extension KernelMachine {
  /// Two interleaved half circles, the usual two-class toy problem.
  ///
  /// The upper moon `(cos t, sin t)` has label +1, the lower moon `(1 − cos t, ½ − sin t)`
  /// label −1, with `t` uniform on [0, π] and isotropic Gaussian noise added.
  public struct TwoMoons: Sendable, Equatable {
    /// The points, one per row (count × 2).
    public let points: Matrix
    /// The labels, +1 or −1.
    public let labels: [Double]

    /// Draws `count` points, alternating between the moons (so each gets `count / 2`,
    /// the upper one the extra point when `count` is odd).
    public init(count: Int, noise: Double, using generator: inout SeededGenerator) {
      var elements = [Double]()
      var labels = [Double]()
      for index in 0..<count {
        let t = Double.pi * generator.uniform()
        let upper = index % 2 == 0
        let x = upper ? cos(t) : 1 - cos(t)
        let y = upper ? sin(t) : 0.5 - sin(t)
        elements.append(x + noise * generator.normal())
        elements.append(y + noise * generator.normal())
        labels.append(upper ? 1 : -1)
      }
      points = Matrix(rows: count, columns: 2, elements: elements)
      self.labels = labels
    }
  }
}
