import Testing

@testable import Lab
@testable import LabAquarium

@Suite("Aquarium.PackedBed")
struct PackedBedTests {
  @Test func kozenyCarmanPermeabilityOfCentimetreGrains() {
    let bed = Aquarium.PackedBed(grainDiameter: 0.01, porosity: 0.4, depth: 0.05)
    // d² ε³ / (180 (1 − ε)²) = 1e-4 · 0.064 / 64.8.
    #expect(abs(bed.permeability - 6.4e-6 / 64.8) < 1e-20)
  }

  @Test func permeabilityScalesWithTheSquareOfTheGrainSize() {
    let coarse = Aquarium.PackedBed(grainDiameter: 0.01, porosity: 0.4, depth: 0.05)
    let fine = Aquarium.PackedBed(grainDiameter: 0.002, porosity: 0.4, depth: 0.05)
    #expect(abs(coarse.permeability / fine.permeability - 25) < 1e-12)
  }

  @Test func pressureDropIsLinearInFlowAndDepth() {
    let bed = Aquarium.PackedBed(grainDiameter: 0.01, porosity: 0.4, depth: 0.05)
    let deeper = Aquarium.PackedBed(grainDiameter: 0.01, porosity: 0.4, depth: 0.10)
    let drop = bed.pressureDrop(flow: 1e-4, area: 0.24, viscosity: 1e-3)
    #expect(abs(bed.pressureDrop(flow: 2e-4, area: 0.24, viscosity: 1e-3) / drop - 2) < 1e-12)
    #expect(abs(deeper.pressureDrop(flow: 1e-4, area: 0.24, viscosity: 1e-3) / drop - 2) < 1e-12)
  }

  @Test func sinkResistanceFallsWithPermeabilityAndOpeningSize() {
    let bed = Aquarium.PackedBed(grainDiameter: 0.01, porosity: 0.4, depth: 0.05)
    let r = bed.sinkResistance(openingRadius: 0.008, viscosity: 1e-3)
    #expect(abs(r - 1e-3 / (2 * Double.pi * bed.permeability * 0.008)) < 1e-9 * r)
    #expect(abs(bed.sinkResistance(openingRadius: 0.016, viscosity: 1e-3) / r - 0.5) < 1e-12)
  }
}
