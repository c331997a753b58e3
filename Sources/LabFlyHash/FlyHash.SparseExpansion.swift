import Lab

extension FlyHash {
  /// FlyHash: a sparse binary random expansion to `cells` Kenyon cells, then winner-take-all.
  ///
  /// Each cell sums `fanIn` distinct inputs chosen uniformly (a column of a binary matrix
  /// W ∈ {0,1}^{D×m} with `fanIn` ones), so the activations are `xW`; the code keeps the `active`
  /// largest activations (ties to the lower cell index) and sets exactly that many bits.
  public struct SparseExpansion: Sendable {
    /// The inputs each cell sums, ascending within a cell.
    public let connections: [[Int]]
    /// The input dimension D.
    public let inputDimension: Int

    /// Wires each of `cells` cells to `fanIn` distinct random inputs of `inputDimension`.
    public init(inputDimension: Int, cells: Int, fanIn: Int, using generator: inout SeededGenerator) {
      require(fanIn <= inputDimension, "a cell cannot read \(fanIn) of \(inputDimension) inputs")
      self.inputDimension = inputDimension
      connections = (0..<cells).map { _ in generator.sample(fanIn, from: inputDimension).sorted() }
    }

    /// The number of cells m.
    public var cells: Int { connections.count }

    /// The cell activations `xW`: cell j gets the sum of its inputs.
    public func activations(_ x: [Double]) -> [Double] {
      require(x.count == inputDimension, "input of length \(x.count), expected \(inputDimension)")
      return connections.map { inputs in inputs.reduce(0) { $0 + x[$1] } }
    }

    /// The code with the `active` most activated cells on.
    public func code(_ x: [Double], active: Int) -> Code {
      FlyHash.winnerTakeAll(activations(x), active: active)
    }
  }

  /// Winner-take-all: a code with the `active` largest entries on (ties to the lower index).
  public static func winnerTakeAll(_ activations: [Double], active: Int) -> Code {
    Code(active: activations.topK(active), length: activations.count)
  }
}
