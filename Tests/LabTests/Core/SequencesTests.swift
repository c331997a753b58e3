import Lab
import Testing

@Suite struct SequencesTests {
  /// Exhaustive LCS length over all subsequences of `a` (fine for |a| ≤ 12).
  private func bruteForceLCS(_ a: [Int], _ b: [Int]) -> Int {
    var best = 0
    for mask in 0..<(1 << a.count) {
      let sub = a.indices.filter { mask & (1 << $0) != 0 }.map { a[$0] }
      var j = 0
      for x in b where j < sub.count && sub[j] == x { j += 1 }
      if j == sub.count { best = max(best, sub.count) }
    }
    return best
  }

  @Test func `LCS of the textbook example has length 4 and valid matched pairs`() {
    let a = Array("ABCBDAB")
    let b = Array("BDCABA")
    let result = Sequences.longestCommonSubsequence(a, b)
    #expect(result.length == 4)
    #expect(result.pairs.allSatisfy { a[$0.0] == b[$0.1] })
    #expect(zip(result.pairs, result.pairs.dropFirst()).allSatisfy { $0.0 < $1.0 && $0.1 < $1.1 })
    #expect(Sequences.longestCommonSubsequenceLength("ABCBDAB", "BDCABA") == 4)
  }

  @Test func `LCS length matches exhaustive search on random short sequences`() {
    var g = SeededGenerator(seed: 61)
    for _ in 0..<60 {
      let a = (0..<g.integer(below: 11)).map { _ in g.integer(below: 3) }
      let b = (0..<g.integer(below: 14)).map { _ in g.integer(below: 3) }
      let expected = bruteForceLCS(a, b)
      #expect(Sequences.longestCommonSubsequenceLength(a, b) == expected)
      let full = Sequences.longestCommonSubsequence(a, b)
      #expect(full.length == expected)
      #expect(full.pairs.allSatisfy { a[$0.0] == b[$0.1] })
    }
  }

  @Test func `LCS with an empty side is empty`() {
    #expect(Sequences.longestCommonSubsequence([Int](), [1, 2]).length == 0)
    #expect(Sequences.longestCommonSubsequenceLength([1, 2], [Int]()) == 0)
  }

  @Test func `longest common substring finds the longest contiguous run`() {
    let result = Sequences.longestCommonSubstring(Array("xabcdey"), Array("zzabcdq"))
    #expect(result.length == 4)
    #expect(result.first == 1..<5)
    #expect(result.second == 2..<6)
    #expect(Sequences.longestCommonSubstring("春眠不觉晓", "处处闻啼鸟春眠") == "春眠")
    #expect(Sequences.longestCommonSubstring("abc", "xyz") == "")
  }
}
