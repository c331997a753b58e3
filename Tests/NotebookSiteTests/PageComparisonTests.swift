import NotebookCore
import Testing

@testable import NotebookSite

private let body = """

  ```swift
  print(1)
  ```

  ```swift
  //| tolerance: 0.05
  print(2)
  ```

  """

private func page(platform: String, first: String, second: String) throws -> String {
  var result = Fixtures.result([.text(first)], cells: 2)
  result.cells[1].outputs = [.text(second)]
  result.platform = NumericalPlatform(id: platform, summary: "fixture platform \(platform)")
  return try Fixtures.html(SitePage(notebook: Fixtures.notebook(body), result: result))
}

@Suite struct PageComparisonTests {
  private let comparison = PageComparison(notebook: Fixtures.notebook(body))

  @Test func thePageNamesItsPlatform() throws {
    #expect(PageComparison.platform(ofPage: try page(platform: "haswell", first: "a", second: "b")) == "haswell")
  }

  @Test func samePlatformPagesMustBeIdentical() throws {
    let old = try page(platform: "haswell", first: "λ = 0.8423", second: "x")
    let new = try page(platform: "haswell", first: "λ = 0.8424", second: "x")
    #expect(comparison.compare(committed: old, fresh: old) == .identical)
    #expect(comparison.compare(committed: old, fresh: new) == .bytesDiffer)
  }

  @Test func anotherPlatformsLastDigitChangeAgreesAtTheCellsLine() throws {
    let old = try page(platform: "haswell", first: "λ = 0.8423", second: "x")
    let new = try page(platform: "sandybridge", first: "λ = 0.8424", second: "x")
    let line = Fixtures.notebook(body).cells[0].fenceLine
    guard case .agrees(let numbers, _, let lines) = comparison.compare(committed: old, fresh: new) else {
      Issue.record("expected agreement")
      return
    }
    #expect(numbers == 1)
    #expect(lines == [line])
  }

  @Test func anotherPlatformsOnePercentChangeFailsAtTheCellsLine() throws {
    let old = try page(platform: "haswell", first: "x = 1.000", second: "y")
    let new = try page(platform: "sandybridge", first: "x = 1.010", second: "y")
    let line = Fixtures.notebook(body).cells[0].fenceLine
    #expect(comparison.compare(committed: old, fresh: new) == .differs(line: line, .number(old: "1.000", new: "1.010")))
  }

  @Test func aCellsOwnToleranceApplies() throws {
    let old = try page(platform: "haswell", first: "x", second: "y = 1.000")
    let new = try page(platform: "sandybridge", first: "x", second: "y = 1.010")
    guard case .agrees = comparison.compare(committed: old, fresh: new) else {
      Issue.record("the second cell's tolerance 0.05 should accept a 1 % change")
      return
    }
  }

  @Test func aChangedWordFailsWhateverThePlatform() throws {
    let old = try page(platform: "haswell", first: "decays", second: "y")
    let new = try page(platform: "sandybridge", first: "grows", second: "y")
    guard case .differs(_, .text) = comparison.compare(committed: old, fresh: new) else {
      Issue.record("expected a text difference")
      return
    }
  }
}
