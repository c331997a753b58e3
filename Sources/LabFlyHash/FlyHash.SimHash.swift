import Foundation
import Lab

extension FlyHash {
  /// Sign random projections (Charikar's SimHash): bit j of x is `wⱼ · x > 0` for Gaussian `wⱼ`.
  ///
  /// For one hyperplane with i.i.d. normal entries, Pr[bits of x and y differ] = θ/π exactly,
  /// θ the angle between x and y (``collisionProbability(angle:)`` gives the complement).
  /// With K bits the Hamming fraction has standard deviation √(p(1−p)/K) ≤ 1/(2√K) about θ/π.
  public struct SimHash: Sendable {
    /// The hyperplanes, one per row: `bits × inputDimension`.
    public let hyperplanes: Matrix

    /// Draws `bits` hyperplanes with independent N(0, 1) entries.
    public init(inputDimension: Int, bits: Int, using generator: inout SeededGenerator) {
      hyperplanes = Matrix.random(rows: bits, columns: inputDimension, using: &generator)
    }

    /// The number of bits.
    public var bits: Int { hyperplanes.rows }

    /// The projections `W x` (length ``bits``); their cosine approximates the input cosine.
    public func project(_ x: [Double]) -> [Double] { hyperplanes * x }

    /// The code: bit j on when the j-th projection is positive (zero counts as off, as sgn ≤ 0 ↦ −1).
    public func code(_ x: [Double]) -> Code { Code(bits: project(x).map { $0 > 0 }) }

    /// The probability that one random hyperplane puts two vectors at `angle` on the same side:
    /// 1 − θ/π for θ in [0, π].
    public static func collisionProbability(angle: Double) -> Double { 1 - angle / Double.pi }
  }

  /// The angle between two non-zero vectors, in [0, π], with the cosine clamped to [−1, 1].
  public static func angle(_ x: [Double], _ y: [Double]) -> Double {
    acos(Swift.max(-1, Swift.min(1, x.dot(y) / (x.norm * y.norm))))
  }

  /// The cosine similarity of two non-zero vectors.
  public static func cosine(_ x: [Double], _ y: [Double]) -> Double {
    x.dot(y) / (x.norm * y.norm)
  }
}
