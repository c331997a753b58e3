import Foundation
import Lab

extension Aquarium {
  /// Slow flow through a bed of packed grains: Darcy's law with the Kozeny–Carman
  /// permeability.
  ///
  /// Darcy: the superficial velocity is `v = (k/μ) · |∇p|`. Kozeny–Carman, for spheres of
  /// diameter `d` at porosity `ε`: `k = d² ε³ / (180 (1 − ε)²)`. Valid while the grain
  /// Reynolds number `ρ v d / μ` stays below about 1–10.
  public struct PackedBed: Sendable, Hashable {
    /// The grain diameter `d` (m).
    public var grainDiameter: Double
    /// The porosity `ε`, strictly between 0 and 1.
    public var porosity: Double
    /// The bed depth the water crosses (m).
    public var depth: Double

    /// Creates a bed description.
    public init(grainDiameter: Double, porosity: Double, depth: Double) {
      require(grainDiameter > 0 && depth > 0, "a bed needs positive sizes")
      require(porosity > 0 && porosity < 1, "porosity must lie in (0, 1), got \(porosity)")
      self.grainDiameter = grainDiameter
      self.porosity = porosity
      self.depth = depth
    }

    /// The Kozeny–Carman permeability `k` (m²); it scales as `d²`.
    public var permeability: Double {
      let e = porosity
      return grainDiameter * grainDiameter * e * e * e / (180 * (1 - e) * (1 - e))
    }

    /// The pressure drop (Pa) across the bed for a flow `q` (m³/s) spread evenly over
    /// `area` (m²): `Δp = μ (q/A) depth / k`.
    public func pressureDrop(flow q: Double, area: Double, viscosity: Double) -> Double {
      viscosity * (q / area) * depth / permeability
    }

    /// The resistance `Δp / q = μ / (2π k a)` of a deep bed converging on an opening of
    /// radius `a` in a flat floor (a hemispherical sink: Darcy flow, pressure ∝ 1/r).
    ///
    /// Near the opening the velocity is highest; if the grain Reynolds number there
    /// exceeds about 10, inertial (Forchheimer) losses add to this, so it is a lower bound.
    public func sinkResistance(openingRadius a: Double, viscosity: Double) -> Double {
      viscosity / (2 * Double.pi * permeability * a)
    }

    /// The grain Reynolds number `ρ v d / μ` at superficial velocity `v`: Darcy's law
    /// needs it below about 1–10.
    public func grainReynoldsNumber(velocity v: Double, density: Double, viscosity: Double) -> Double {
      density * v * grainDiameter / viscosity
    }
  }
}
