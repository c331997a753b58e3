import Lab

extension FlyHash.BioWordModel {
  /// What one training epoch did.
  public struct EpochSummary: Sendable {
    /// How many windows each unit won.
    public var winCounts: [Int]
    /// The mean over windows of ⟨W_μ̂, v/p⟩ / (‖W_μ̂‖ ‖v/p‖), measured just before each window's
    /// update (μ̂ its winner): the normalised response the rule climbs, in [0, 1] for
    /// non-negative synapses.
    public var meanNormalizedResponse: Double
    /// The largest change applied to one synapse by one step.
    public var largestStep: Double
  }

  /// One pass of the per-sample rule over the windows in `order`:
  /// ΔW_μ̂ = ε (v/p − ⟨W_μ̂, v/p⟩ W_μ̂), μ̂ = argmax_μ ⟨W_μ, v⟩ (the unnormalised winner).
  ///
  /// Cost O(nnz·K) per window: the decay of the whole winning unit is a change of its scale.
  /// Requires ε⟨W_μ̂, v/p⟩ < 1 (checked), otherwise the step would flip the unit's sign.
  public mutating func trainPerSample(
    on corpus: FlyHash.BioWordCorpus, order: [Int], learningRate: Double
  ) -> EpochSummary {
    require(corpus.inputDimension == inputDimension, "corpus and model dimensions differ")
    let inverse = corpus.frequencies.map { Float(1 / $0) }
    let epsilon = Float(learningRate)
    let (k, inputs) = (units, inputDimension)
    var wins = [Int](repeating: 0, count: k)
    var responseSum = 0.0
    var largest: Float = 0
    var response = [Float](repeating: 0, count: k)
    var storedNormSquared = storedNormsSquared()
    storage.withUnsafeMutableBufferPointer { w in
      scales.withUnsafeMutableBufferPointer { scale in
        corpus.windowIndices.withUnsafeBufferPointer { indices in
          for window in order {
            let range = corpus.windowOffsets[window]..<corpus.windowOffsets[window + 1]
            let winner = Self.rawWinner(indices, range, w, UnsafeBufferPointer(scale), k, &response)
            var inner: Float = 0
            var inputNormSquared: Float = 0
            for position in range {
              let i = Int(indices[position])
              inner += w[i * k + winner] * inverse[i]
              inputNormSquared += inverse[i] * inverse[i]
            }
            inner *= scale[winner]
            let norm = scale[winner] * storedNormSquared[winner].squareRoot()
            responseSum += Double(inner / (norm * inputNormSquared.squareRoot()))
            let factor = 1 - epsilon * inner
            require(factor > 0, "learning rate too large: ε⟨W, v/p⟩ = \(epsilon * inner) ≥ 1")
            scale[winner] *= factor
            for position in range {
              let i = Int(indices[position])
              let old = w[i * k + winner]
              let new = old + epsilon * inverse[i] / scale[winner]
              w[i * k + winner] = new
              storedNormSquared[winner] += new * new - old * old
              largest = Swift.max(largest, epsilon * inverse[i])
            }
            if scale[winner] < 1e-3 {
              Self.foldScale(winner, w, scale, k, inputs)
              storedNormSquared[winner] = Self.normSquared(of: winner, w, k, inputs)
            }
            wins[winner] += 1
          }
        }
      }
    }
    return EpochSummary(
      winCounts: wins, meanNormalizedResponse: responseSum / Double(Swift.max(order.count, 1)),
      largestStep: Double(largest))
  }

  /// Σᵢ storage(i, μ)² for every unit (without the scales).
  func storedNormsSquared() -> [Float] {
    var sums = [Float](repeating: 0, count: units)
    for i in 0..<inputDimension {
      for mu in 0..<units { sums[mu] += storage[i * units + mu] * storage[i * units + mu] }
    }
    return sums
  }

  /// The winner by the unnormalised response; fills `response` with ⟨W_μ, v⟩ / scale_μ.
  @inline(__always)
  static func rawWinner(
    _ indices: UnsafeBufferPointer<Int32>, _ range: Range<Int>,
    _ w: UnsafeMutableBufferPointer<Float>, _ scale: UnsafeBufferPointer<Float>, _ k: Int,
    _ response: inout [Float]
  ) -> Int {
    response.withUnsafeMutableBufferPointer { r in
      guard let sums = r.baseAddress, let base = w.baseAddress else { return 0 }
      let rows = UnsafePointer(base)
      sums.update(repeating: 0, count: k)
      // Pointer arithmetic, free of overflow checks, lets the compiler vectorise the row sums.
      for position in range { addRow(rows + Int(indices[position]) &* k, into: sums, count: k) }
      var best = 0
      var bestValue = sums[0] * scale[0]
      for mu in 1..<k where sums[mu] * scale[mu] > bestValue {
        best = mu
        bestValue = sums[mu] * scale[mu]
      }
      return best
    }
  }

  /// sums[0..<count] += row[0..<count].
  @inline(__always)
  static func addRow(_ row: UnsafePointer<Float>, into sums: UnsafeMutablePointer<Float>, count: Int) {
    var mu = 0
    while mu &+ 8 <= count {
      let total =
        UnsafeRawPointer(sums + mu).loadUnaligned(as: SIMD8<Float>.self)
        + UnsafeRawPointer(row + mu).loadUnaligned(as: SIMD8<Float>.self)
      UnsafeMutableRawPointer(sums + mu).storeBytes(of: total, as: SIMD8<Float>.self)
      mu &+= 8
    }
    while mu < count {
      sums[mu] += row[mu]
      mu &+= 1
    }
  }

  static func foldScale(
    _ unit: Int, _ w: UnsafeMutableBufferPointer<Float>, _ scale: UnsafeMutableBufferPointer<Float>,
    _ k: Int, _ inputs: Int
  ) {
    for i in 0..<inputs { w[i * k + unit] *= scale[unit] }
    scale[unit] = 1
  }

  static func normSquared(of unit: Int, _ w: UnsafeMutableBufferPointer<Float>, _ k: Int, _ inputs: Int)
    -> Float
  {
    var sum: Float = 0
    for i in 0..<inputs { sum += w[i * k + unit] * w[i * k + unit] }
    return sum
  }
}
