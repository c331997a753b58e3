import Lab

extension Positions {
  /// Activation memory per sample modelled as a·L + b·L² (L the sequence length), in units of
  /// the whole device memory, so that the largest batch at length L is 1 / (a·L + b·L²).
  ///
  /// The linear term stands for the per-token work (projections, feed-forward layers), the
  /// quadratic one for the attention matrices.
  public struct MemoryModel: Sendable, Hashable {
    /// The linear coefficient a (memory per token).
    public var linear: Double
    /// The quadratic coefficient b (memory per token pair).
    public var quadratic: Double

    /// Creates the model with coefficients a and b.
    public init(linear: Double, quadratic: Double) {
      self.linear = linear
      self.quadratic = quadratic
    }

    /// The model through two observed (length, largest batch) pairs, solving the 2×2 system
    /// a·Lₖ + b·Lₖ² = 1 / Bₖ exactly (the lengths must differ and be positive).
    public init(fitting first: (length: Double, batchSize: Double), _ second: (length: Double, batchSize: Double)) {
      let (l1, l2) = (first.length, second.length)
      require(l1 > 0 && l2 > 0 && l1 != l2, "need two different positive lengths")
      let (m1, m2) = (1 / first.batchSize, 1 / second.batchSize)
      // Dividing by L turns the system into a line: m/L = a + b·L.
      let slope = (m2 / l2 - m1 / l1) / (l2 - l1)
      self.init(linear: m1 / l1 - slope * l1, quadratic: slope)
    }

    /// Memory per sample at length L, a·L + b·L².
    public func memoryPerSample(length: Double) -> Double {
      linear * length + quadratic * length * length
    }

    /// The largest batch that fits at length L (not rounded), 1 / (a·L + b·L²).
    public func batchSize(length: Double) -> Double {
      1 / memoryPerSample(length: length)
    }

    /// The fraction of the per-sample memory in the quadratic term at length L.
    public func quadraticShare(length: Double) -> Double {
      quadratic * length * length / memoryPerSample(length: length)
    }

    /// The length a/b where the quadratic term overtakes the linear one.
    public var crossoverLength: Double { linear / quadratic }
  }
}
