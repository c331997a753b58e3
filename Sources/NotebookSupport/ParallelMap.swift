import Foundation

/// `transform` applied to every element, at most `jobs` at once; the results keep `elements`' order.
///
/// Each worker takes the next element when it is free, so long and short jobs share the cores. When
/// transforms throw, the first error in `elements`' order is thrown after every job has finished.
package func parallelMap<Element: Sendable, Mapped: Sendable, Failure: Error>(
  _ elements: [Element], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
  _ transform: @Sendable (Element) throws(Failure) -> Mapped
) throws(Failure) -> [Mapped] {
  let slots = Slots<Result<Mapped, Failure>>(count: elements.count)
  DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, elements.count))) { _ in
    while let index = slots.nextIndex() {
      slots.set(index, Result { () throws(Failure) -> Mapped in try transform(elements[index]) })
    }
  }
  return try slots.values().map { result throws(Failure) in try result.get() }
}

/// Results written by concurrent workers, each to its own index, and the next index to take, under a lock.
private final class Slots<Value: Sendable>: @unchecked Sendable {
  private var storage: [Value?]
  private var next = 0
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func nextIndex() -> Int? {
    lock.withLock {
      defer { next += 1 }
      return next < storage.count ? next : nil
    }
  }

  func set(_ index: Int, _ value: Value) {
    lock.withLock { storage[index] = value }
  }

  func values() -> [Value] {
    lock.withLock {
      storage.map { value in
        guard let value else { preconditionFailure("parallelMap: a worker did not store its result") }
        return value
      }
    }
  }
}
