import Foundation
import Testing

@testable import Lab
@testable import LabRNN

@Suite("RNN step-factor bound")
struct StepFactorBoundTests {
  @Test("max |c·sech²c| is 0.447743… at the root of 2c·tanh c = 1")
  func saturationConstant() {
    #expect(abs(RNN.saturationConstant - 0.4477432046943) < 1e-12)
    let z = RNN.rootOfStationarity(offset: 0, above: true)
    #expect(abs(z - 0.771702) < 1e-6)
    #expect(abs(2 * z * tanh(z) - 1) < 1e-14)
  }

  @Test("The closed-form supremum matches a fine grid scan from above", arguments: [0.1, 0.5, 1.0], [0.0, 0.5, -1.0])
  func closedFormMatchesScan(h: Double, a: Double) {
    let bound = RNN.tanhStepFactorSupremum(previousState: h, offset: a)
    let scan = RNN.scanStepFactor(
      previousState: h, offset: a, recurrentWeights: -200...200, samples: 400_001, activation: .tanh)
    #expect(scan.supremum <= bound * (1 + 1e-12))
    #expect(abs(scan.supremum - bound) <= 1e-6 * bound)
  }

  @Test("At a = 0 the supremum is 0.44774 / |h| and symmetric in the sign of h")
  func zeroOffset() {
    for h in [0.1, 0.5, 1.0, -0.3] {
      #expect(abs(RNN.tanhStepFactorSupremum(previousState: h, offset: 0) * abs(h) - RNN.saturationConstant) < 1e-12)
    }
    #expect(RNN.tanhStepFactorSupremum(previousState: 0, offset: 0.3) == .infinity)
  }

  @Test("Known values for h = 0.5")
  func knownValues() {
    #expect(abs(RNN.tanhStepFactorSupremum(previousState: 0.5, offset: 0.5) - 1.57467) < 1e-5)
    #expect(abs(RNN.tanhStepFactorSupremum(previousState: 0.5, offset: -1) - 2.39690) < 1e-5)
  }

  @Test("ReLU's scan maximum grows with the scan range")
  func reluUnbounded() {
    let maxima = [10.0, 100, 1000].map {
      RNN.scanStepFactor(previousState: 0.5, offset: 0, recurrentWeights: -$0...$0, samples: 2001, activation: .relu)
        .supremum
    }
    #expect(maxima == [10, 100, 1000])
  }
}
