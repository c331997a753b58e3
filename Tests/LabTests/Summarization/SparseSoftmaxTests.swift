import Foundation
import Lab
import LabSparseSoftmax
import Testing

struct SparseSoftmaxTests {
  @Test func probabilitiesLiveOnTheTopKAndSumToOne() {
    var generator = SeededGenerator(seed: 51)
    for k in [1, 3, 10, 50] {
      let logits = generator.normals(50)
      let p = SparseSoftmax.probabilities(logits, k: k)
      #expect(abs(p.sum - 1) <= 1e-14)
      #expect(p.filter { $0 > 0 }.count == k)
      #expect(Set(SparseSoftmax.support(logits, k: k)) == Set(p.indices.filter { p[$0] > 0 }))
    }
  }

  @Test func fullSupportIsOrdinarySoftmaxAndCrossEntropy() {
    var generator = SeededGenerator(seed: 52)
    let logits = generator.normals(20)
    let p = SparseSoftmax.probabilities(logits, k: 20)
    let q = logits.softmax()
    #expect(zip(p, q).allSatisfy { abs($0 - $1) <= 1e-15 })
    #expect(abs(SparseSoftmax.loss(logits, target: 3, k: 20) - (logits.logSumExp() - logits[3])) <= 1e-14)
  }

  @Test func gradientMatchesFiniteDifferences() {
    var generator = SeededGenerator(seed: 53)
    for trial in 0..<20 {
      let logits = generator.normals(30).map { 3 * $0 }
      let target = trial % 2 == 0 ? logits.argmax() : generator.integer(below: 30)
      let analytic = SparseSoftmax.gradient(logits, target: target, k: 5)
      let numeric = FiniteDifference.gradient(
        of: { SparseSoftmax.loss($0, target: target, k: 5) }, at: logits, step: 1e-6)
      #expect(zip(analytic, numeric).allSatisfy { abs($0 - $1) <= 1e-8 })
      let kept = Set(SparseSoftmax.support(logits, k: 5))
      #expect(analytic.indices.allSatisfy { kept.contains($0) || $0 == target || analytic[$0] == 0 })
    }
  }

  @Test func requiredGapReferenceValues() {
    let cases: [(n: Int, loss: Double, expected: Double)] = [
      (10, 0.1, 4.4494), (1000, 0.1, 9.1590), (21128, 0.1, 12.2105),
      (10, log(2), 2.1972), (1000, log(2), 6.9068), (21128, log(2), 9.9583),
    ]
    for c in cases {
      #expect(abs(SparseSoftmax.requiredGap(classes: c.n, loss: c.loss) - c.expected) <= 1e-4)
    }
    #expect(SparseSoftmax.requiredGap(classes: 5, loss: 0) == .infinity)
  }

  @Test func gapBoundHoldsAndIsTightForEqualNonTargets() {
    var generator = SeededGenerator(seed: 54)
    for _ in 0..<500 {
      let n = 2 + generator.integer(below: 200)
      let logits = generator.normals(n).map { 4 * $0 }
      let target = generator.integer(below: n)
      let loss = SparseSoftmax.loss(logits, target: target, k: n)
      let spread = (logits.max() ?? 0) - (logits.min() ?? 0)
      // n = 2 is always an equality, where rounding in the loss (a difference of O(10) numbers)
      // shows up amplified by 1/ε; 1e-9 is far above that and far below a real violation.
      #expect(spread >= SparseSoftmax.requiredGap(classes: n, loss: loss) - 1e-9)
    }
    for (n, gap) in [(10, 3.0), (1000, 9.0), (21128, 0.5)] {
      var logits = [Double](repeating: -gap, count: n)
      logits[0] = 0
      let loss = SparseSoftmax.loss(logits, target: 0, k: n)
      #expect(abs(SparseSoftmax.requiredGap(classes: n, loss: loss) - gap) <= 1e-9)
    }
  }

  @Test func sparseTrainingLeavesASmallerSpreadThanFullTraining() {
    let settings = (classes: 200, features: 32, examples: 32, loss: 0.1)
    let full = SparseSoftmax.trainLinearClassifier(
      classes: settings.classes, features: settings.features, examples: settings.examples, k: nil,
      targetLoss: settings.loss, learningRate: 2, maxSteps: 2_000, seed: 55)
    let sparse = SparseSoftmax.trainLinearClassifier(
      classes: settings.classes, features: settings.features, examples: settings.examples, k: 10,
      targetLoss: settings.loss, learningRate: 2, maxSteps: 2_000, seed: 55)
    #expect(full.lossHistory.last ?? 1 <= settings.loss && sparse.lossHistory.last ?? 1 <= settings.loss)
    #expect(full.classifiesAll && sparse.classifiesAll)
    let bound = SparseSoftmax.requiredGap(classes: settings.classes, loss: settings.loss)
    #expect(full.finalSpreads.sum / Double(settings.examples) >= bound)
    #expect(sparse.finalSpreads.sum / Double(settings.examples) < bound)
    #expect(
      zip(full.finalSpreads, full.finalFullLosses).allSatisfy {
        $0 >= SparseSoftmax.requiredGap(classes: settings.classes, loss: $1) - 1e-9
      })
  }
}
