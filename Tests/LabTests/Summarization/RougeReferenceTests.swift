import Foundation
import Lab
import LabSummarization
import Testing

/// Lab's ROUGE against values computed by PyPI's `rouge-score` 0.1.2 (see Fixtures/README.md).
struct RougeReferenceTests {
  struct Reference: Decodable {
    struct Triple: Decodable {
      var precision: Double
      var recall: Double
      var fmeasure: Double
    }
    var name: String
    var tokenizer: String
    var reference: String
    var candidate: String
    var reference_tokens: [String]
    var candidate_tokens: [String]
    var rouge1: Triple
    var rouge2: Triple
    var rougeL: Triple
  }

  struct Fixture: Decodable {
    var package: String
    var pairs: [Reference]
  }

  static let fixture: Fixture = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/rouge_reference.json")
    do {
      return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    } catch {
      fatalError("Cannot read the ROUGE fixture at '\(url.path)': \(error)")
    }
  }()

  /// The same arithmetic in the same order as rouge-score, so agreement is expected to the last
  /// bit; 1e-12 leaves room only for a JSON round-trip of the reference values.
  static let tolerance = 1e-12

  @Test func fixtureCoversBothTokenizations() {
    let pairs = Self.fixture.pairs
    #expect(Self.fixture.package == "rouge-score 0.1.2")
    #expect(pairs.count >= 20)
    #expect(pairs.filter { $0.tokenizer == "characters" }.count >= 5)
    #expect(pairs.filter { $0.tokenizer == "default" }.count >= 10)
  }

  @Test(arguments: fixture.pairs.map(\.name))
  func tokensMatchReferenceTokenizer(name: String) throws {
    let pair = try #require(Self.fixture.pairs.first { $0.name == name })
    func tokenize(_ text: String) -> [String] {
      pair.tokenizer == "characters"
        ? Summarization.characterTokens(text).map { String($0) } : Summarization.rougeTokens(text)
    }
    #expect(tokenize(pair.reference) == pair.reference_tokens)
    #expect(tokenize(pair.candidate) == pair.candidate_tokens)
  }

  @Test(arguments: fixture.pairs.map(\.name))
  func scoresMatchRougeScore(name: String) throws {
    let pair = try #require(Self.fixture.pairs.first { $0.name == name })
    let scores = Summarization.rouge(candidate: pair.candidate_tokens, reference: pair.reference_tokens)
    for (lab, reference) in [
      (scores.rouge1, pair.rouge1), (scores.rouge2, pair.rouge2), (scores.rougeL, pair.rougeL),
    ] {
      #expect(abs(lab.precision - reference.precision) <= Self.tolerance, "precision of \(name)")
      #expect(abs(lab.recall - reference.recall) <= Self.tolerance, "recall of \(name)")
      #expect(abs(lab.f - reference.fmeasure) <= Self.tolerance, "F of \(name)")
    }
  }

  @Test func characterRougeOfRawChineseTextMatchesFixture() throws {
    for pair in Self.fixture.pairs where pair.tokenizer == "characters" {
      let scores = Summarization.characterRouge(candidate: pair.candidate, reference: pair.reference)
      #expect(abs(scores.rouge2.f - pair.rouge2.fmeasure) <= Self.tolerance, "\(pair.name)")
      #expect(abs(scores.rougeL.f - pair.rougeL.fmeasure) <= Self.tolerance, "\(pair.name)")
    }
  }
}
