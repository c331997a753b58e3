import Testing

@testable import Lab
@testable import LabFlyHash

@Suite("FlyHash.Retrieval")
struct RetrievalTests {
  @Test func averagePrecisionByHand() {
    // Relevant items at ranks 1 and 3: (1/1 + 2/3) / 2.
    let ap = FlyHash.Retrieval.averagePrecision(ranking: [7, 2, 9, 4], relevant: [7, 9])
    #expect(abs(ap - (1 + 2.0 / 3) / 2) < 1e-15)
    #expect(FlyHash.Retrieval.averagePrecision(ranking: [1, 2], relevant: [1, 2]) == 1)
    // A relevant item never ranked counts as precision 0.
    #expect(FlyHash.Retrieval.averagePrecision(ranking: [1, 2], relevant: [1, 3]) == 0.5)
    #expect(FlyHash.Retrieval.precision(at: 2, ranking: [7, 2, 9], relevant: [7, 9]) == 0.5)
  }

  @Test func rankingExcludesTheQueryAndOrdersByDistanceThenIndex() {
    let codes = [
      FlyHash.Code(active: [0, 1], length: 4), FlyHash.Code(active: [2, 3], length: 4),
      FlyHash.Code(active: [0, 2], length: 4), FlyHash.Code(active: [0, 1], length: 4),
    ]
    #expect(FlyHash.Retrieval.ranking(of: 0, codes: codes, by: .hamming) == [3, 2, 1])
    #expect(FlyHash.Retrieval.ranking(of: 0, codes: codes, by: .overlap) == [3, 2, 1])
  }

  @Test func areaUnderROCMatchesPairCounting() {
    var rng = SeededGenerator(seed: 5)
    let positives = (0..<40).map { _ in Double(rng.integer(below: 6)) }
    let negatives = (0..<30).map { _ in Double(rng.integer(below: 5)) }
    var wins = 0.0
    for p in positives {
      for n in negatives { wins += p > n ? 1 : (p == n ? 0.5 : 0) }
    }
    let expected = wins / Double(positives.count * negatives.count)
    #expect(abs(FlyHash.Retrieval.areaUnderROC(positives: positives, negatives: negatives) - expected) < 1e-14)
    #expect(FlyHash.Retrieval.areaUnderROC(positives: [2, 3], negatives: [0, 1]) == 1)
    #expect(FlyHash.Retrieval.areaUnderROC(positives: [1], negatives: [1]) == 0.5)
  }

  @Test func nearestNeighboursAreSortedByDistance() {
    let points: [[Double]] = [[0, 0], [3, 0], [1, 0], [0, 2], [1, 0]]
    #expect(FlyHash.Retrieval.nearestNeighbours(of: 0, in: points, count: 3) == [2, 4, 3])
  }

  @Test func perfectCodesGiveUnitMeanAveragePrecision() {
    // Two well separated groups with identical codes inside each group.
    let codes = (0..<10).map { FlyHash.Code(active: $0 < 5 ? [0, 1] : [2, 3], length: 4) }
    let neighbours = (0..<10).map { q in (0..<10).filter { $0 != q && ($0 < 5) == (q < 5) } }
    let score = FlyHash.Retrieval.meanAveragePrecision(
      codes: codes, queries: Array(0..<10), neighbours: neighbours, by: .overlap)
    #expect(score == 1)
  }

  @Test func fastMeanAveragePrecisionEqualsTheExplicitRanking() {
    var rng = SeededGenerator(seed: 16)
    let codes = (0..<300).map { _ in FlyHash.Code(active: rng.sample(6, from: 90), length: 90) }
    let queries = Array(0..<20)
    let neighbours = queries.map { q in rng.sample(15, from: 300).filter { $0 != q } }
    for similarity in [FlyHash.Retrieval.Similarity.hamming, .overlap] {
      let explicit =
        zip(queries, neighbours).map { q, truth in
          FlyHash.Retrieval.averagePrecision(
            ranking: FlyHash.Retrieval.ranking(of: q, codes: codes, by: similarity), relevant: Set(truth))
        }.reduce(0, +) / 20
      let fast = FlyHash.Retrieval.meanAveragePrecision(
        codes: codes, queries: queries, neighbours: neighbours, by: similarity)
      #expect(abs(fast - explicit) < 1e-12)
    }
  }

  @Test func meanPrecisionEqualsThePerQueryRanking() {
    var rng = SeededGenerator(seed: 17)
    let codes = (0..<200).map { _ in FlyHash.Code(active: rng.sample(5, from: 60), length: 60) }
    let queries = Array(0..<25)
    let relevant = queries.map { q in Set(rng.sample(12, from: 200).filter { $0 != q }) }
    for similarity in [FlyHash.Retrieval.Similarity.hamming, .overlap] {
      let explicit =
        zip(queries, relevant).map { q, truth in
          FlyHash.Retrieval.precision(
            at: 10, ranking: FlyHash.Retrieval.ranking(of: q, codes: codes, by: similarity), relevant: truth)
        }.reduce(0, +) / 25
      let packed = FlyHash.Retrieval.meanPrecision(
        at: 10, codes: codes, queries: queries, relevant: relevant, by: similarity)
      #expect(abs(packed - explicit) < 1e-12)
    }
  }

  @Test func meanPrecisionOfSeparatedGroupsIsOne() {
    // Identical codes inside each of two groups: the first four ranked are always the query's group.
    let codes = (0..<10).map { FlyHash.Code(active: $0 < 5 ? [0, 1] : [2, 3], length: 4) }
    let relevant = (0..<10).map { q in Set((0..<10).filter { $0 != q && ($0 < 5) == (q < 5) }) }
    #expect(
      FlyHash.Retrieval.meanPrecision(at: 4, codes: codes, queries: Array(0..<10), relevant: relevant, by: .overlap)
        == 1)
  }
}
