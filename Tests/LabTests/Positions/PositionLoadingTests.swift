import Foundation
import Testing

@testable import Lab
@testable import LabPositions

@Suite("Positions.loadTable")
struct PositionLoadingTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("The shipped MiniLM table loads with its sidecar's shape and known row norms")
  func shippedTable() throws {
    let path = Self.repositoryRoot.appendingPathComponent("notebooks/data/minilm_position_embeddings.f32").path
    let table = try Positions.loadTable(path: path)
    #expect(table.rows == 512 && table.columns == 384)
    #expect(abs(table.row(0).norm - 2.36) < 0.01)
    #expect(abs(table.row(1).norm - 0.49) < 0.01)
    #expect(abs(table.row(511).norm - 0.97) < 0.01)
  }

  @Test("A sidecar declaring another dtype is rejected with the sidecar's path")
  func wrongDtype() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("positions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(count: 16).write(to: folder.appendingPathComponent("t.f32"))
    let sidecar = #"{"shape": [2, 2], "dtype": "float16", "byte_order": "little-endian"}"#
    try Data(sidecar.utf8).write(to: folder.appendingPathComponent("t.json"))
    #expect(throws: DataFileError.self) { try Positions.loadTable(path: folder.appendingPathComponent("t.f32").path) }
  }

  @Test("A table whose byte count disagrees with the shape is rejected")
  func wrongSize() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("positions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(count: 12).write(to: folder.appendingPathComponent("t.f32"))
    let sidecar = #"{"shape": [2, 2], "dtype": "float32", "byte_order": "little-endian"}"#
    try Data(sidecar.utf8).write(to: folder.appendingPathComponent("t.json"))
    #expect(throws: DataFileError.self) { try Positions.loadTable(path: folder.appendingPathComponent("t.f32").path) }
  }

  @Test("Values are widened exactly from float32")
  func exactValues() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("positions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let values: [Float] = [0.1, -2.5, 3e-8, 1]
    var bytes = Data()
    for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
    try bytes.write(to: folder.appendingPathComponent("t.f32"))
    let sidecar = #"{"shape": [2, 2], "dtype": "float32", "byte_order": "little-endian"}"#
    try Data(sidecar.utf8).write(to: folder.appendingPathComponent("t.json"))
    let table = try Positions.loadTable(path: folder.appendingPathComponent("t.f32").path)
    #expect(table.elements == values.map(Double.init))
  }
}
