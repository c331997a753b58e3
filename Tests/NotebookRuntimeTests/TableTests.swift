import Testing

@testable import NotebookRuntime

@Test func tableEscapesEveryCell() {
  let table = Table(header: ["<b>"], rows: [["<script>alert(1)</script>"], [0.5]])
  let html = table.displayOutput.content
  #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  #expect(!html.contains("<script>"))
  #expect(html.contains("<th>&lt;b&gt;</th>"))
  #expect(html.contains("<td>0.5</td>"))
}

@Test func numbersUseSixSignificantDigits() {
  #expect(Table.formatNumber(1.0 / 3.0) == "0.333333")
  #expect(Table.formatNumber(1e-20) == "1e-20")
  #expect(Table.formatNumber(.nan) == "NaN")
  #expect(Table.formatNumber(-.infinity) == "−∞")
}
