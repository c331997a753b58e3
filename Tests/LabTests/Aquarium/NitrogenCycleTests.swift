import Foundation
import Testing

@testable import Lab
@testable import LabAquarium

@Suite("Aquarium.NitrogenCycle")
struct NitrogenCycleTests {
  @Test func withoutBacteriaAmmoniaRelaxesExponentially() {
    let model = Aquarium.NitrogenCycle()
    let k = model.plantAmmoniaUptake + model.waterChange
    let plateau = model.load / model.volume / k
    let solution = model.simulate(days: 30, initial: [0, 0, 10, 0, 0], stepDays: 0.1)
    let kn = model.plantNitrateUptake + model.waterChange
    for (t, state) in zip(solution.times, solution.states) {
      #expect(abs(state[0] - plateau * (1 - exp(-k * t))) < 1e-9)
      #expect(abs(state[2] - 10 * exp(-kn * t)) < 1e-9)
    }
  }

  @Test func steadyStateIsAFixedPoint() {
    let model = Aquarium.NitrogenCycle()
    let derivative = model.derivative(model.steadyState)
    for value in derivative { #expect(abs(value) < 1e-12) }
    #expect(abs(model.steadyAmmonia - 0.025 / 0.55) < 1e-15)
  }

  @Test func longRunConvergesToTheClosedForm() {
    let model = Aquarium.NitrogenCycle()
    let final = model.simulate(days: 2000, initial: [0, 0, 0, 1, 1]).final
    for (value, expected) in zip(final, model.steadyState) {
      #expect(abs(value - expected) < 1e-6 * max(1, expected))
    }
  }

  @Test func plantsCutTheWaterChangesNeeded() {
    var withPlants = Aquarium.NitrogenCycle()
    var without = withPlants
    without.plantNitrateUptake = 0
    without.plantAmmoniaUptake = 0
    #expect(without.steadyNitrate > withPlants.steadyNitrate)
    withPlants.waterChange = 0
    #expect(withPlants.steadyNitrate.isFinite)
  }
}
