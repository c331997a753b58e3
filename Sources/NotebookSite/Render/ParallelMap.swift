import Foundation

/// Maps independent work over the machine's cores, keeping the input order.
enum ParallelMap {
  /// `transform` applied to every element, concurrently; the result is in `elements`' order.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let slots = Slots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      slots.set(index, transform(elements[index]))
    }
    return slots.values()
  }

  /// Results written by concurrent workers, each to its own index, under a lock.
  private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
      lock.lock()
      storage[index] = value
      lock.unlock()
    }

    func values() -> [Value] {
      lock.lock()
      defer { lock.unlock() }
      return storage.map { value in
        guard let value else { preconditionFailure("ParallelMap: a worker did not store its result") }
        return value
      }
    }
  }
}
