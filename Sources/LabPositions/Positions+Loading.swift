import Foundation
import Lab

extension Positions {
  /// The shape and encoding a table's JSON sidecar declares.
  struct TableSidecar: Decodable {
    var shape: [Int]
    var dtype: String
    var byteOrder: String

    enum CodingKeys: String, CodingKey {
      case shape, dtype
      case byteOrder = "byte_order"
    }
  }

  /// Loads a trained position table stored as raw float32 values with a JSON sidecar.
  ///
  /// `path` names the `.f32` file; the sidecar has the same name with extension `.json` and
  /// must declare `"shape": [rows, columns]`, `"dtype": "float32"` and
  /// `"byte_order": "little-endian"`. Values are widened to `Double` exactly.
  ///
  /// - Throws: ``DataFileError`` if either file is missing, the sidecar is malformed or
  ///   declares another encoding, or the byte count does not match the shape.
  public static func loadTable(path: String) throws -> Matrix {
    let sidecarPath = (path as NSString).deletingPathExtension + ".json"
    let sidecar: TableSidecar
    do {
      sidecar = try JSONDecoder().decode(TableSidecar.self, from: Data(try DataFile.text(sidecarPath).utf8))
    } catch let error as DataFileError {
      throw error
    } catch {
      throw DataFileError(path: sidecarPath, reason: "it lacks 'shape', 'dtype' or 'byte_order'")
    }
    guard sidecar.shape.count == 2, sidecar.dtype == "float32", sidecar.byteOrder == "little-endian" else {
      throw DataFileError(
        path: sidecarPath,
        reason: "it declares shape \(sidecar.shape) of '\(sidecar.dtype)' (\(sidecar.byteOrder)); "
          + "need a 2-D little-endian float32 table")
    }
    return try DataFile.float32Matrix(path: path, rows: sidecar.shape[0], columns: sidecar.shape[1])
  }
}
