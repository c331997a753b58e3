/// Stops the program with `message` when `condition` is false, in every build.
///
/// Lab checks its arguments with this rather than `precondition`, whose message an optimised build
/// drops: Lab is always compiled with `-O`, and a notebook author needs the message ("3×2 times 3×2")
/// to see what went wrong. The condition costs what a `precondition` costs; the message is built only
/// when it fails.
@inlinable @inline(__always)
package func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if _slowPath(!condition()) { fatalError(message(), file: file, line: line) }
}
