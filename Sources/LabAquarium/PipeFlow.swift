import Lab

/// A solved pipe network: a pressure at every node and a flow in every pipe.
public struct PipeFlow: Sendable, Equatable {
  /// The pressure at every node (fixed nodes keep their imposed value).
  public let pressures: [Double]
  /// The flow in every pipe, positive from its `from` node to its `to` node.
  public let flows: [Double]
  /// Net inflow at every node, (flow in) − (flow out).
  ///
  /// Zero up to rounding (or the Newton
  /// tolerance) at free nodes; at a fixed node it is what the boundary absorbs.
  public let netInflows: [Double]
  /// Newton iterations used (0 for the linear solve).
  public let iterations: Int

  /// The largest |net inflow| over the nodes that are not held at a fixed pressure:
  /// how far the solution is from conserving mass.
  public func massImbalance(freeNodes: some Sequence<Int>) -> Double {
    freeNodes.reduce(0) { max($0, abs(netInflows[$1])) }
  }
}

extension PipeNetwork {
  /// Flows, and net inflow per node, for given node pressures.
  func flowState(pressures: [Double]) -> (flows: [Double], netInflows: [Double]) {
    var netInflows = [Double](repeating: 0, count: nodeCount)
    let flows = pipes.map { pipe in
      let q = pipe.flow(drop: pressures[pipe.from] - pressures[pipe.to])
      netInflows[pipe.from] -= q
      netInflows[pipe.to] += q
      return q
    }
    return (flows, netInflows)
  }

  /// The nodes whose pressure is unknown, in increasing order.
  public var freeNodes: [Int] {
    (0..<nodeCount).filter { fixedPressures[$0] == nil }
  }
}
