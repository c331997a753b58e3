import Lab

extension FlyHash {
  /// A binary code of fixed length, stored as packed bits.
  ///
  /// Distances are exact integer counts: ``hammingDistance(to:)`` counts differing bits,
  /// ``overlap(with:)`` counts bits on in both.
  public struct Code: Sendable, Hashable {
    /// The number of bits.
    public let length: Int
    private var words: [UInt64]

    /// A code with every bit off.
    public init(length: Int) {
      require(length >= 0, "a code needs a non-negative length, got \(length)")
      self.length = length
      words = [UInt64](repeating: 0, count: (length + 63) / 64)
    }

    /// A code whose bit `i` is `bits[i]`.
    public init(bits: [Bool]) {
      self.init(length: bits.count)
      for (i, bit) in bits.enumerated() where bit { words[i >> 6] |= 1 << UInt64(i & 63) }
    }

    /// A code with exactly the bits in `active` on (repeats are harmless).
    public init(active: [Int], length: Int) {
      self.init(length: length)
      for i in active {
        require((0..<length).contains(i), "bit \(i) out of range for a code of length \(length)")
        words[i >> 6] |= 1 << UInt64(i & 63)
      }
    }

    /// Whether bit `i` is on.
    public subscript(i: Int) -> Bool {
      require((0..<length).contains(i), "bit \(i) out of range for a code of length \(length)")
      return words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// The number of bits on.
    public var activeCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The positions of the bits that are on, ascending.
    public var activeIndices: [Int] { (0..<length).filter { self[$0] } }

    /// The number of positions where the codes differ.
    ///
    /// Both codes must have the same length.
    public func hammingDistance(to other: Code) -> Int {
      require(length == other.length, "codes of length \(length) and \(other.length)")
      var count = 0
      for i in words.indices { count += (words[i] ^ other.words[i]).nonzeroBitCount }
      return count
    }

    /// The packed bits, 64 to a word, bit i in word i / 64 at position i % 64.
    public var packedWords: [UInt64] { words }

    /// The number of positions on in both codes.
    ///
    /// Both codes must have the same length.
    public func overlap(with other: Code) -> Int {
      require(length == other.length, "codes of length \(length) and \(other.length)")
      var count = 0
      for i in words.indices { count += (words[i] & other.words[i]).nonzeroBitCount }
      return count
    }
  }
}
