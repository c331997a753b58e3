import Foundation
import NotebookSupport
import Testing

@testable import NotebookRunner

/// File digests are remembered by size and modification time, except for files modified just now.
@Suite struct FileDigestsTests {
  private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digests-\(UUID().uuidString)")
    .path

  private func write(_ text: String, to name: String, age seconds: Double) throws -> String {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = "\(folder)/\(name)"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000 - seconds)], ofItemAtPath: path)
    return path
  }

  @Test func aDigestIsTheSHA256OfTheBytes() throws {
    let path = try write("abc", to: "a.txt", age: 60)
    #expect(
      FileDigests(memoPath: nil).digest(ofFileAt: path)
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(FileDigests(memoPath: nil).digest(ofFileAt: "\(folder)/missing") == nil)
  }

  @Test func aRememberedDigestIsReusedUntilTheStampChanges() throws {
    let path = try write("first", to: "b.txt", age: 60)
    let memo = "\(folder)/memo.json"
    let original = FileDigests(memoPath: memo)
    let digest = original.digest(ofFileAt: path)
    original.save()

    // Same size and time, other bytes: the memo answers, which is the trade it makes.
    _ = try write("other", to: "b.txt", age: 60)
    #expect(FileDigests(memoPath: memo).digest(ofFileAt: path) == digest)

    // A new modification time: read again.
    _ = try write("other", to: "b.txt", age: 30)
    #expect(FileDigests(memoPath: memo).digest(ofFileAt: path) == SHA256.hex("other"))
  }

  @Test func aFileModifiedJustNowIsNeverRemembered() throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = "\(folder)/fresh.txt"
    try Data("fresh".utf8).write(to: URL(fileURLWithPath: path))
    let memo = "\(folder)/memo.json"
    let digests = FileDigests(memoPath: memo)
    #expect(digests.digest(ofFileAt: path) == SHA256.hex("fresh"))
    digests.save()
    #expect(!FileManager.default.fileExists(atPath: memo))
  }

  @Test func anUnreadableMemoIsIgnored() throws {
    let path = try write("x", to: "c.txt", age: 60)
    let memo = try write("{not json", to: "memo.json", age: 60)
    #expect(FileDigests(memoPath: memo).digest(ofFileAt: path) == SHA256.hex("x"))
  }
}
