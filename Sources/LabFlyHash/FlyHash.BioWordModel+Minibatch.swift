import Lab

extension FlyHash.BioWordModel {
  /// One epoch of the released training loop: the same rule summed over minibatches.
  ///
  /// For each batch of `batchSize` windows (taken from `order`), with every winner chosen by the
  /// unnormalised response before the batch's update,
  /// ΔW = ε · D / max|D|,  D_μ = Σ_{A won by μ} (v^A/p − ⟨W_μ, v^A/p⟩ W_μ),
  /// so the largest change of any synapse in a step is exactly ε (the normalisation makes the
  /// scale of p irrelevant). Cost per batch: O(nnz·K) for the responses plus two dense passes
  /// over the 2V·K synapses.
  public mutating func trainMinibatches(
    on corpus: FlyHash.BioWordCorpus, order: [Int], learningRate: Double, batchSize: Int
  ) -> EpochSummary {
    require(corpus.inputDimension == inputDimension, "corpus and model dimensions differ")
    require(batchSize > 0, "batch size must be positive, got \(batchSize)")
    foldAllScales()
    let inverse = corpus.frequencies.map { Float(1 / $0) }
    let (k, inputs) = (units, inputDimension)
    var wins = [Int](repeating: 0, count: k)
    var responseSum = 0.0
    var response = [Float](repeating: 0, count: k)
    var update = [Float](repeating: 0, count: k * inputs)
    var normsSquared = storedNormsSquared()
    var winners = [Int](repeating: 0, count: batchSize)
    let ones = [Float](repeating: 1, count: k)
    ones.withUnsafeBufferPointer { unitScale in
      storage.withUnsafeMutableBufferPointer { w in
        update.withUnsafeMutableBufferPointer { d in
          corpus.windowIndices.withUnsafeBufferPointer { indices in
            for start in stride(from: 0, to: order.count, by: batchSize) {
              let batch = order[start..<Swift.min(order.count, start + batchSize)]
              var decay = [Float](repeating: 0, count: k)
              for (slot, window) in batch.enumerated() {
                let range = corpus.windowOffsets[window]..<corpus.windowOffsets[window + 1]
                let winner = Self.rawWinner(indices, range, w, unitScale, k, &response)
                var inner: Float = 0
                var inputNormSquared: Float = 0
                for position in range {
                  let i = Int(indices[position])
                  inner += w[i * k + winner] * inverse[i]
                  inputNormSquared += inverse[i] * inverse[i]
                  d[i * k + winner] += inverse[i]
                }
                decay[winner] += inner
                responseSum += Double(inner / (normsSquared[winner] * inputNormSquared).squareRoot())
                winners[slot] = winner
                wins[winner] += 1
              }
              let largest = Self.subtractDecay(decay, from: d, weights: w, k, inputs)
              let step = Float(learningRate) / Swift.max(largest, 1e-30)
              normsSquared = Self.apply(step, d, to: w, k, inputs)
            }
          }
        }
      }
    }
    return EpochSummary(
      winCounts: wins, meanNormalizedResponse: responseSum / Double(Swift.max(order.count, 1)),
      largestStep: learningRate)
  }

  /// Multiplies every unit's scale into its stored synapses, leaving all scales 1.
  mutating func foldAllScales() {
    for i in 0..<inputDimension {
      for mu in 0..<units { storage[i * units + mu] *= scales[mu] }
    }
    scales = [Float](repeating: 1, count: units)
  }

  /// d ← d − decay_μ · W (the Hebbian sums are already in d); returns max |d|.
  static func subtractDecay(
    _ decay: [Float], from d: UnsafeMutableBufferPointer<Float>, weights w: UnsafeMutableBufferPointer<Float>,
    _ k: Int, _ inputs: Int
  ) -> Float {
    var wide = SIMD8<Float>(repeating: 0)
    var narrow: Float = 0
    decay.withUnsafeBufferPointer { xx in
      guard let dBase = d.baseAddress, let wBase = w.baseAddress, let xBase = xx.baseAddress else { return }
      for i in 0..<inputs {
        let row = i &* k
        var mu = 0
        while mu &+ 8 <= k {
          let value = load(dBase + (row &+ mu)) - load(xBase + mu) * load(wBase + (row &+ mu))
          store(value, dBase + (row &+ mu))
          wide = pointwiseMax(wide, pointwiseMax(value, -value))
          mu &+= 8
        }
        while mu < k {
          let value = dBase[row &+ mu] - xBase[mu] * wBase[row &+ mu]
          dBase[row &+ mu] = value
          narrow = Swift.max(narrow, abs(value))
          mu &+= 1
        }
      }
    }
    return Swift.max(wide.max(), narrow)
  }

  /// W ← W + step·d, clears d, and returns the new squared unit norms.
  static func apply(
    _ step: Float, _ d: UnsafeMutableBufferPointer<Float>, to w: UnsafeMutableBufferPointer<Float>,
    _ k: Int, _ inputs: Int
  ) -> [Float] {
    var norms = [Float](repeating: 0, count: k)
    norms.withUnsafeMutableBufferPointer { n in
      guard let dBase = d.baseAddress, let wBase = w.baseAddress, let nBase = n.baseAddress else { return }
      for i in 0..<inputs {
        let row = i &* k
        var mu = 0
        while mu &+ 8 <= k {
          let value = load(wBase + (row &+ mu)) + step * load(dBase + (row &+ mu))
          store(value, wBase + (row &+ mu))
          store(SIMD8(repeating: 0), dBase + (row &+ mu))
          store(load(nBase + mu) + value * value, nBase + mu)
          mu &+= 8
        }
        while mu < k {
          let value = wBase[row &+ mu] + step * dBase[row &+ mu]
          wBase[row &+ mu] = value
          dBase[row &+ mu] = 0
          nBase[mu] += value * value
          mu &+= 1
        }
      }
    }
    return norms
  }

  @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inline(__always)
  static func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
  }
}
