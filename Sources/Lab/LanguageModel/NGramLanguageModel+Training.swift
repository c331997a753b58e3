import Foundation

extension NGramLanguageModel {
  /// Trains a model on tokenised sentences (each an array of symbols, without markers).
  ///
  /// The vocabulary is every training symbol plus the end and unknown tokens. Training is
  /// deterministic: the same sentences give the same model.
  ///
  /// - Parameters:
  ///   - order: `n`, from 1 (a smoothed unigram model) to 4.
  ///   - sentences: The training sentences.
  public init(order: Int, sentences: [[String]]) {
    require((1...4).contains(order), "order must be between 1 and 4, got \(order)")
    var symbols = ["</s>", "<unk>"]
    var ids = ["</s>": 0, "<unk>": 1]
    for sentence in sentences {
      for symbol in sentence where ids[symbol] == nil {
        ids[symbol] = symbols.count
        symbols.append(symbol)
      }
    }
    require(symbols.count < 1 << 16, "at most 65,535 symbols are supported")
    let encoded = sentences.map { $0.map { ids[$0, default: Self.unknownTokenID] } }
    self.order = order
    self.symbols = symbols
    self.ids = ids
    self.levels = Self.buildLevels(order: order, sentences: encoded)
  }

  /// Raw counts at the top order; below it, continuation counts: the number of distinct
  /// tokens seen just before each shorter n-gram.
  static func buildLevels(order: Int, sentences: [[Int]]) -> [NGramLevel] {
    var top: [UInt64: Double] = [:]
    for sentence in sentences {
      let padded = Array(repeating: 0, count: order - 1) + sentence + [endTokenID]
      for t in (order - 1)..<padded.count {
        let key = padded[(t - order + 1)...t].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        top[key, default: 0] += 1
      }
    }
    var countsByOrder = [top]
    for k in stride(from: order - 1, through: 1, by: -1) {
      var continuation: [UInt64: Double] = [:]
      let mask: UInt64 = k == 4 ? .max : (1 << UInt64(16 * k)) - 1
      for key in countsByOrder[0].keys { continuation[key & mask, default: 0] += 1 }
      countsByOrder.insert(continuation, at: 0)
    }
    return countsByOrder.map(level(from:))
  }

  static func level(from counts: [UInt64: Double]) -> NGramLevel {
    let n1 = Double(counts.values.filter { $0 == 1 }.count)
    let n2 = Double(counts.values.filter { $0 == 2 }.count)
    let estimate = n1 + 2 * n2 > 0 ? n1 / (n1 + 2 * n2) : 0.5
    var grouped: [UInt64: [(token: Int32, count: Double)]] = [:]
    for (key, count) in counts {
      grouped[key >> 16, default: []].append((Int32(key & 0xFFFF), count))
    }
    var contexts: [UInt64: NGramContextStatistics] = [:]
    for (context, followers) in grouped {
      let sorted = followers.sorted { $0.token < $1.token }
      contexts[context] = NGramContextStatistics(
        total: sorted.reduce(0) { $0 + $1.count }, types: Double(sorted.count),
        followers: sorted.map(\.token), followerCounts: sorted.map(\.count))
    }
    return NGramLevel(discount: min(max(estimate, 0.05), 0.95), counts: counts, contexts: contexts)
  }
}
