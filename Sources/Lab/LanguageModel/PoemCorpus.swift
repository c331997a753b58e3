/// Classical Chinese poems split into clauses (句), the unit the character language model
/// is trained on and generates.
public enum PoemCorpus {
  /// The punctuation that ends a clause: ，。？！；：、 and their ASCII look-alikes.
  public static let clauseDelimiters: Set<Character> = [
    "，", "。", "？", "！", "；", "：", "、", ",", ".", "?", "!", ";", ":",
  ]

  /// The clauses of a poem: the runs of text between punctuation marks, without the marks,
  /// quotation marks or spaces; empty runs are dropped.
  public static func clauses(of poem: String) -> [String] {
    var clauses: [String] = []
    var current = ""
    for character in poem {
      if clauseDelimiters.contains(character) {
        if !current.isEmpty { clauses.append(current) }
        current = ""
      } else if !character.isWhitespace && !"“”‘’「」《》".contains(character) {
        current.append(character)
      }
    }
    if !current.isEmpty { clauses.append(current) }
    return clauses
  }

  /// Splits poems into a training and a held-out set, deterministically.
  ///
  /// Every `heldOutEvery`-th poem (indices `offset`, `offset + heldOutEvery`, …) is held out.
  public static func split(
    _ poems: [String], heldOutEvery: Int, offset: Int = 0
  ) -> (training: [String], heldOut: [String]) {
    require(heldOutEvery >= 2, "need heldOutEvery ≥ 2")
    var training: [String] = []
    var heldOut: [String] = []
    for (index, poem) in poems.enumerated() {
      if index % heldOutEvery == offset % heldOutEvery {
        heldOut.append(poem)
      } else {
        training.append(poem)
      }
    }
    return (training, heldOut)
  }
}
