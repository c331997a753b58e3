import Foundation
import Lab
import Testing

@Suite struct ArrayRankingTests {
  @Test func `argsort is stable and puts NaN last`() {
    #expect([3.0, 1, 4, 1, 5].argsort() == [1, 3, 0, 2, 4])
    #expect([1.0, .nan, -1, .nan].argsort() == [2, 0, 1, 3])
    #expect([Double]().argsort() == [])
  }

  @Test func `topK returns the largest entries in order, ties to the lower index`() {
    let x = [3.0, 1, 4, 1, 5, 9, 2, 6]
    #expect(x.topK(3) == [5, 7, 4])
    #expect(x.topK(0) == [])
    #expect(x.topK(20) == Array(x.argsort().reversed()).sorted { x[$0] > x[$1] || (x[$0] == x[$1] && $0 < $1) })
    #expect([2.0, 2, 2].topK(2) == [0, 1])
    #expect([.nan, 1.0, 2].topK(3) == [2, 1, 0])
  }

  @Test func `topK agrees with a full sort on random data`() {
    var g = SeededGenerator(seed: 71)
    let x = (0..<1000).map { _ in Double(g.integer(below: 50)) }
    let reference = x.indices.sorted { x[$0] > x[$1] || (x[$0] == x[$1] && $0 < $1) }
    #expect(x.topK(25) == Array(reference.prefix(25)))
  }

  @Test func `argmax and argmin return the first extreme and skip NaN`() {
    #expect([1.0, 5, 5, -2].argmax() == 1)
    #expect([1.0, 5, 5, -2].argmin() == 3)
    #expect([.nan, 2.0, 1].argmax() == 1)
    #expect([.nan, 2.0, 1].argmin() == 2)
    #expect([Double.nan].argmax() == 0)
  }

  @Test func `logSumExp and softmax are stable at extreme values`() {
    #expect(abs([1000.0, 1000].logSumExp() - (1000 + log(2.0))) < 1e-12)
    #expect(abs([-1000.0, -1000].logSumExp() - (-1000 + log(2.0))) < 1e-12)
    #expect([Double]().logSumExp() == -.infinity)
    #expect([1.0, .infinity].logSumExp() == .infinity)
    #expect([-Double.infinity, -.infinity].logSumExp() == -.infinity)
    #expect([1.0, .nan].logSumExp().isNaN)
    let p = [1000.0, 999, -.infinity].softmax()
    #expect(abs(p.sum - 1) < 1e-15)
    #expect(p[2] == 0)
    #expect(abs(p[0] / p[1] - exp(1.0)) < 1e-12)
    #expect([1.0, 2, 3].cumulativeSum == [1, 3, 6])
  }
}
