import Lab
import LabSummarization
import Testing

struct ExtractionAlignmentTests {
  @Test func clausesCutAfterEverySeparatorAndKeepIt() {
    let clauses = Summarization.clauses("原告诉称：被告欠款，至今未还。\n请求判令归还；并付利息")
    #expect(clauses == ["原告诉称：", "被告欠款，", "至今未还。", "请求判令归还；", "并付利息"])
    #expect(Summarization.clauses("a, b.", separators: Summarization.englishClauseSeparators) == ["a,", "b."])
    #expect(Summarization.clauses("  ") == [])
  }

  @Test func copiedSummaryAlignsToItsSourceClauses() {
    let source = ["aaa", "bcd", "eef", "ghi", "jkl"].map(Array.init)
    let summary = ["ghi", "bcd", "jkl"].map(Array.init)
    let alignment = Summarization.extractionAlignment(source: source, summary: summary)
    // "bcd" follows "ghi" in the summary but precedes it in the source: order preservation
    // confines "bcd" to source clauses 3…4, where nothing matches, and the first one is kept.
    #expect(alignment.matches.map(\.sourceClause) == [3, 3, 4])
    #expect(alignment.matches[1].similarity == 0)
    #expect(alignment.isMonotone)
    #expect(alignment.matches.count == 3)
  }

  @Test func orderedCopyIsRecoveredExactly() {
    let source = ["aaa", "bcd", "eef", "ghi", "jkl"].map(Array.init)
    let summary = ["bcd", "ghi", "jkl"].map(Array.init)
    let alignment = Summarization.extractionAlignment(source: source, summary: summary)
    #expect(alignment.matches.map(\.sourceClause) == [1, 3, 4])
    #expect(alignment.labels == [1, 3, 4])
    #expect(alignment.matches.allSatisfy { $0.similarity == 1 })
    #expect(alignment.extract(from: source) == Array("bcdghijkl"))
  }

  @Test func randomAlignmentsAreMonotoneAndComplete() {
    var generator = SeededGenerator(seed: 21)
    func clause() -> [Int] { (0..<(1 + generator.integer(below: 6))).map { _ in generator.integer(below: 8) } }
    for _ in 0..<300 {
      let source = (0..<generator.integer(below: 12)).map { _ in clause() }
      let summary = (0..<generator.integer(below: 6)).map { _ in clause() }
      let alignment = Summarization.extractionAlignment(source: source, summary: summary)
      #expect(alignment.isMonotone)
      let expectedCount = source.isEmpty ? 0 : summary.count
      #expect(alignment.matches.map(\.summaryClause) == Array(0..<expectedCount))
      #expect(alignment.labels.allSatisfy { source.indices.contains($0) })
    }
  }

  @Test func leadTakesAPrefix() {
    #expect(Summarization.lead([1, 2, 3], count: 2) == [1, 2])
    #expect(Summarization.lead([1, 2, 3], count: 9) == [1, 2, 3])
    #expect(Summarization.lead([1, 2, 3], count: -1) == [])
  }
}
