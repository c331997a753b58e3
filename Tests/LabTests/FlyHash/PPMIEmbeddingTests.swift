import Foundation
import Testing

@testable import Lab
@testable import LabFlyHash

@Suite("FlyHash PPMI embedding and truncated SVD")
struct PPMIEmbeddingTests {
  @Test func ppmiFollowsTheFormula() {
    let counts = Matrix([[0, 4, 1], [4, 0, 2], [1, 2, 0]])
    let ppmi = FlyHash.PPMIEmbedding.ppmiMatrix(counts: counts, contextSmoothing: 0.75)
    let rows = [5.0, 6, 3]
    let weights = [5.0, 6, 3].map { pow($0, 0.75) }
    let total = weights.reduce(0, +)
    for i in 0..<3 {
      for j in 0..<3 {
        let expected = counts[i, j] > 0 ? max(0, log(counts[i, j] * total / (rows[i] * weights[j]))) : 0
        #expect(abs(ppmi[i, j] - expected) < 1e-14)
      }
    }
  }

  @Test func cooccurrencesAreSymmetricWindowCounts() {
    let lookup = ["a": 0, "b": 1]
    let counts = FlyHash.PPMIEmbedding.cooccurrences([["a", "x", "b", "a"]], lookup, 2, 2)
    // a–b at distance 2 and b–a at distance 1; a–a at distance 3 is outside the window.
    #expect(counts[0, 1] == 2 && counts[1, 0] == 2)
    #expect(counts[0, 0] == 0)
  }

  @Test func truncatedSVDMatchesLAPACKOnLeadingValues() {
    var rng = SeededGenerator(seed: 14)
    let a =
      Matrix.random(rows: 120, columns: 8, using: &rng) * Matrix.random(rows: 8, columns: 90, using: &rng)
      + 0.01 * Matrix.random(rows: 120, columns: 90, using: &rng)
    let exact = a.singularValues()
    let svd = FlyHash.TruncatedSVD(a, rank: 6, using: &rng)
    for j in 0..<6 { #expect(abs(svd.values[j] - exact[j]) < 1e-9 * exact[0]) }
    let gram = svd.leftVectors.transposed * svd.leftVectors
    #expect((gram - Matrix.identity(6)).maxAbs < 1e-12)
  }

  @Test func neighboursComeFromSharedContexts() {
    var paragraphs: [[String]] = []
    for i in 0..<200 {
      paragraphs.append(i % 2 == 0 ? ["red", "apple", "sweet", "fruit"] : ["blue", "sky", "wide", "open"])
      paragraphs.append(i % 2 == 0 ? ["green", "apple", "sweet", "fruit"] : ["grey", "sky", "wide", "open"])
    }
    var rng = SeededGenerator(seed: 15)
    let words = ["red", "green", "blue", "grey", "apple", "sky", "sweet", "wide", "fruit", "open"]
    let embedding = FlyHash.PPMIEmbedding(
      paragraphs: paragraphs, vocabulary: words, halfWindow: 2, dimensions: 4, using: &rng)
    #expect(embedding.neighbours(of: "red", count: 1) == ["green"])
    #expect(embedding.cosine("red", "green")! > embedding.cosine("red", "blue")!)
    #expect(abs(embedding.vector(of: "sky")!.norm - 1) < 1e-12)
  }
}
