import Foundation
import Testing

/// Runs the built `notebook` binary and returns its exit status, stdout and stderr.
private func notebook(_ arguments: [String], in directory: String? = nil) throws -> (
  status: Int32, out: String, err: String
) {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let process = Process()
  process.executableURL = root.appendingPathComponent(".build/debug/notebook")
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root.path)
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// A scratch folder inside the repository (notebook paths must be inside the project).
private func scratch(_ files: [String: String]) throws -> String {
  let folder = ".notebook-cache/cli-tests/\(UUID().uuidString.prefix(8))"
  try FileManager.default.createDirectory(atPath: "\(repositoryRoot)/\(folder)", withIntermediateDirectories: true)
  for (name, text) in files {
    try Data(text.utf8).write(to: URL(fileURLWithPath: "\(repositoryRoot)/\(folder)/\(name)"))
  }
  return folder
}

/// An empty project (notebooks/ and Sources/Lab/) in a temporary folder.
private func emptyProject() throws -> String {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("project-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: "\(root)/notebooks", withIntermediateDirectories: true)
  try FileManager.default.createDirectory(atPath: "\(root)/Sources/Lab", withIntermediateDirectories: true)
  return root
}

@Suite(.serialized) struct CommandLineTests {
  @Test func helpListsEverySubcommand() throws {
    let result = try notebook(["--help"])
    #expect(result.status == 0)
    for command in ["build", "check", "preview", "graph", "new", "list", "clean"] {
      #expect(result.out.contains("  \(command)"))
    }
  }

  @Test func aBrokenNotebookExitsOneWithFileLineMessages() throws {
    let folder = try scratch([
      "broken.md": "---\ntitle: Broken\nmood: x\n---\n\n```swift\n//| ecko: false\nlet a: Int = \"s\"\n```\n"
    ])
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)").path
    let result = try notebook(["build", "\(folder)/broken.md", "--site", site])
    #expect(result.status == 1)
    #expect(result.err.contains("\(folder)/broken.md:3:1: error: Unknown front matter key 'mood'"))
    #expect(result.err.contains("\(folder)/broken.md:7:5: error: Unknown cell option 'ecko'"))
    #expect(result.err.contains("\(folder)/broken.md:8:14: error: cannot convert value of type 'String'"))
    #expect(result.out.contains("FAILED \(folder)/broken.md"))
  }

  @Test func aNotebookOutsideNotebooksHasItsMathCheckedButNoPage() throws {
    let folder = try scratch(["draft.md": "---\ntitle: Draft\n---\n\nBad $\\frac{1}$ here.\n"])
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: site) }
    let result = try notebook(["build", "\(folder)/draft.md", "--site", site])
    #expect(result.status == 1)
    #expect(result.err.contains("note: '\(folder)/draft.md' is not in notebooks/, so it has no page in the site"))
    #expect(result.err.contains("\(folder)/draft.md:5:5: error: TeX error in '\\frac{1}'"), "\(result.err)")
    #expect(!FileManager.default.fileExists(atPath: "\(site)/draft.html"))
    #expect(result.out.contains("FAILED \(folder)/draft.md  its page has errors (listed above)"), "\(result.out)")
    #expect(result.out.contains("1 notebooks: 0 ok, 1 failed"))
  }

  @Test func aMissingNotebookIsAUsageError() throws {
    let result = try notebook(["build", "notebooks/does-not-exist.md"])
    #expect(result.status != 0)
    #expect(result.err.contains("No such notebook: 'notebooks/does-not-exist.md'"))
  }

  @Test func buildWritesAReportAndTheSecondBuildIsCached() throws {
    let folder = try scratch(["ok.md": "---\ntitle: OK\n---\n\n```swift\ncheck(true, \"fine\")\n```\n"])
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)").path
    let report = "\(site)-report.json"
    let first = try notebook(["build", "\(folder)/ok.md", "--site", site, "--report", report])
    #expect(first.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
    let entry = (json?["notebooks"] as? [[String: Any]])?.first
    #expect(entry?["status"] as? String == "ok")
    #expect(entry?["executed"] as? Bool == true)
    #expect((entry?["cells"] as? [[String: Any]])?.first?["line"] as? Int == 5)
    for phase in ["compileSeconds", "runSeconds", "renderSeconds"] {
      #expect((entry?[phase] as? Double ?? 0) > 0, "\(phase) is measured per notebook")
    }
    let second = try notebook(["build", "\(folder)/ok.md", "--site", site])
    #expect(second.status == 0)
    #expect(second.out.contains("cached"))
  }

  @Test func newScaffoldsANotebookAndListShowsIt() throws {
    let project = try emptyProject()
    let created = try notebook(["new", "Why Gradients Vanish"], in: project)
    #expect(created.status == 0)
    let text = try String(contentsOfFile: "\(project)/notebooks/why-gradients-vanish.md", encoding: .utf8)
    #expect(text.hasPrefix("---\ntitle: 'Why Gradients Vanish'\n"))
    #expect(text.contains("\nsummary: ''\n"), "single quotes, where TeX's backslashes survive")
    #expect(text.contains("```swift"))
    let again = try notebook(["new", "Why Gradients Vanish"], in: project)
    #expect(again.status != 0)
    #expect(again.err.contains("already exists"))
    let listed = try notebook(["list"], in: project)
    #expect(listed.status == 0)
    #expect(listed.out.contains("never run  notebooks/why-gradients-vanish.md"))
  }

  @Test func theScaffoldBuildsWithItsChecksPassing() throws {
    let project = try emptyProject()
    #expect(try notebook(["new", "Scaffold check", "--slug", "scaffold"], in: project).status == 0)
    let text = try String(contentsOfFile: "\(project)/notebooks/scaffold.md", encoding: .utf8)
    let folder = try scratch(["scaffold.md": text])
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)").path
    let result = try notebook(["build", "\(folder)/scaffold.md", "--site", site])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("2/2 claims") || result.out.contains("1/1 claims"))
  }

  @Test func aTitleWithBackslashesAndQuotesScaffoldsAHeaderThatParses() throws {
    let project = try emptyProject()
    let title = #"Back\slash "quoted" path, it's $\alpha$"#
    #expect(try notebook(["new", title, "--slug", "odd"], in: project).status == 0)
    let text = try String(contentsOfFile: "\(project)/notebooks/odd.md", encoding: .utf8)
    #expect(text.hasPrefix("---\n" + #"title: 'Back\slash "quoted" path, it''s $\alpha$'"# + "\n"))
    let listed = try notebook(["list"], in: project)
    #expect(listed.out.contains("never run  notebooks/odd.md  \(title)"), "\(listed.out)")
  }

  @Test func aSlugThatLeavesNotebooksIsRefused() throws {
    let project = try emptyProject()
    for slug in ["../../../outside", "sub/dir", ".hidden", ""] {
      let result = try notebook(["new", "Escape", "--slug", slug], in: project)
      #expect(result.status != 0, "slug '\(slug)'")
      #expect(result.err.contains("'--slug' must be a file name") || result.err.contains("Cannot make a file name"))
    }
    let parent = (project as NSString).deletingLastPathComponent
    #expect(!FileManager.default.fileExists(atPath: "\(parent)/outside.md"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: "\(project)/notebooks") == [])
  }

  @Test func graphPrintsEachCellsDependenciesAndWhy() throws {
    let cells = [
      "var rng = SeededGenerator(seed: 1)", "let xs = rng.uniform(count: 3)", "print(\"alone\")",
      "//| eval: false\nprint(xs)", "func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }",
      "print(mean(xs))",
    ]
    let body = cells.map { "```swift\n\($0)\n```\n" }.joined(separator: "\n")
    let folder = try scratch(["g.md": "---\ntitle: G\n---\n\n" + body])
    let result = try notebook(["graph", "\(folder)/g.md"])
    #expect(result.status == 0, "\(result.err)")
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "\(folder)/g.md:5: depends on no cell",
        "\(folder)/g.md:9: depends on line 5 (rng)",
        "\(folder)/g.md:13: depends on no cell",
        "\(folder)/g.md:17: not run (eval: false)",
        "\(folder)/g.md:22: depends on no cell",
        "\(folder)/g.md:26: depends on line 5 (through rng), line 9 (xs), line 22 (mean)",
      ])
  }

  @Test func graphOfABrokenNotebookNamesTheProblemAndFails() throws {
    let folder = try scratch(["b.md": "---\ntitle: B\n---\n\n```swift\n//| ecko: false\nlet a = 1\n```\n"])
    let result = try notebook(["graph", "\(folder)/b.md"])
    #expect(result.status == 1)
    #expect(result.err.contains("\(folder)/b.md:6:5: error: Unknown cell option 'ecko'"), "\(result.err)")
    #expect(result.out.contains("\(folder)/b.md:5: depends on no cell"))
  }

  @Test func theAuthoringGuidesGraphExcerptIsWhatGraphPrints() throws {
    let guide = try String(contentsOfFile: "\(repositoryRoot)/notebooks/authoring.md", encoding: .utf8)
    let excerpt = guide.split(separator: "\n").filter { $0.hasPrefix("notebooks/authoring.md:") }
    #expect(excerpt.count >= 3)
    let result = try notebook(["graph", "notebooks/authoring.md"])
    #expect(result.status == 0, "\(result.err)")
    let printed = Set(result.out.split(separator: "\n"))
    for line in excerpt { #expect(printed.contains(line), "graph no longer prints: \(line)") }
  }

  @Test func eachMisuseOfReferencesAndCitationsIsAnErrorAtItsLineAndColumn() throws {
    let folder = try scratch([
      "refs.bib": "@book{golub2013, author = {Golub, Gene H.}, title = {Matrix Computations}, year = {2013}}\n",
      "one.md": """
      ---
      title: One
      bibliography: refs.bib
      ---

      ## Start {#sec-start}

      See @sec-start, @fig-far (in the other notebook), [@golub2013], @fig-nowhere and [@nobody2020].

      ## Again {#sec-start}

      ```swift
      //| label: fig-here
      print(1)
      ```

      ```swift
      //| label: fig-here
      print(2)
      ```

      """,
      "two.md": "---\ntitle: Two\n---\n\n```swift\n//| label: fig-far\nvar far = Figure()\n"
        + "far.line([0, 1], [0, 1])\nshow(far)\n```\n\nBack to @sec-start.\n",
    ])
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: site) }
    let result = try notebook(["build", "\(folder)/one.md", "\(folder)/two.md", "--site", site])
    #expect(result.status == 1)
    let errors = result.err.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init).sorted()
    let one = "\(folder)/one.md"
    #expect(
      errors
        == [
          "\(one):10:12: error: Duplicate label 'sec-start': line 6 already uses it",
          "\(one):18:5: error: Duplicate label 'fig-here': line 13 already uses it",
          "\(one):8:65: error: Unknown cross-reference '@fig-nowhere': no figure, table, equation or section has this label",
          "\(one):8:82: error: Unknown citation key 'nobody2020': the bibliography has no entry with this key",
        ].sorted(), "\(result.err)")
    #expect(result.out.contains("FAILED \(one)"))
    #expect(
      result.out.contains("ok     \(folder)/two.md"), "a reference to a good notebook's section is no error there")
  }

  @Test func outsideAProjectItSaysSo() throws {
    let result = try notebook(["list"], in: FileManager.default.temporaryDirectory.path)
    #expect(result.status != 0)
    #expect(result.err.contains("Not inside a notebook project"))
  }
}
