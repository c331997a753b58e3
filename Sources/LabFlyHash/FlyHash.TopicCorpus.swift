import Lab

extension FlyHash {
  /// A synthetic corpus with known word topics, for checking that learned codes group words by topic.
  ///
  /// The vocabulary is `topics × wordsPerTopic` topic words (ids topic·wordsPerTopic + j, named
  /// "t<topic>w<j>") followed by `functionWords` shared words ("f<j>"). Each sentence picks a
  /// topic uniformly; each token is one of that topic's words with probability `topicProbability`
  /// (uniformly among them) and otherwise a uniform function word.
  public struct TopicCorpus: Sendable {
    /// The sentences, as token ids.
    public let sentences: [[Int]]
    /// The word names, indexed by id.
    public let vocabulary: [String]
    /// The topic of each word id; `nil` for function words.
    public let topicOfWord: [Int?]
    /// The topic each sentence was drawn from.
    public let sentenceTopics: [Int]

    /// Draws `sentences` sentences of `length` tokens.
    public init(
      topics: Int, wordsPerTopic: Int, functionWords: Int, sentences count: Int, length: Int,
      topicProbability: Double, using generator: inout SeededGenerator
    ) {
      var names: [String] = []
      var topicOf: [Int?] = []
      for t in 0..<topics {
        for j in 0..<wordsPerTopic {
          names.append("t\(t)w\(j)")
          topicOf.append(t)
        }
      }
      for j in 0..<functionWords {
        names.append("f\(j)")
        topicOf.append(nil)
      }
      var drawn: [[Int]] = []
      var labels: [Int] = []
      for _ in 0..<count {
        let topic = generator.integer(below: topics)
        labels.append(topic)
        drawn.append(
          (0..<length).map { _ in
            generator.uniform() < topicProbability
              ? topic * wordsPerTopic + generator.integer(below: wordsPerTopic)
              : topics * wordsPerTopic + generator.integer(below: functionWords)
          })
      }
      vocabulary = names
      topicOfWord = topicOf
      sentences = drawn
      sentenceTopics = labels
    }

    /// The sentences as words, for ``BioWordCorpus``.
    public var tokenizedSentences: [[String]] { sentences.map { $0.map { vocabulary[$0] } } }
  }
}
