import Lab

extension Aquarium {
  /// A well-mixed tank's nitrogen cycle: ammonia (TAN) → nitrite → nitrate, carried out by
  /// ammonia- and nitrite-oxidising bacteria with Monod kinetics, plus plant uptake and
  /// water changes treated as a continuous dilution.
  ///
  /// The state is `[A, N₂, N₃, B₁, B₂]`: TAN, nitrite-N and nitrate-N in mg N/L, and the two
  /// bacterial biomasses in mg (total in the tank). With `rₖ = μₖ Bₖ Sₖ / (Yₖ V (Kₖ + Sₖ))`:
  ///
  ///     A′  = J/V − r₁ − (k_pa + w) A
  ///     N₂′ = r₁ − r₂ − w N₂
  ///     N₃′ = r₂ − (k_pn + w) N₃
  ///     B₁′ = μ₁ B₁ A/(K₁ + A) − b₁ B₁
  ///     B₂′ = μ₂ B₂ N₂/(K₂ + N₂) − b₂ B₂
  ///
  /// Times are in days. The default parameters are illustrative, not measured.
  public struct NitrogenCycle: Sendable, Hashable {
    /// Tank volume `V` (L).
    public var volume = 60.0
    /// Ammonia load `J` from animals and food (mg N/day).
    public var load = 60.0
    /// Maximum growth rates `μ₁, μ₂` of the two populations (1/day).
    public var maxGrowth = (ammonia: 0.6, nitrite: 0.5)
    /// Half-saturation constants `K₁, K₂` (mg N/L).
    public var halfSaturation = (ammonia: 0.5, nitrite: 0.5)
    /// Yields `Y₁, Y₂` (mg biomass per mg N oxidised).
    public var yield = (ammonia: 0.1, nitrite: 0.05)
    /// Decay rates `b₁, b₂` (1/day).
    public var decay = (ammonia: 0.05, nitrite: 0.05)
    /// Plant uptake rate of ammonia `k_pa` (1/day).
    public var plantAmmoniaUptake = 0.05
    /// Plant uptake rate of nitrate `k_pn` (1/day).
    public var plantNitrateUptake = 0.02
    /// Water-change rate `w` (1/day).
    public var waterChange = 0.2 / 60

    /// The illustrative parameters listed with each property.
    public init() {}

    /// The continuous dilution rate equivalent, to first order, to replacing `fraction` of
    /// the water every `interval` days: `fraction / interval`.
    public static func waterChangeRate(fraction: Double, interval: Double) -> Double {
      fraction / interval
    }

    /// The right-hand side of the model at `state = [A, N₂, N₃, B₁, B₂]`.
    public func derivative(_ state: [Double]) -> [Double] {
      let (a, nitrite, nitrate, b1, b2) = (state[0], state[1], state[2], state[3], state[4])
      let growth1 = maxGrowth.ammonia * a / (halfSaturation.ammonia + a)
      let growth2 = maxGrowth.nitrite * nitrite / (halfSaturation.nitrite + nitrite)
      let r1 = growth1 * b1 / (yield.ammonia * volume)
      let r2 = growth2 * b2 / (yield.nitrite * volume)
      let w = waterChange
      return [
        load / volume - r1 - (plantAmmoniaUptake + w) * a,
        r1 - r2 - w * nitrite,
        r2 - (plantNitrateUptake + w) * nitrate,
        (growth1 - decay.ammonia) * b1,
        (growth2 - decay.nitrite) * b2,
      ]
    }

    /// Integrates from `initial` over `days` with the fixed-step RK4 integrator `ODE.rk4`
    /// in steps of `stepDays` (0.05 d keeps RK4 well inside its stability limit for the
    /// default parameters, whose fastest rate is about 20/day).
    public func simulate(days: Double, initial: [Double], stepDays: Double = 0.05) -> ODESolution {
      let steps = Int((days / stepDays).rounded(.up))
      return ODE.rk4(from: 0, to: days, steps: steps, initial: initial) { derivative($0) }
    }

    /// The steady TAN once the ammonia oxidisers are established.
    ///
    /// Growth then balances decay, so `A* = K₁ b₁ / (μ₁ − b₁)`, whatever the load. Needs `μ₁ > b₁`.
    public var steadyAmmonia: Double {
      halfSaturation.ammonia * decay.ammonia / (maxGrowth.ammonia - decay.ammonia)
    }

    /// The steady nitrite once the nitrite oxidisers are established.
    ///
    /// `N₂* = K₂ b₂ / (μ₂ − b₂)`. Needs `μ₂ > b₂`.
    public var steadyNitrite: Double {
      halfSaturation.nitrite * decay.nitrite / (maxGrowth.nitrite - decay.nitrite)
    }

    /// The exact steady nitrate, from the total nitrogen balance
    /// `J/V = (k_pa + w) A* + w N₂* + (k_pn + w) N₃*`:
    /// `N₃* = (J/V − (k_pa + w) A* − w N₂*) / (k_pn + w)`.
    ///
    /// It is the limit of the model whenever both bacterial populations persist
    /// (``steadyBiomass`` positive).
    public var steadyNitrate: Double {
      let w = waterChange
      return (load / volume - (plantAmmoniaUptake + w) * steadyAmmonia - w * steadyNitrite)
        / (plantNitrateUptake + w)
    }

    /// The steady biomasses of the two populations.
    ///
    /// `B₁* = Y₁ V r₁*/b₁` and `B₂* = Y₂ V r₂*/b₂`, with the steady
    /// oxidation rates `r₁* = J/V − (k_pa + w) A*` and `r₂* = r₁* − w N₂*`. A non-positive
    /// value means that population cannot persist at this load.
    public var steadyBiomass: (ammonia: Double, nitrite: Double) {
      let r1 = load / volume - (plantAmmoniaUptake + waterChange) * steadyAmmonia
      let r2 = r1 - waterChange * steadyNitrite
      return (yield.ammonia * volume * r1 / decay.ammonia, yield.nitrite * volume * r2 / decay.nitrite)
    }

    /// The full steady state `[A*, N₂*, N₃*, B₁*, B₂*]`.
    public var steadyState: [Double] {
      [steadyAmmonia, steadyNitrite, steadyNitrate, steadyBiomass.ammonia, steadyBiomass.nitrite]
    }

    public static func == (lhs: NitrogenCycle, rhs: NitrogenCycle) -> Bool {
      lhs.parameterList == rhs.parameterList
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(parameterList) }

    private var parameterList: [Double] {
      [
        volume, load, maxGrowth.ammonia, maxGrowth.nitrite, halfSaturation.ammonia,
        halfSaturation.nitrite, yield.ammonia, yield.nitrite, decay.ammonia, decay.nitrite,
        plantAmmoniaUptake, plantNitrateUptake, waterChange,
      ]
    }
  }
}
