/// The kinds of record a notebook program sends to the runner.
public enum RecordKind: Sendable, Hashable {
  /// A cell starts; the payload is its index.
  case cellStarted
  /// The program reached its end normally; no payload.
  case programEnded
  /// A `check` or `sanityCheck` call; the payload is a ``CheckRecord`` in JSON.
  case check
  /// A cell marked `error: true` threw; the payload is the error's description.
  case thrown
  /// An output to show; the payload is its content.
  case display(DisplayKind)

  /// The kind as the record header spells it, or `nil` for a name no runtime sends.
  public init?(wireName: some StringProtocol) {
    switch wireName {
    case "cell": self = .cellStarted
    case "end": self = .programEnded
    case "check": self = .check
    case "thrown": self = .thrown
    default:
      guard let display = DisplayKind(rawValue: String(wireName)) else { return nil }
      self = .display(display)
    }
  }

  /// The name in the record header.
  public var wireName: String {
    switch self {
    case .cellStarted: "cell"
    case .programEnded: "end"
    case .check: "check"
    case .thrown: "thrown"
    case .display(let kind): kind.rawValue
    }
  }
}
