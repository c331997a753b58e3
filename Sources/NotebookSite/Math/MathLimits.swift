/// How much math one page and one KaTeX process may take.
///
/// KaTeX answers a whole batch in one JSON string, and `node` runs out of memory (or of string
/// length) somewhere past a few hundred thousand formulas. A page over the page limits is not
/// typeset at all and fails with one error at the formula that crossed them; the other pages
/// are sent in batches of at most the batch limits, one `node` process each.
public struct MathLimits: Sendable, Hashable {
  /// The most formulas one page may have typeset.
  public var formulasPerPage: Int
  /// The most bytes of TeX one page may have typeset.
  public var texBytesPerPage: Int
  /// The most formulas sent to one `node` process (a page over it goes alone).
  public var formulasPerBatch: Int
  /// The most bytes of TeX sent to one `node` process (a page over it goes alone).
  public var texBytesPerBatch: Int

  /// Creates limits; the defaults are far above any notebook of this project (a few hundred
  /// formulas) and far below what exhausts `node`.
  public init(
    formulasPerPage: Int = 10_000, texBytesPerPage: Int = 2 << 20, formulasPerBatch: Int = 20_000,
    texBytesPerBatch: Int = 4 << 20
  ) {
    self.formulasPerPage = formulasPerPage
    self.texBytesPerPage = texBytesPerPage
    self.formulasPerBatch = formulasPerBatch
    self.texBytesPerBatch = texBytesPerBatch
  }

  /// The index of the formula at which `page` goes over the page limits, or nil when it fits.
  func crossing(_ page: [MathRequest]) -> Int? {
    var bytes = 0
    for (index, request) in page.enumerated() {
      bytes += request.tex.utf8.count
      if index >= formulasPerPage || bytes > texBytesPerPage { return index }
    }
    return nil
  }

  /// Consecutive groups of page indices, each within the batch limits unless it is one page.
  func batches(_ pages: [[MathRequest]], indices: [Int]) -> [[Int]] {
    var batches: [[Int]] = []
    var current: [Int] = []
    var formulas = 0
    var bytes = 0
    for index in indices {
      let size = pages[index].count
      let texBytes = pages[index].reduce(0) { $0 + $1.tex.utf8.count }
      if !current.isEmpty && (formulas + size > formulasPerBatch || bytes + texBytes > texBytesPerBatch) {
        batches.append(current)
        current = []
        formulas = 0
        bytes = 0
      }
      current.append(index)
      formulas += size
      bytes += texBytes
    }
    if !current.isEmpty { batches.append(current) }
    return batches
  }
}
