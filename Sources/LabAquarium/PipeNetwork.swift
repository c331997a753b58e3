import Foundation
import Lab

/// A network of pipes between nodes, some held at fixed pressures, solved for the
/// pressure at every other node and the flow in every pipe.
///
/// Each pipe obeys `ΔP = R Q + K Q|Q|`, where `ΔP = P(from) − P(to)` and `Q` is the
/// volumetric flow from `from` to `to`: `R` is the laminar (Hagen–Poiseuille) resistance
/// and `K` a turbulent or fitting-loss coefficient. Conservation of mass at every free
/// node (Kirchhoff's current law) closes the system.
///
/// - With `K = 0` everywhere the system is linear, `G P = b`, with `G` a weighted graph
///   Laplacian restricted to the free nodes: symmetric, and positive definite as soon as
///   every connected component touches a fixed-pressure node. ``solveLinear()`` factors it
///   by Cholesky.
/// - Otherwise ``solve(tolerance:maxIterations:)`` runs Newton's method on the free
///   pressures; its Jacobian is again such a Laplacian, with conductances `1/(R + 2K|Q|)`.
///
/// Units are the caller's: with pascals and m³/s, `R` is in Pa·s/m³ and `K` in Pa·s²/m⁶.
public struct PipeNetwork: Sendable, Equatable {
  /// One pipe, directed from `from` to `to` for the sign of its flow.
  public struct Pipe: Sendable, Equatable, Hashable {
    /// The upstream node (flow is positive from here).
    public var from: Int
    /// The downstream node.
    public var to: Int
    /// The laminar resistance `R ≥ 0`.
    public var resistance: Double
    /// The quadratic loss coefficient `K ≥ 0`.
    public var quadraticCoefficient: Double

    /// The flow `Q` that a pressure drop `drop = P(from) − P(to)` drives through this pipe:
    /// the root of `R Q + K Q|Q| = drop`, computed in a form that is accurate for `K → 0`.
    public func flow(drop: Double) -> Double {
      let magnitude = abs(drop)
      let root = resistance + (resistance * resistance + 4 * quadraticCoefficient * magnitude).squareRoot()
      guard root > 0 else { return 0 }
      return (drop < 0 ? -1 : 1) * 2 * magnitude / root
    }

    /// `dQ/dΔP = 1 / (R + 2K|Q|)` at flow `q`.
    public func conductance(atFlow q: Double) -> Double {
      1 / (resistance + 2 * quadraticCoefficient * abs(q))
    }
  }

  /// The number of nodes, numbered `0..<nodeCount`.
  public private(set) var nodeCount: Int
  /// The pipes, in the order they were added.
  public private(set) var pipes: [Pipe] = []
  /// Pressures imposed at boundary nodes (tank water, pump).
  public private(set) var fixedPressures: [Int: Double] = [:]

  /// An empty network of `nodeCount` nodes.
  public init(nodeCount: Int = 0) {
    self.nodeCount = nodeCount
  }

  /// Adds a node and returns its index.
  @discardableResult
  public mutating func addNode() -> Int {
    nodeCount += 1
    return nodeCount - 1
  }

  /// Adds a pipe and returns its index.
  ///
  /// At least one of the coefficients must be positive.
  @discardableResult
  public mutating func addPipe(from: Int, to: Int, resistance: Double, quadraticCoefficient: Double = 0) -> Int {
    require(from != to, "a pipe needs two distinct nodes")
    require(max(from, to) < nodeCount && min(from, to) >= 0, "pipe \(from)→\(to) outside 0..<\(nodeCount)")
    require(resistance >= 0 && quadraticCoefficient >= 0, "loss coefficients must be non-negative")
    require(resistance + quadraticCoefficient > 0, "a pipe needs some resistance")
    pipes.append(Pipe(from: from, to: to, resistance: resistance, quadraticCoefficient: quadraticCoefficient))
    return pipes.count - 1
  }

  /// Holds `node` at `pressure`.
  public mutating func fixPressure(at node: Int, to pressure: Double) {
    require(node >= 0 && node < nodeCount, "node \(node) outside 0..<\(nodeCount)")
    fixedPressures[node] = pressure
  }

  /// Replaces the coefficients of pipe `index` (to clog an inlet, say).
  public mutating func setPipe(_ index: Int, resistance: Double, quadraticCoefficient: Double = 0) {
    require(
      resistance >= 0 && quadraticCoefficient >= 0 && resistance + quadraticCoefficient > 0,
      "loss coefficients must be non-negative, not both zero")
    pipes[index].resistance = resistance
    pipes[index].quadraticCoefficient = quadraticCoefficient
  }

  /// The Hagen–Poiseuille resistance `R = 128 μ L / (π D⁴)` of a straight round pipe in
  /// laminar flow (valid for Reynolds numbers below about 2000).
  public static func poiseuilleResistance(length: Double, diameter: Double, viscosity: Double) -> Double {
    128 * viscosity * length / (Double.pi * pow(diameter, 4))
  }

  /// The quadratic coefficient `K = ζ ρ / (2 A²)` of a fitting (tee, elbow, entrance) with
  /// loss coefficient `ζ` in a round pipe of diameter `D`: `ΔP = ζ ρ v² / 2 = K Q²`.
  public static func fittingCoefficient(lossCoefficient zeta: Double, diameter: Double, density: Double) -> Double {
    let area = Double.pi * diameter * diameter / 4
    return zeta * density / (2 * area * area)
  }

  /// The Reynolds number `ρ v D / μ` of flow `q` in a round pipe of diameter `D`.
  public static func reynoldsNumber(flow q: Double, diameter: Double, density: Double, viscosity: Double) -> Double {
    let velocity = abs(q) / (Double.pi * diameter * diameter / 4)
    return density * velocity * diameter / viscosity
  }
}
