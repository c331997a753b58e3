import Lab

extension PipeNetwork {
  /// Kirchhoff's law for the laminar network as a linear system `G P = b`.
  ///
  /// The unknowns are the free nodes' pressures (in ``freeNodes`` order). `G` is the Laplacian weighted by the conductances
  /// `1/R` (symmetric, positive definite when every free node is connected to a fixed
  /// one) and `b` collects `P_fixed / R` from pipes into fixed nodes. Quadratic
  /// coefficients are ignored.
  public var linearSystem: (matrix: Matrix, rhs: [Double]) {
    laplacian(conductances: pipes.map { 1 / $0.resistance })
  }

  /// The conductance Laplacian on the free nodes (in ``freeNodes`` order) and the
  /// right-hand side collecting `conductance × pressure` from pipes to fixed nodes.
  ///
  /// With these, Kirchhoff's law for a linear network reads `G P_free = b`.
  func laplacian(conductances: [Double]) -> (matrix: Matrix, rhs: [Double]) {
    let free = freeNodes
    var slot = [Int](repeating: -1, count: nodeCount)
    for (k, node) in free.enumerated() { slot[node] = k }
    var matrix = Matrix(rows: free.count, columns: free.count)
    var rhs = [Double](repeating: 0, count: free.count)
    for (pipe, c) in zip(pipes, conductances) {
      let a = slot[pipe.from]
      let b = slot[pipe.to]
      if a >= 0 { matrix[a, a] += c }
      if b >= 0 { matrix[b, b] += c }
      if a >= 0, b >= 0 {
        matrix[a, b] -= c
        matrix[b, a] -= c
      } else if a >= 0, let p = fixedPressures[pipe.to] {
        rhs[a] += c * p
      } else if b >= 0, let p = fixedPressures[pipe.from] {
        rhs[b] += c * p
      }
    }
    return (matrix, rhs)
  }

  /// All node pressures of the linear network with the given pipe conductances, by
  /// Cholesky; `nil` if the Laplacian is not positive definite.
  func linearPressures(conductances: [Double]) -> [Double]? {
    let system = laplacian(conductances: conductances)
    guard let factor = system.matrix.cholesky() else { return nil }
    return pressures(free: PipeNetwork.choleskySolve(factor, system.rhs), nodes: freeNodes)
  }

  /// Solves `L Lᵀ x = b` by forward then backward substitution.
  static func choleskySolve(_ lower: Matrix, _ b: [Double]) -> [Double] {
    let n = b.count
    var y = b
    for i in 0..<n {
      var s = y[i]
      for j in 0..<i { s -= lower[i, j] * y[j] }
      y[i] = s / lower[i, i]
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      var s = y[i]
      for j in (i + 1)..<n { s -= lower[j, i] * y[j] }
      y[i] = s / lower[i, i]
    }
    return y
  }
}
