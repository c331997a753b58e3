import Foundation
import Testing

/// Editing a topic module re-executes the notebooks that import it and no other.
///
/// Editing documentation re-executes nothing. Driven through the real `notebook` binary.
@Suite(.serialized) struct TopicEditTests {
  private static let core =
    "---\ntitle: Core\n---\n\n```swift\nprint(Matrix(rows: 2, columns: 2, repeating: 1).rows)\n```\n"
  private static let rnn =
    "---\ntitle: RNN\n---\n\n```swift\nimport LabRNN\n"
    + "print(RNN.ScalarCell(inputWeight: 0.5, recurrentWeight: 0.9, bias: 0.5).recurrentWeight)\n```\n"

  @Test func editingLabRNNReExecutesOnlyTheNotebookImportingIt() throws {
    let project = try ScratchProject("topic-edit")
    defer { project.remove() }
    try project.write("notebooks/core.md", Self.core)
    try project.write("notebooks/rnn.md", Self.rnn)
    let first = try project.run(["build"])
    #expect(first.status == 0, "\(first.err)")
    #expect(first.out.contains("2 ok, 0 failed, 2 executed"), "\(first.out)")

    // A fixed edit: the same fingerprint every run, so its module is compiled once per checkout.
    let gate = "Sources/LabRNN/RNN.Gate.swift"
    let source = project.text(gate)
    try project.write(gate, source + "\n// An edit that changes the module's fingerprint, not what it computes.\n")
    let second = try project.run(["build"])
    #expect(second.status == 0, "\(second.err)")
    #expect(line(of: "notebooks/rnn.md", in: second.out)?.contains("executed") == true, "\(second.out)")
    #expect(line(of: "notebooks/core.md", in: second.out)?.contains("cached") == true, "\(second.out)")
    #expect(second.out.contains("1 executed, 1 cached"), "\(second.out)")
  }

  private func line(of notebook: String, in output: String) -> Substring? {
    output.split(separator: "\n").first { $0.contains(notebook + " ") }
  }

  @Test func editingTheDocumentationReExecutesNothing() throws {
    let project = try ScratchProject("docs-edit")
    defer { project.remove() }
    try project.write("notebooks/core.md", Self.core)
    #expect(try project.run(["build"]).status == 0)
    let catalogue = "Sources/Lab/Lab.docc/Lab.md"
    try project.write(catalogue, project.text(catalogue) + "\nOne more sentence of documentation.\n")
    let again = try project.run(["build"])
    #expect(again.status == 0, "\(again.err)")
    #expect(again.out.contains("0 executed, 1 cached"), "\(again.out)")
  }
}
