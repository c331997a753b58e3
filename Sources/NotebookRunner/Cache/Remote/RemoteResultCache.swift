import Foundation
import NotebookCore
import NotebookSupport

/// Execution results shared through an HTTP store, in the layout of Bazel's HTTP remote cache.
///
/// `ac/<key>` holds a small JSON record naming the SHA-256 and size of the result;
/// `cas/<sha256>` holds the result's JSON, the same bytes the local cache stores. A result is
/// accepted only when its bytes hash to the name they were fetched under, fit the size limit,
/// decode as ``NotebookResult`` and carry the key they were looked up by; anything else is a miss
/// with a warning. The first request that gets no answer turns the store off for the rest of the
/// build, so a store that is down costs one timeout.
public final class RemoteResultCache: @unchecked Sendable {
  /// The AC record: which CAS blob holds the result.
  struct ActionRecord: Codable, Equatable {
    static let currentFormat = "notebook-runner remote 1"
    var format: String
    var sha256: String
    var bytes: Int
  }

  /// The CAS blob of a result: the key it was computed under, and the result.
  struct Entry: Codable {
    var key: String
    var result: NotebookResult
  }

  /// The default limit on one entry: 16 MiB.
  public static let defaultMaximumBytes = 16 << 20
  /// Seconds of waiting on the store a build accepts in all; a store slower than that is left alone.
  public static let waitingBudget = 60.0

  /// The store's URL with any password masked, for messages.
  public let displayURL: String
  private let store: HTTPStore
  private let maximumBytes: Int
  private let uploads: Bool
  private let warn: @Sendable (String) -> Void
  private let lock = NSLock()
  private var unavailable = false
  private var uploadsRefused = false
  private var said = Set<String>()
  private var waited = 0.0
  private var hitCount = 0
  private var uploadCount = 0

  /// A cache on `settings`' store; warnings go to `warn` (each distinct one once).
  public init(settings: RemoteCacheSettings, warn: @escaping @Sendable (String) -> Void) {
    displayURL = settings.displayURL
    maximumBytes = settings.maximumBytes
    uploads = settings.uploads
    self.warn = warn
    store = HTTPStore(
      base: settings.url, bearerToken: settings.token, timeout: settings.timeout, maximumBytes: settings.maximumBytes)
  }

  /// How many results were taken from the store, and how many uploaded.
  public var counts: (hits: Int, uploads: Int) { lock.withLock { (hitCount, uploadCount) } }

  /// Whether the store answered every request so far.
  public var isAvailable: Bool { lock.withLock { !unavailable } }

  /// The shared result for `key`, verified, or `nil` (a miss).
  public func lookup(key: String, for notebook: Notebook) -> NotebookResult? {
    guard let data = verifiedBlob(at: "ac/\(key)", what: "the result of '\(notebook.path)'") else { return nil }
    guard let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key else {
      say("the shared result of '\(notebook.path)' is not a result for its key; executing it here")
      return nil
    }
    if let kind = Self.untrustedOutputKind(in: entry.result) {
      say(
        "the shared result of '\(notebook.path)' has a raw \(kind) output, which is only trusted from a local run; "
          + "executing it here")
      return nil
    }
    lock.withLock { hitCount += 1 }
    return entry.result
  }

  /// Uploads `result` under `key`: the blob first, then the record that points to it.
  public func store(_ result: NotebookResult, key: String, for notebook: Notebook) {
    guard uploads, lock.withLock({ !unavailable && !uploadsRefused }) else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(Entry(key: key, result: result)) else { return }
    guard data.count <= maximumBytes else {
      say(
        "the result of '\(notebook.path)' is \(data.count) bytes, over the shared cache's limit of "
          + "\(maximumBytes); not uploaded")
      return
    }
    if putBlob(data, record: "ac/\(key)") { lock.withLock { uploadCount += 1 } }
  }

  /// The last known execution seconds by notebook path, as stored by the last full build.
  public func executionTimes() -> [String: Double]? {
    guard let data = verifiedBlob(at: "ac/\(Self.timesKey)", what: "the execution times") else { return nil }
    return try? JSONDecoder().decode([String: Double].self, from: data)
  }

  /// Replaces the stored execution times.
  public func storeExecutionTimes(_ times: [String: Double]) {
    guard uploads, lock.withLock({ !unavailable && !uploadsRefused }) else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(times), data.count <= maximumBytes else { return }
    _ = putBlob(data, record: "ac/\(Self.timesKey)")
  }

  static let timesKey = SHA256.hex("notebook-runner execution times 1")

  /// Output kinds a page shows unescaped: trusted from a local run, never from a shared store.
  static func untrustedOutputKind(in result: NotebookResult) -> String? {
    for cell in result.cells {
      for case .display(let kind, _) in cell.outputs where kind == .html { return "HTML" }
    }
    return nil
  }
}

extension RemoteResultCache {
  private func verifiedBlob(at recordPath: String, what: String) -> Data? {
    guard let recordData = fetch(recordPath) else { return nil }
    guard let record = try? JSONDecoder().decode(ActionRecord.self, from: recordData),
      record.format == ActionRecord.currentFormat, Self.isDigest(record.sha256)
    else {
      say("the shared cache's record for \(what) is unreadable; ignoring it")
      return nil
    }
    guard record.bytes <= maximumBytes else {
      say("\(what) in the shared cache is \(record.bytes) bytes, over the limit of \(maximumBytes); ignoring it")
      return nil
    }
    guard let blob = fetch("cas/\(record.sha256)", what: what) else { return nil }
    guard blob.count == record.bytes, SHA256.hexBytes(Array(blob)) == record.sha256 else {
      say("\(what) in the shared cache is corrupt or truncated (its SHA-256 does not match); ignoring it")
      return nil
    }
    return blob
  }

  private func fetch(_ path: String, what: String? = nil) -> Data? {
    guard lock.withLock({ !unavailable }) else { return nil }
    switch timed({ store.get(path) }) {
    case .ok(let data): return data
    case .notFound:
      if let what { say("\(what) is recorded in the shared cache but its data is missing; ignoring it") }
      return nil
    case .tooLarge:
      say("\(what ?? "an entry") in the shared cache is over the limit of \(maximumBytes) bytes; ignoring it")
      return nil
    case .status(let code):
      say("the shared cache \(displayURL) answered HTTP \(code) to a lookup; treating it as a miss")
      return nil
    case .unreachable(let reason):
      markUnavailable(reason)
      return nil
    }
  }

  private func putBlob(_ data: Data, record recordPath: String) -> Bool {
    let digest = SHA256.hexBytes(Array(data))
    let record = ActionRecord(format: ActionRecord.currentFormat, sha256: digest, bytes: data.count)
    guard put("cas/\(digest)", data), let recordData = try? JSONEncoder().encode(record) else { return false }
    return put(recordPath, recordData)
  }

  private func put(_ path: String, _ data: Data) -> Bool {
    switch timed({ store.put(path, data) }) {
    case .ok: return true
    case .unreachable(let reason):
      markUnavailable(reason)
    case .status(let code):
      lock.withLock { uploadsRefused = true }
      say("the shared cache \(displayURL) refused an upload (HTTP \(code)); not uploading for the rest of this build")
    case .notFound:
      lock.withLock { uploadsRefused = true }
      say("the shared cache \(displayURL) refused an upload (HTTP 404); not uploading for the rest of this build")
    case .tooLarge: break
    }
    return false
  }

  /// Runs a request, and turns the store off once the build has waited on it for too long in all:
  /// each request is bounded, but a thousand slow ones would not be.
  private func timed(_ request: () -> HTTPStore.Response) -> HTTPStore.Response {
    let start = Date()
    let response = request()
    let total = lock.withLock {
      waited += Date().timeIntervalSince(start)
      return waited
    }
    if total > Self.waitingBudget {
      markUnavailable("too slow: \(Int(total)) s spent waiting on it")
    }
    return response
  }

  private func markUnavailable(_ reason: String) {
    let first = lock.withLock {
      defer { unavailable = true }
      return !unavailable
    }
    if first { say("the shared cache \(displayURL) is unavailable (\(reason)); building without it") }
  }

  private func say(_ message: String) {
    guard lock.withLock({ said.insert(message).inserted }) else { return }
    warn("warning: \(message)")
  }

  static func isDigest(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }
}
