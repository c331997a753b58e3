/// A seeded pseudo-random generator, xoshiro256** (Blackman & Vigna, 2018).
///
/// The stream depends only on the seed: it is the same on every platform and
/// every run. The 64-bit seed is expanded into the 256-bit state with SplitMix64,
/// as the algorithm's authors recommend. Period 2²⁵⁶ − 1. Not cryptographic.
///
/// Every random draw in `Lab` takes an `inout SeededGenerator`; nothing uses the
/// system's unseeded source.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
  // Visible to the inliner so that draws in client loops compile to a few instructions.
  @usableFromInline var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator whose stream is fixed by `seed`.
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = Self.rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = Self.rotateLeft(state.3, by: 45)
    return result
  }

  /// A new generator with an independent-looking stream, derived from this one.
  public mutating func split() -> SeededGenerator {
    SeededGenerator(seed: next())
  }

  /// Whether two generators are in the same state (and so will produce the same stream).
  public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
    lhs.state == rhs.state
  }

  /// Hashes the generator's state.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(state.0)
    hasher.combine(state.1)
    hasher.combine(state.2)
    hasher.combine(state.3)
  }

  @inlinable @inline(__always)
  static func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
  }
}
