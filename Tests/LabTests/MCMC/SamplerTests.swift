import Foundation
import Testing

@testable import Lab
@testable import LabMCMC

@Suite struct SamplerTests {
  @Test func gibbsMoveHasHastingsRatioOne() {
    var generator = SeededGenerator(seed: 3)
    let model = BigramLanguageModel.random(vocabularySize: 4, using: &generator)
    let constraint = KeywordConstraint(keywords: [3])
    let gibbs = GibbsSampler(vocabularySize: 4) { x in
      constraint.isSatisfied(by: x) ? model.logProbability(of: x) : -.infinity
    }
    let x = [3, 0, 1, 3, 2]
    for position in 0..<5 {
      let conditional = gibbs.conditional(at: position, of: x)
      #expect(abs(conditional.reduce(0, +) - 1) < 1e-14)
      for y in 0..<4 where conditional[y] > 0 {
        #expect(abs(gibbs.hastingsRatio(from: x, position: position, to: y) - 1) < 1e-12)
      }
    }
  }

  @Test func boltzmannSharpensWithCooling() {
    let f = [0.0, 1, 3, 2]
    let hot = SimulatedAnnealing.boltzmann(f, temperature: 5)
    let cold = SimulatedAnnealing.boltzmann(f, temperature: 0.1)
    #expect(abs(hot.reduce(0, +) - 1) < 1e-14)
    #expect(cold[2] > hot[2] && cold[2] > 0.99)
  }

  @Test func hillClimbingNeverGoesDownAndAnnealingFindsAMaximum() {
    let f: (Int) -> Double = { -Double(($0 - 37) * ($0 - 37)) }
    let propose: (Int, inout SeededGenerator) -> Int = { x, g in
      (x + (g.integer(below: 2) == 0 ? -1 : 1) + 100) % 100
    }
    var generator = SeededGenerator(seed: 1)
    let climbed = SimulatedAnnealing.hillClimb(
      from: 90, steps: 2000, using: &generator, objective: f, propose: propose)
    #expect(f(climbed) >= f(90))
    let annealed = SimulatedAnnealing.anneal(
      from: 90, steps: 4000, temperature: SimulatedAnnealing.linearSchedule(initial: 5, steps: 4000),
      using: &generator, objective: f, propose: propose)
    #expect(annealed == 37)
  }

  @Test func ringLandscapeAnnealingBeatsHillClimbing() {
    let landscape = SimulatedAnnealing.RingLandscape(
      values: (0..<60).map { x -> Double in
        let bump: Double = 2 * exp(-pow((Double(x) - 40) / 8, 2))
        return bump + cos(1.3 * Double(x))
      },
      maxStep: 3)
    #expect(landscape.localMaxima.count > 5)
    #expect(landscape.localMaxima.contains(landscape.globalMaximum))
    var generator = SeededGenerator(seed: 9)
    var annealed = 0
    var climbed = 0
    for _ in 0..<400 {
      let start = generator.integer(below: 60)
      if landscape.anneal(from: start, steps: 2000, initialTemperature: 2, using: &generator)
        == landscape.globalMaximum
      {
        annealed += 1
      }
      if landscape.hillClimb(from: start, steps: 2000, using: &generator) == landscape.globalMaximum {
        climbed += 1
      }
    }
    #expect(annealed > 2 * climbed)
  }
}
