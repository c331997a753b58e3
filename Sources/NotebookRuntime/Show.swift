/// Shows a value below the current cell: a figure, a table, formatted prose or math.
///
/// Outputs appear in the order the cell produced them, interleaved with `print`.
public func show(_ value: some Displayable) {
  let output = value.displayOutput
  OutputChannel.send(.display(output.kind), payload: output.content)
}
