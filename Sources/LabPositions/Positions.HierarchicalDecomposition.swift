import Lab

extension Positions {
  /// Extends n trained position vectors p₀ … pₙ₋₁ to n² positions, reproducing the first n exactly.
  ///
  /// Position k = i·n + j (0 ≤ i, j < n, 0-based) gets qₖ = α·uᵢ + (1 − α)·uⱼ with the bases
  /// uᵢ = (pᵢ − α·p₀)/(1 − α). Equivalently qₖ = pⱼ + α/(1 − α)·(pᵢ − p₀), so
  ///
  /// - qₖ = pₖ for k < n, to rounding (≤ a few ulps of the entries);
  /// - q₍ᵢ,ⱼ₊₁₎ − q₍ᵢ,ⱼ₎ = pⱼ₊₁ − pⱼ for every block i, whatever α;
  /// - q₍ᵢ₊₁,ⱼ₎ − q₍ᵢ,ⱼ₎ = α/(1 − α)·(pᵢ₊₁ − pᵢ);
  /// - q₍ᵢ,ⱼ₎ − q₍ⱼ,ᵢ₎ = (2α − 1)·(uᵢ − uⱼ), which vanishes for every pair at α = ½.
  public struct HierarchicalDecomposition: Sendable {
    /// The trained table p (n×d).
    public let trained: Matrix
    /// The mixing weight α of the block vector, 0 < α < 1.
    public let alpha: Double
    /// The bases u (n×d), uᵢ = (pᵢ − α·p₀)/(1 − α).
    public let bases: Matrix

    /// Builds the decomposition of `trained` with weight `alpha` (0 < α < 1; ½ is allowed
    /// but makes (i, j) and (j, i) coincide).
    public init(trained: Matrix, alpha: Double) {
      require(alpha > 0 && alpha < 1, "alpha must lie in (0, 1), got \(alpha)")
      self.trained = trained
      self.alpha = alpha
      let first = trained.row(0)
      self.bases = Matrix(rows: trained.rows, columns: trained.columns) { i, t in
        (trained[i, t] - alpha * first[t]) / (1 - alpha)
      }
    }

    /// The number n of trained positions.
    public var trainedCount: Int { trained.rows }

    /// The number n² of positions the decomposition can encode.
    public var capacity: Int { trained.rows * trained.rows }

    /// The embedding dimension d.
    public var dimension: Int { trained.columns }

    /// The embedding of block `i`, offset `j` (position i·n + j), 0-based.
    public func embedding(block i: Int, offset j: Int) -> [Double] {
      require((0..<trainedCount).contains(i) && (0..<trainedCount).contains(j), "block or offset out of range")
      return (0..<dimension).map { t in alpha * bases[i, t] + (1 - alpha) * bases[j, t] }
    }

    /// The embedding of position `k` (0-based, k < n²).
    public func embedding(at k: Int) -> [Double] {
      embedding(block: k / trainedCount, offset: k % trainedCount)
    }

    /// The table of positions 0 ..< `count` (count×d).
    public func table(count: Int) -> Matrix {
      require(count >= 0 && count <= capacity, "can encode at most \(capacity) positions, asked for \(count)")
      let n = trainedCount
      return Matrix(rows: count, columns: dimension) { k, t in
        alpha * bases[k / n, t] + (1 - alpha) * bases[k % n, t]
      }
    }

    /// The mean pairwise cosine within each of `blocks`, averaged over the blocks.
    ///
    /// Blocks are 0-based like positions: block i holds positions i·n ..< (i+1)·n, so block 0
    /// is the trained table and `1..<4` are the first three built blocks. O(n·d) per block.
    public func meanWithinBlockCosine(blocks: Range<Int>) -> Double {
      let n = trainedCount
      let values = blocks.map { i in
        Positions.meanPairwiseCosine(
          Matrix(rows: n, columns: dimension) { j, t in
            alpha * bases[i, t] + (1 - alpha) * bases[j, t]
          })
      }
      return values.reduce(0, +) / Double(values.count)
    }
  }
}
