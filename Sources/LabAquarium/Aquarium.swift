import Lab

/// Models for an aquarium with an equal-path (同程) bottom filter: the suction
/// manifold's hydraulics (``Manifold`` on ``PipeNetwork``), the resistance of the
/// substrate bed (``PackedBed``) and the nitrogen cycle (``NitrogenCycle``).
///
/// These are textbook models with illustrative parameters, not measurements.
public enum Aquarium {}

extension Aquarium {
  /// The loss law of one pipe element, `ΔP = R Q + K Q|Q|`.
  public struct PipeLoss: Sendable, Hashable {
    /// The laminar resistance `R`.
    public var resistance: Double
    /// The quadratic (turbulent) coefficient `K`.
    public var quadratic: Double

    /// Creates a loss law; both coefficients non-negative, not both zero.
    public init(resistance: Double, quadratic: Double = 0) {
      self.resistance = resistance
      self.quadratic = quadratic
    }

    /// A purely laminar element, `ΔP = R Q`.
    public static func laminar(_ resistance: Double) -> PipeLoss { PipeLoss(resistance: resistance) }

    /// A purely turbulent element, `ΔP = K Q|Q|`.
    public static func turbulent(_ quadratic: Double) -> PipeLoss { PipeLoss(resistance: 0, quadratic: quadratic) }

    /// Both coefficients times `factor` (a pipe `factor` times as long, or a clogged inlet).
    public func scaled(by factor: Double) -> PipeLoss {
      PipeLoss(resistance: factor * resistance, quadratic: factor * quadratic)
    }
  }
}

extension PipeNetwork {
  /// Adds a pipe with the coefficients of `loss`.
  @discardableResult
  public mutating func addPipe(from: Int, to: Int, loss: Aquarium.PipeLoss) -> Int {
    addPipe(from: from, to: to, resistance: loss.resistance, quadraticCoefficient: loss.quadratic)
  }
}
