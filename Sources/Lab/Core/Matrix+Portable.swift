extension Matrix {
  /// The product with a vector in plain Swift, summing each row left to right.
  ///
  /// BLAS kernels sum in an order that depends on the CPU they were chosen for; this does not,
  /// so its result is the same on every machine (see ``PortableMath``). Use it where a
  /// last-bit difference would grow, as in the state of a chaotic network; it is several times
  /// slower than the BLAS product `self * vector` for large matrices.
  public func portablyMultiplied(by vector: [Double]) -> [Double] {
    require(vector.count == columns, "cannot multiply a \(rows)×\(columns) matrix by a vector of \(vector.count)")
    return elements.withUnsafeBufferPointer { entries in
      (0..<rows).map { row in
        var sum = 0.0
        let start = row * columns
        for column in 0..<columns { sum += entries[start + column] * vector[column] }
        return sum
      }
    }
  }
}
