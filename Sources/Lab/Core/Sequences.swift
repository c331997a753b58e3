/// Longest common subsequences and substrings of two sequences, by dynamic programming.
///
/// Generic over `Equatable` elements and specialised at the call site (`@inlinable`),
/// so `[UInt8]`, `[Int]` or `[Character]` inputs run at compiled-loop speed. For text,
/// pass `Array(string)` (by Character) or `Array(string.utf8)` (by byte, faster).
public enum Sequences {
  /// The length of a longest common subsequence of `a` and `b` (elements in order, not
  /// necessarily adjacent), in O(|a|·|b|) time and O(min(|a|, |b|)) memory.
  @inlinable
  public static func longestCommonSubsequenceLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.count < b.count { return longestCommonSubsequenceLength(b, a) }
    let m = b.count
    // Rolling rows in one buffer, [previous | current], addressed without bounds checks:
    // this loop is the whole cost, |a|·|b| cells.
    var rows = [Int](repeating: 0, count: 2 * (m + 1))
    var flip = false
    rows.withUnsafeMutableBufferPointer { buffer in
      b.withUnsafeBufferPointer { bb in
        guard let base = buffer.baseAddress, let bp = bb.baseAddress else { return }
        for x in a {
          let previous = flip ? base + (m + 1) : base
          let current = flip ? base : base + (m + 1)
          var left = 0
          for j in 0..<m {
            let value = x == bp[j] ? previous[j] + 1 : Swift.max(previous[j + 1], left)
            current[j + 1] = value
            left = value
          }
          flip.toggle()
        }
      }
    }
    return flip ? rows[2 * m + 1] : rows[m]
  }

  /// A longest common subsequence of `a` and `b`: its length and the matched positions
  /// `(i, j)` with `a[i] == b[j]`, both strictly increasing.
  ///
  /// O(|a|·|b|) time; memory one byte per table cell (25 MB for two 5,000-element inputs).
  /// Among several longest subsequences, the one returned prefers earlier positions in `b`.
  @inlinable
  public static func longestCommonSubsequence<T: Equatable>(
    _ a: [T], _ b: [T]
  ) -> (length: Int, pairs: [(Int, Int)]) {
    let (n, m) = (a.count, b.count)
    // moves[i*(m+1)+j] for cell (i, j): 0 = diagonal match, 1 = from above, 2 = from the left.
    var moves = [UInt8](repeating: 0, count: (n + 1) * (m + 1))
    var previous = [Int](repeating: 0, count: m + 1)
    var current = previous
    for i in 0..<n {
      for j in 0..<m {
        let cell = (i + 1) * (m + 1) + j + 1
        if a[i] == b[j] {
          current[j + 1] = previous[j] + 1
        } else if previous[j + 1] >= current[j] {
          current[j + 1] = previous[j + 1]
          moves[cell] = 1
        } else {
          current[j + 1] = current[j]
          moves[cell] = 2
        }
      }
      swap(&previous, &current)
    }
    var pairs: [(Int, Int)] = []
    var (i, j) = (n, m)
    while i > 0 && j > 0 {
      switch moves[i * (m + 1) + j] {
      case 0:
        pairs.append((i - 1, j - 1))
        i -= 1
        j -= 1
      case 1: i -= 1
      default: j -= 1
      }
    }
    return (length: pairs.count, pairs: pairs.reversed())
  }

  /// A longest common substring (contiguous run) of `a` and `b`: its length and where it occurs.
  ///
  /// O(|a|·|b|) time and O(|b|) memory. The first such run in `a` is returned; empty ranges
  /// at 0 if nothing is shared.
  @inlinable
  public static func longestCommonSubstring<T: Equatable>(
    _ a: [T], _ b: [T]
  ) -> (length: Int, first: Range<Int>, second: Range<Int>) {
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    var (best, endA, endB) = (0, 0, 0)
    for i in 0..<a.count {
      for j in 0..<b.count {
        current[j + 1] = a[i] == b[j] ? previous[j] + 1 : 0
        if current[j + 1] > best { (best, endA, endB) = (current[j + 1], i + 1, j + 1) }
      }
      swap(&previous, &current)
    }
    return (length: best, first: (endA - best)..<endA, second: (endB - best)..<endB)
  }

  /// ``longestCommonSubsequenceLength(_:_:)`` of two strings, by Character.
  public static func longestCommonSubsequenceLength(_ a: String, _ b: String) -> Int {
    longestCommonSubsequenceLength(Array(a), Array(b))
  }

  /// ``longestCommonSubstring(_:_:)`` of two strings, by Character; the substring itself.
  public static func longestCommonSubstring(_ a: String, _ b: String) -> String {
    let characters = Array(a)
    let found = longestCommonSubstring(characters, Array(b))
    return String(characters[found.first])
  }
}
