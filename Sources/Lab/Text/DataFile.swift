import Foundation

/// Reads the data files that notebooks ship (in `notebooks/data/`).
///
/// Paths are relative to the working directory, which for a notebook is the repository
/// root: `DataFile.lines("notebooks/data/tang300.txt")`. Every failure throws a
/// ``DataFileError`` that names the path.
public enum DataFile {
  /// The whole file as UTF-8 text.
  public static func text(_ path: String) throws -> String {
    guard let text = String(data: try contents(path), encoding: .utf8) else {
      throw DataFileError(path: path, reason: "it is not valid UTF-8")
    }
    return text
  }

  /// The file's lines without their terminators (`\n` or `\r\n`).
  ///
  /// A final line break does not add an empty last line; empty lines inside the file are kept.
  public static func lines(_ path: String) throws -> [String] {
    let text = try text(path)
    var lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { bytes in
      let line = String(decoding: bytes, as: UTF8.self)
      return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// A row-major matrix of little-endian IEEE-754 float32 values, widened to `Double`.
  ///
  /// - Throws: ``DataFileError`` if the file cannot be read or does not hold exactly
  ///   `rows × columns × 4` bytes.
  public static func float32Matrix(path: String, rows: Int, columns: Int) throws -> Matrix {
    let data = try contents(path)
    let expected = rows * columns * 4
    guard data.count == expected else {
      throw DataFileError(
        path: path,
        reason:
          "it has \(data.count) bytes but a \(rows)×\(columns) float32 matrix needs \(expected)")
    }
    let elements = data.withUnsafeBytes { raw in
      (0..<(rows * columns)).map { index in
        Double(
          Float(
            bitPattern: UInt32(
              littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))))
      }
    }
    return Matrix(rows: rows, columns: columns, elements: elements)
  }

  /// A JSON Lines file of flat objects, each value as a string.
  ///
  /// Strings are returned as is, numbers in their shortest form ("3", "0.5"), booleans as
  /// "true"/"false" and null as "null". Blank lines are skipped.
  ///
  /// - Throws: ``DataFileError`` naming the path and line of the first line that is not a
  ///   JSON object of scalars.
  public static func jsonLines(_ path: String) throws -> [[String: String]] {
    try jsonLines(path, as: [String: JSONScalar].self).map { $0.mapValues(\.text) }
  }

  /// A JSON Lines file decoded line by line as `type`.
  public static func jsonLines<T: Decodable>(_ path: String, as type: T.Type) throws -> [T] {
    let decoder = JSONDecoder()
    var records: [T] = []
    for (number, line) in try lines(path).enumerated()
    where !line.allSatisfy({ $0.isWhitespace }) {
      do {
        records.append(try decoder.decode(T.self, from: Data(line.utf8)))
      } catch {
        throw DataFileError(
          path: path, reason: "line \(number + 1) is not a valid \(T.self) record")
      }
    }
    return records
  }

  private static func contents(_ path: String) throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DataFileError(
        path: path, reason: "no such file (paths are relative to the working directory)")
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
      throw DataFileError(path: path, reason: "it cannot be read")
    }
    return data
  }
}

/// A JSON scalar read as text, for ``DataFile/jsonLines(_:)``.
struct JSONScalar: Decodable {
  var text: String

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      text = "null"
    } else if let value = try? container.decode(Bool.self) {
      text = value ? "true" : "false"
    } else if let value = try? container.decode(Int.self) {
      text = String(value)
    } else if let value = try? container.decode(Double.self) {
      text = String(value)
    } else {
      text = try container.decode(String.self)
    }
  }
}

/// A data file that could not be read or parsed.
public struct DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path as given by the caller.
  public let path: String
  /// Why it failed, such as "no such file".
  public let reason: String

  /// An error for the file at `path` that failed for `reason`; topic modules report their own data files so.
  package init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// "Cannot read data file 'notebooks/data/x.txt': no such file …".
  public var description: String { "Cannot read data file '\(path)': \(reason)" }
}
