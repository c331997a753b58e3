import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Plain HTTP GET and PUT against one base URL, with bounded time and size.
///
/// Every request is bounded by `timeout` (connect and transfer together); a response body larger
/// than `maximumBytes` is abandoned as it streams in, so a hostile server cannot fill memory.
/// Credentials never travel in the URL given to the network layer: user information in the base
/// URL becomes a basic `Authorization` header, and a bearer token can be passed instead.
public final class HTTPStore: @unchecked Sendable {
  /// What a request came to.
  public enum Response: Sendable, Equatable {
    /// 2xx, with the body.
    case ok(Data)
    /// 404: the store does not have it.
    case notFound
    /// The body was longer than the limit.
    case tooLarge
    /// Any other status.
    case status(Int)
    /// No answer: refused, unreachable, timed out. The text never contains the URL.
    case unreachable(String)
  }

  private let base: URL
  private let authorization: String?
  private let timeout: Double
  private let maximumBytes: Int
  private let session: URLSession
  private let receiver: Receiver

  /// A store at `base` (user information in it is used as basic credentials).
  ///
  /// - Parameters:
  ///   - bearerToken: Sent as `Authorization: Bearer …` when there is no user information in `base`.
  ///   - timeout: Seconds one request may take in all.
  ///   - maximumBytes: The largest body accepted or sent.
  public init(base: URL, bearerToken: String?, timeout: Double, maximumBytes: Int) {
    var components = URLComponents(url: base, resolvingAgainstBaseURL: false)
    let user = components?.percentEncodedUser.flatMap { $0.removingPercentEncoding }
    let password = components?.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
    components?.user = nil
    components?.password = nil
    self.base = components?.url ?? base
    if let user {
      authorization = "Basic " + Data("\(user):\(password ?? "")".utf8).base64EncodedString()
    } else {
      authorization = bearerToken.map { "Bearer \($0)" }
    }
    self.timeout = timeout
    self.maximumBytes = maximumBytes
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    receiver = Receiver(maximumBytes: maximumBytes)
    session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: nil)
  }

  deinit { session.invalidateAndCancel() }

  /// GETs `path` (relative to the base, no leading slash).
  public func get(_ path: String) -> Response {
    perform(request(path, method: "GET"), body: nil)
  }

  /// PUTs `data` at `path`; a body over the limit is never sent.
  public func put(_ path: String, _ data: Data) -> Response {
    guard data.count <= maximumBytes else { return .tooLarge }
    var request = request(path, method: "PUT")
    request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
    return perform(request, body: data)
  }

  private func request(_ path: String, method: String) -> URLRequest {
    var request = URLRequest(url: base.appendingPathComponent(path), timeoutInterval: timeout)
    request.httpMethod = method
    if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
    return request
  }

  private func perform(_ request: URLRequest, body: Data?) -> Response {
    let task = body.map { session.uploadTask(with: request, from: $0) } ?? session.dataTask(with: request)
    let pending = receiver.register(task)
    task.resume()
    // The session's own timeout should end the task first; this bound holds even if it does not.
    guard pending.done.wait(timeout: .now() + timeout + 1) == .success else {
      task.cancel()
      receiver.forget(task)
      return .unreachable("timed out after \(Self.seconds(timeout))")
    }
    receiver.forget(task)
    return pending.response(timeout: timeout)
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
  }
}

/// Collects each task's body under the size limit and signals its end.
private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  final class Pending: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var body = Data()
    var status = 0
    var tooLarge = false
    var error: (any Error)?

    func response(timeout: Double) -> HTTPStore.Response {
      if tooLarge { return .tooLarge }
      if let error { return .unreachable(Receiver.describe(error, timeout: timeout)) }
      switch status {
      case 200..<300: return .ok(body)
      case 404: return .notFound
      default: return .status(status)
      }
    }
  }

  private let maximumBytes: Int
  private let lock = NSLock()
  private var pending: [Int: Pending] = [:]

  init(maximumBytes: Int) { self.maximumBytes = maximumBytes }

  func register(_ task: URLSessionTask) -> Pending {
    let entry = Pending()
    lock.withLock { pending[task.taskIdentifier] = entry }
    return entry
  }

  func forget(_ task: URLSessionTask) {
    _ = lock.withLock { pending.removeValue(forKey: task.taskIdentifier) }
  }

  private func entry(_ task: URLSessionTask) -> Pending? {
    lock.withLock { pending[task.taskIdentifier] }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    guard let entry = entry(dataTask) else { return completionHandler(.cancel) }
    entry.status = (response as? HTTPURLResponse)?.statusCode ?? 0
    if response.expectedContentLength > Int64(maximumBytes) {
      entry.tooLarge = true
      return completionHandler(.cancel)
    }
    completionHandler(.allow)
  }

  /// Redirects are not followed: credentials must not travel to another host, and a store that
  /// moved should be configured where it is now. The 3xx answer is a miss.
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    guard let entry = entry(dataTask), !entry.tooLarge else { return }
    if entry.body.count + data.count > maximumBytes {
      entry.tooLarge = true
      dataTask.cancel()
      return
    }
    entry.body.append(data)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    guard let entry = entry(task) else { return }
    if let http = task.response as? HTTPURLResponse, entry.status == 0 { entry.status = http.statusCode }
    if !entry.tooLarge { entry.error = error }
    entry.done.signal()
  }

  /// A short reason without the URL (which may carry credentials in other layers' messages).
  static func describe(_ error: any Error, timeout: Double) -> String {
    guard let urlError = error as? URLError else { return "request failed" }
    switch urlError.code {
    case .timedOut: return "timed out after \(HTTPStore.seconds(timeout))"
    case .cannotConnectToHost: return "connection refused"
    case .cannotFindHost, .dnsLookupFailed: return "host not found"
    case .networkConnectionLost: return "connection lost"
    case .notConnectedToInternet: return "network unreachable"
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
      return "TLS handshake failed"
    default: return "request failed (\(urlError.code.rawValue))"
    }
  }
}
