import Lab

extension PipeNetwork {
  /// Solves the laminar network `ΔP = R Q` exactly: one Cholesky factorisation of the
  /// conductance Laplacian.
  ///
  /// Every pipe must have `K = 0`. Returns `nil` when the Laplacian is not positive
  /// definite, which happens when some group of free nodes is connected to no
  /// fixed-pressure node. Mass balance at free nodes holds to rounding (about 1e-15 of
  /// the largest flow), and the solution does not depend on how pipes are oriented.
  public func solveLinear() -> PipeFlow? {
    require(pipes.allSatisfy { $0.quadraticCoefficient == 0 }, "solveLinear needs K = 0; use solve()")
    guard let pressures = linearPressures(conductances: pipes.map { 1 / $0.resistance }) else { return nil }
    return flow(at: pressures, iterations: 0)
  }

  /// Solves the general network `ΔP = R Q + K Q|Q|` by Newton's method on the free pressures.
  ///
  /// The start is a successive-linearisation (Picard) estimate, which converges slowly but
  /// from anywhere; ``Newton/solve(initial:tolerance:maxIterations:residual:jacobian:)``
  /// then polishes it, with the analytic Jacobian `−G`, where `G` is the conductance
  /// Laplacian with weights `dQ/dΔP = 1/(R + 2K|Q|)` (symmetric positive definite).
  /// Converged when the Euclidean norm of the free nodes' imbalances is below
  /// `tolerance` times the largest pipe flow of the start.
  ///
  /// - Returns: `nil` if the network has a part without a fixed pressure or Newton fails
  ///   to converge in `maxIterations` steps.
  public func solve(tolerance: Double = 1e-12, maxIterations: Int = 50) -> PipeFlow? {
    guard let start = picardStart(sweeps: 6) else { return nil }
    let free = freeNodes
    let scale = flowState(pressures: start).flows.reduce(0) { max($0, abs($1)) }
    let result = Newton.solve(
      initial: free.map { start[$0] }, tolerance: tolerance * max(scale, .leastNormalMagnitude),
      maxIterations: maxIterations,
      residual: { x in
        let state = self.flowState(pressures: self.pressures(free: x, nodes: free))
        return free.map { state.netInflows[$0] }
      },
      jacobian: { x in
        let state = self.flowState(pressures: self.pressures(free: x, nodes: free))
        return -1 * self.laplacian(conductances: self.tangentConductances(flows: state.flows)).matrix
      })
    guard let result else { return nil }
    return flow(at: pressures(free: result.solution, nodes: free), iterations: result.iterations)
  }

  /// All node pressures from the free ones.
  func pressures(free values: [Double], nodes: [Int]) -> [Double] {
    var all = (0..<nodeCount).map { fixedPressures[$0] ?? 0 }
    for (value, node) in zip(values, nodes) { all[node] = value }
    return all
  }

  func flow(at pressures: [Double], iterations: Int) -> PipeFlow {
    let state = flowState(pressures: pressures)
    return PipeFlow(pressures: pressures, flows: state.flows, netInflows: state.netInflows, iterations: iterations)
  }

  /// Conductances `dQ/dΔP` at the current flows, floored so that a turbulent pipe with
  /// (nearly) zero flow does not make the Jacobian infinite.
  func tangentConductances(flows: [Double]) -> [Double] {
    let raw = zip(pipes, flows).map { $0.resistance + 2 * $0.quadraticCoefficient * abs($1) }
    let floor = 1e-9 * (raw.max() ?? 1)
    return raw.map { 1 / max($0, floor) }
  }

  /// Successive linearisation, a slow but safe start for Newton.
  ///
  /// Each sweep solves the linear network with `R + K|Q|` from the previous flows (unit
  /// flows at first). Returns all node pressures.
  func picardStart(sweeps: Int) -> [Double]? {
    var flows = [Double](repeating: 1, count: pipes.count)
    var pressures: [Double] = []
    for _ in 0..<sweeps {
      let raw = zip(pipes, flows).map { $0.resistance + $0.quadraticCoefficient * abs($1) }
      let floor = 1e-9 * (raw.max() ?? 1)
      guard let next = linearPressures(conductances: raw.map { 1 / max($0, floor) }) else { return nil }
      pressures = next
      flows = flowState(pressures: pressures).flows
    }
    return pressures
  }
}
