import Foundation
import Testing

@testable import Lab

@Suite struct DataFileTests {
  /// A scratch file in a fresh temporary folder; the folder is removed afterwards.
  func withFile(_ name: String, _ data: Data, _ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lab-datafile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try data.write(to: file)
    try body(file.path)
  }

  @Test func linesSplitOnNewlinesAndDropTheFinalEmptyLine() throws {
    try withFile("poems.txt", Data("山𡵓\r\n水\n\n云\n".utf8)) { path in
      let lines = try DataFile.lines(path)
      #expect(lines == ["山𡵓", "水", "", "云"])
    }
  }

  @Test func float32MatrixReadsLittleEndianRowMajor() throws {
    let values: [Float] = [1, -2.5, 0.125, 3e-8, .infinity, 7]
    var data = Data()
    for value in values {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
    }
    try withFile("m.f32", data) { path in
      let matrix = try DataFile.float32Matrix(path: path, rows: 2, columns: 3)
      #expect(matrix[0, 1] == -2.5)
      #expect(matrix[1, 0] == Double(Float(3e-8)))
      #expect(matrix[1, 2] == 7)
      #expect(throws: DataFileError.self) {
        try DataFile.float32Matrix(path: path, rows: 3, columns: 3)
      }
    }
  }

  @Test func jsonLinesGiveStringValues() throws {
    let text = """
      {"id": "a", "document": "x < y", "n": 3, "ok": true}

      {"id": "b", "document": "z", "n": 0.5, "ok": null}
      """
    try withFile("pairs.jsonl", Data(text.utf8)) { path in
      let records = try DataFile.jsonLines(path)
      #expect(records.count == 2)
      #expect(records[0] == ["id": "a", "document": "x < y", "n": "3", "ok": "true"])
      #expect(records[1]["n"] == "0.5" && records[1]["ok"] == "null")
    }
  }

  @Test func errorsNameThePathAndLine() throws {
    do {
      _ = try DataFile.lines("notebooks/data/missing-file.txt")
      Issue.record("expected an error")
    } catch let error as DataFileError {
      #expect(error.path == "notebooks/data/missing-file.txt")
      #expect(
        error.description.hasPrefix(
          "Cannot read data file 'notebooks/data/missing-file.txt': no such file"))
    }
    try withFile("bad.jsonl", Data("{\"a\": \"1\"}\n[1, 2]\n".utf8)) { path in
      #expect { try DataFile.jsonLines(path) } throws: { error in
        (error as? DataFileError)?.reason.hasPrefix("line 2 ") == true
      }
    }
  }
}
