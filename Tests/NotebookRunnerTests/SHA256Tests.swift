import NotebookSupport
import Testing

@testable import NotebookRunner

@Test func sha256MatchesPublishedTestVectors() {
  #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  #expect(
    SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
      == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  #expect(SHA256.hex(String(repeating: "a", count: 1000)).count == 64)
}

@Test func sha256IsTheSameInChunksAndAtOnce() {
  let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
  var whole = SHA256()
  whole.update(bytes)
  var chunked = SHA256()
  for start in stride(from: 0, to: bytes.count, by: 7) {
    chunked.update(Array(bytes[start..<min(start + 7, bytes.count)]))
  }
  #expect(whole.finalizeHex() == chunked.finalizeHex())
}
