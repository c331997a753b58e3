import Lab

extension Aquarium {
  /// A suction manifold: inlets open to the tank (pressure 0), pipes joining them, and a
  /// pump drawing from the outlet.
  ///
  /// Without a `pump` loss the pump holds the outlet at pressure `−suction` whatever the
  /// flow. With one, the outlet is joined through that loss to a node at `−suction`: a
  /// pump whose suction weakens as the flow grows (a falling pump curve, `suction` being
  /// its shut-off head).
  ///
  /// Each inlet is a pipe from the tank node to a junction (its entrance loss: slots and
  /// the substrate in front of them), so an inlet's flow is that pipe's flow. Positions are
  /// in units of the inlet spacing, for drawing.
  public struct Manifold: Sendable, Equatable {
    /// The network; node 0 is the tank.
    public var network: PipeNetwork
    /// The pipe index of every inlet.
    public let inletPipes: [Int]
    /// The (x, y) position of every inlet.
    public let inletPositions: [[Double]]

    /// The flow through every inlet, in inlet order.
    public func inletFlows(_ solution: PipeFlow) -> [Double] {
      inletPipes.map { solution.flows[$0] }
    }

    /// Multiplies inlet `index`'s entrance loss by `factor` (a clog when `factor > 1`).
    public mutating func clogInlet(_ index: Int, factor: Double) {
      let pipe = network.pipes[inletPipes[index]]
      network.setPipe(
        inletPipes[index], resistance: factor * pipe.resistance,
        quadraticCoefficient: factor * pipe.quadraticCoefficient)
    }

    /// Solves the network: ``PipeNetwork/solveLinear()`` when every loss is laminar,
    /// ``PipeNetwork/solve(tolerance:maxIterations:)`` otherwise.
    public func solve() -> PipeFlow? {
      network.pipes.allSatisfy { $0.quadraticCoefficient == 0 } ? network.solveLinear() : network.solve()
    }

    /// A straight dead-end manifold: `inlets` junctions along one pipe, one segment apart,
    /// with the pump at one end (one segment before the first inlet).
    public static func deadEnd(
      inlets: Int, segment: PipeLoss, inlet: PipeLoss, suction: Double = 1, pump: PipeLoss? = nil
    ) -> Manifold {
      require(inlets > 0, "a manifold needs inlets")
      var network = PipeNetwork(nodeCount: 1)
      network.fixPressure(at: 0, to: 0)
      let outlet = network.addPump(suction: suction, loss: pump)
      var downstream = outlet
      var pipes: [Int] = []
      for _ in 0..<inlets {
        let junction = network.addNode()
        network.addPipe(from: junction, to: downstream, loss: segment)
        pipes.append(network.addPipe(from: 0, to: junction, loss: inlet))
        downstream = junction
      }
      let positions = (0..<inlets).map { [Double($0 + 1), 0] }
      return Manifold(network: network, inletPipes: pipes, inletPositions: positions)
    }

    /// An H-tree (工-shaped) manifold with `2^levels` inlets on a regular grid.
    ///
    /// From the outlet at the centre, branches alternate horizontal and vertical and halve
    /// in length every two levels (for 4 levels: 1, 1, ½, ½ inlet spacings), so every
    /// inlet is the same pipe length from the pump and every branching is symmetric.
    /// `segment` is the loss of one inlet spacing of pipe. Inlets are numbered so that
    /// the binary digits of an index spell its path from the root (see ``treeDistance(_:_:)``).
    public static func hTree(
      levels: Int, segment: PipeLoss, inlet: PipeLoss, suction: Double = 1, pump: PipeLoss? = nil
    ) -> Manifold {
      require(levels > 0, "an H-tree needs at least one level")
      var builder = HTreeBuilder(levels: levels, segment: segment, inlet: inlet, suction: suction, pump: pump)
      builder.grow(from: builder.root, at: [0, 0], level: 1)
      return Manifold(network: builder.network, inletPipes: builder.inletPipes, inletPositions: builder.positions)
    }

    /// The number of pipes on the path between inlets `i` and `j` of an H-tree, counting
    /// only tree segments: twice the depth below their lowest common branching.
    public static func treeDistance(_ i: Int, _ j: Int) -> Int {
      2 * (Int.bitWidth - (i ^ j).leadingZeroBitCount)
    }

    /// A two-header reverse-return (同程 in building services) layout: water enters
    /// header A at one end, crosses through one of `branches` parallel branches into
    /// header B, and leaves header B at the far end.
    ///
    /// Every path has the same length (`branches + 1` header segments and one branch),
    /// yet the flows are not equal, because the header segments a path shares carry
    /// different flows. The branches play the role of inlets.
    public static func reverseReturn(
      branches: Int, header: PipeLoss, branch: PipeLoss, suction: Double = 1, pump: PipeLoss? = nil
    ) -> Manifold {
      require(branches > 0, "a manifold needs branches")
      var network = PipeNetwork(nodeCount: 1)
      network.fixPressure(at: 0, to: 0)
      let supply = (0..<branches).map { _ in network.addNode() }
      let ret = (0..<branches).map { _ in network.addNode() }
      let outlet = network.addPump(suction: suction, loss: pump)
      network.addPipe(from: 0, to: supply[0], loss: header)
      for k in 1..<branches {
        network.addPipe(from: supply[k - 1], to: supply[k], loss: header)
        network.addPipe(from: ret[k - 1], to: ret[k], loss: header)
      }
      network.addPipe(from: ret[branches - 1], to: outlet, loss: header)
      let pipes = (0..<branches).map { network.addPipe(from: supply[$0], to: ret[$0], loss: branch) }
      let positions = (0..<branches).map { [Double($0), 0] }
      return Manifold(network: network, inletPipes: pipes, inletPositions: positions)
    }
  }
}

extension PipeNetwork {
  /// Adds the outlet node: held at `−suction`, or joined to such a node through `loss`.
  mutating func addPump(suction: Double, loss: Aquarium.PipeLoss?) -> Int {
    let outlet = addNode()
    guard let loss else {
      fixPressure(at: outlet, to: -suction)
      return outlet
    }
    let source = addNode()
    fixPressure(at: source, to: -suction)
    addPipe(from: outlet, to: source, loss: loss)
    return outlet
  }
}

/// Grows an H-tree depth first, so that inlet indices follow the binary path from the root.
private struct HTreeBuilder {
  let levels: Int
  let segment: Aquarium.PipeLoss
  let inlet: Aquarium.PipeLoss
  var network = PipeNetwork(nodeCount: 1)
  let root: Int
  var inletPipes: [Int] = []
  var positions: [[Double]] = []

  init(levels: Int, segment: Aquarium.PipeLoss, inlet: Aquarium.PipeLoss, suction: Double, pump: Aquarium.PipeLoss?) {
    self.levels = levels
    self.segment = segment
    self.inlet = inlet
    network.fixPressure(at: 0, to: 0)
    root = network.addPump(suction: suction, loss: pump)
  }

  /// Branch length at `level` (1-based) in inlet spacings: odd levels run along x over a
  /// grid `2^⌈L/2⌉` wide, even levels along y over `2^⌊L/2⌋`.
  func length(at level: Int) -> Double {
    let pair = (level + 1) / 2
    let extent = level % 2 == 1 ? (levels + 1) / 2 : levels / 2
    return Double(1 << extent) / Double(1 << (pair + 1))
  }

  mutating func grow(from parent: Int, at point: [Double], level: Int) {
    guard level <= levels else {
      inletPipes.append(network.addPipe(from: 0, to: parent, loss: inlet))
      positions.append(point)
      return
    }
    let step = length(at: level)
    let axis = level % 2 == 1 ? 0 : 1
    for sign in [-1.0, 1.0] {
      var child = point
      child[axis] += sign * step
      let node = network.addNode()
      network.addPipe(from: node, to: parent, loss: segment.scaled(by: step))
      grow(from: node, at: child, level: level + 1)
    }
  }
}
