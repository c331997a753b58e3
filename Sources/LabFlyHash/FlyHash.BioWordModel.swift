import Lab

extension FlyHash {
  /// BioWord's synapses W (K units × 2V inputs) in single precision, and its hash codes.
  ///
  /// Storage is input-major (the K synapses of one input are contiguous), so the response to a
  /// sparse window is a sum of a few contiguous rows. Each unit carries a scale factor so that the
  /// per-sample rule's shrinking of a whole unit costs O(1); ``synapse(unit:input:)`` applies it.
  /// Responses are accumulated in `Float`: relative error about 1e-7 per added term.
  public struct BioWordModel: Sendable {
    /// The number of units K (Kenyon cells).
    public let units: Int
    /// The input dimension 2V.
    public let inputDimension: Int
    var storage: [Float]
    var scales: [Float]

    /// Synapses with independent entries `initialScale · u`, u uniform on [0, 1), from a
    /// counter-based generator: entry (input i, unit μ) uses SplitMix64 of `seed + i·K + μ`, so
    /// another implementation can reproduce the start exactly (``initialSynapse(seed:index:scale:)``).
    public init(units: Int, inputDimension: Int, initialScale: Float, seed: UInt64) {
      self.units = units
      self.inputDimension = inputDimension
      storage = (0..<(units * inputDimension)).map {
        Self.initialSynapse(seed: seed, index: $0, scale: initialScale)
      }
      scales = [Float](repeating: 1, count: units)
    }

    /// The starting value of storage entry `index` (= input · K + unit): the top 24 bits of
    /// SplitMix64(seed + index) over 2²⁴, times `scale`.
    public static func initialSynapse(seed: UInt64, index: Int, scale: Float) -> Float {
      Float(splitMix64(seed &+ UInt64(index)) >> 40) * 0x1p-24 * scale
    }

    /// A permutation of `0..<count` that other languages can reproduce: indices sorted by
    /// SplitMix64(seed + index) (ties, which need a 64-bit collision, by index).
    public static func shuffledOrder(count: Int, seed: UInt64) -> [Int] {
      let keys = (0..<count).map { splitMix64(seed &+ UInt64($0)) }
      return (0..<count).sorted { (keys[$0], $0) < (keys[$1], $1) }
    }

    /// One SplitMix64 output for state `x` (Steele, Lea & Flood, 2014).
    public static func splitMix64(_ x: UInt64) -> UInt64 {
      var z = x &+ 0x9E37_79B9_7F4A_7C15
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    /// W_μ,i.
    public func synapse(unit: Int, input: Int) -> Double {
      Double(storage[input * units + unit] * scales[unit])
    }

    /// Unit μ's synapses as a dense vector of length 2V.
    public func weights(unit: Int) -> [Double] {
      (0..<inputDimension).map { synapse(unit: unit, input: $0) }
    }

    /// ‖W_μ‖ for every unit.
    public var unitNorms: [Double] {
      var sums = [Double](repeating: 0, count: units)
      for i in 0..<inputDimension {
        for mu in 0..<units {
          let w = Double(storage[i * units + mu])
          sums[mu] += w * w
        }
      }
      return zip(sums, scales).map { $0.squareRoot() * Double(abs($1)) }
    }

    /// The responses ⟨W_μ, v⟩ of every unit to the binary input with `indices` on.
    public func activations(indices: [Int]) -> [Double] {
      var sums = [Double](repeating: 0, count: units)
      for i in indices {
        for mu in 0..<units { sums[mu] += Double(storage[i * units + mu]) }
      }
      return zip(sums, scales).map { $0 * Double($1) }
    }

    /// The hash of a binary input: the `active` units with the largest ⟨W_μ, v⟩ on.
    public func code(indices: [Int], active: Int) -> Code {
      FlyHash.winnerTakeAll(activations(indices: indices), active: active)
    }

    /// The static word code: the input is the centre one-hot alone, so the response of unit μ is
    /// the target-block synapse W_μ,V+word; the `active` largest are on.
    public func staticCode(word: Int, vocabularySize: Int, active: Int) -> Code {
      code(indices: [vocabularySize + word], active: active)
    }

    /// The static codes of every word `0..<vocabularySize`.
    public func staticCodes(vocabularySize: Int, active: Int) -> [FlyHash.Code] {
      (0..<vocabularySize).map { staticCode(word: $0, vocabularySize: vocabularySize, active: active) }
    }
  }
}
