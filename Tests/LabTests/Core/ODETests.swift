import Foundation
import Lab
import Testing

@Suite struct ODETests {
  private let oscillator: (Double, [Double]) -> [Double] = { _, y in [y[1], -y[0]] }

  @Test func `RK4 follows the harmonic oscillator's closed form`() {
    let solution = ODE.rk4(from: 0, to: 2 * .pi, steps: 200, initial: [1, 0], derivative: oscillator)
    #expect(solution.times.count == 201)
    #expect(solution.times.last == 2 * .pi)
    for (t, y) in zip(solution.times, solution.states) {
      #expect(abs(y[0] - cos(t)) < 1e-7)
      #expect(abs(y[1] + sin(t)) < 1e-7)
    }
  }

  @Test func `RK4 error falls sixteenfold when the step halves (fourth order)`() {
    let exact = exp(0.5)  // y' = t·y, y(0) = 1 → y = exp(t²/2)
    let errors = [20, 40, 80].map { steps in
      abs(ODE.rk4(from: 0, to: 1, steps: steps, initial: [1]) { t, y in [t * y[0]] }.final[0] - exact)
    }
    for (coarse, fine) in zip(errors, errors.dropFirst()) {
      #expect((14...18).contains(coarse / fine))
    }
  }

  @Test(arguments: [1e-6, 1e-9, 1e-12])
  func `Dormand–Prince meets its tolerance on exponential decay over ten time units`(tolerance: Double) {
    let solution = ODE.dormandPrince(from: 0, to: 10, initial: [1], tolerance: tolerance) { y in [-y[0]] }
    #expect(solution.isComplete)
    #expect(solution.times.last == 10)
    let worst = zip(solution.times, solution.states).map { abs($1[0] - exp(-$0)) }.max() ?? 0
    #expect(worst < 10 * tolerance)
  }

  @Test func `Dormand–Prince takes fewer steps than needed at a fixed step and keeps the oscillator's energy`() {
    let solution = ODE.dormandPrince(from: 0, to: 20, initial: [1, 0], tolerance: 1e-10, derivative: oscillator)
    #expect(abs(solution.final[0] - cos(20.0)) < 1e-8)
    #expect(abs(solution.final[1] + sin(20.0)) < 1e-8)
    let energy = solution.states.map { $0[0] * $0[0] + $0[1] * $0[1] }
    #expect(energy.allSatisfy { abs($0 - 1) < 1e-8 })
    #expect(solution.evaluations == 6 * (solution.stepCount + rejectedSteps(solution)) + 1)
    #expect(abs(solution.state(at: 3.3)[0] - cos(3.3)) < 1e-7)
  }

  /// Rejected steps are the evaluations not accounted for by accepted ones.
  private func rejectedSteps(_ solution: ODESolution) -> Int {
    (solution.evaluations - 1) / 6 - solution.stepCount
  }

  @Test func `integration runs backwards when the end precedes the start`() {
    let back = ODE.dormandPrince(from: 1, to: 0, initial: [exp(1.0)], tolerance: 1e-10) { y in [y[0]] }
    #expect(abs(back.final[0] - 1) < 1e-9)
    #expect(back.times.last == 0)
    let rk = ODE.rk4(from: 1, to: 0, steps: 100, initial: [exp(1.0)]) { y in [y[0]] }
    #expect(abs(rk.final[0] - 1) < 1e-9)
  }

  @Test func `a solution that blows up stops early and says so`() throws {
    // y' = y², y(0) = 1 has the solution 1/(1 − t), which leaves every bound at t = 1.
    let solution = ODE.dormandPrince(from: 0, to: 2, initial: [1], tolerance: 1e-8) { y in [y[0] * y[0]] }
    #expect(!solution.isComplete)
    let last = try #require(solution.times.last)
    // The numerical blow-up time may differ from 1 by about the tolerance.
    #expect(last < 1 + 1e-6 && last > 0.99)
  }

  @Test func `interpolation is exact at the time points and clamps outside`() {
    let solution = ODE.rk4(from: 0, to: 1, steps: 10, initial: [0]) { t, _ in [2 * t] }
    #expect(solution.state(at: solution.times[3])[0] == solution.states[3][0])
    #expect(abs(solution.state(at: 0.55)[0] - 0.3025) < 1e-14)  // a quadratic is interpolated exactly
    #expect(solution.state(at: 5)[0] == solution.final[0])
    #expect(solution.component(0).count == 11)
  }
}
