import Foundation
import Lab

// Times one BioWord epoch on Jane Austen's novels; the numpy twin is bench/flyhash/bioword_epoch.py.
let arguments = CommandLine.arguments
let mode = arguments.count > 1 ? arguments[1] : "minibatch"
let epochs = arguments.count > 2 ? Int(arguments[2])! : 1
let learningRate = arguments.count > 3 ? Double(arguments[3])! : 0.05
let batchSize = arguments.count > 4 ? Int(arguments[4])! : 1000
let dump = ProcessInfo.processInfo.environment["FLYHASH_DUMP"]

func seconds(since start: Date) -> String { String(format: "%.3f", Date().timeIntervalSince(start)) }

var clock = Date()
let lines = try DataFile.lines("notebooks/data/austen.txt")
let paragraphs = lines.map(Tokenizer.words)
FileHandle.standardError.write("tokenize \(seconds(since: clock)) s\n".data(using: .utf8)!)
clock = Date()
let corpus = FlyHash.BioWordCorpus(paragraphs: paragraphs, vocabularySize: 3000, stopWordCount: 50, halfWindow: 5)
FileHandle.standardError.write("windows \(seconds(since: clock)) s (\(corpus.windowCount))\n".data(using: .utf8)!)
var model = FlyHash.BioWordModel(units: 400, inputDimension: corpus.inputDimension, initialScale: 0.02, seed: 1)
for epoch in 0..<epochs {
  clock = Date()
  let order = FlyHash.BioWordModel.shuffledOrder(count: corpus.windowCount, seed: UInt64(100 + epoch))
  let rate = learningRate * (1 - Double(epoch) / Double(epochs))
  let summary =
    mode == "minibatch"
    ? model.trainMinibatches(on: corpus, order: order, learningRate: rate, batchSize: batchSize)
    : model.trainPerSample(on: corpus, order: order, learningRate: rate)
  FileHandle.standardError.write(
    "epoch \(epoch) \(seconds(since: clock)) s response \(summary.meanNormalizedResponse) live \(summary.winCounts.filter { $0 > 0 }.count) max share \(Double(summary.winCounts.max()!) / Double(corpus.windowCount))\n"
      .data(using: .utf8)!)
}
let norms = model.unitNorms
print(String(format: "norms %.4f %.4f", norms.min()!, norms.max()!))
if let dump {
  var out: [Float] = []
  for w in 0..<corpus.vocabularySize {
    for mu in 0..<400 { out.append(Float(model.synapse(unit: mu, input: corpus.vocabularySize + w))) }
  }
  try Data(bytes: out, count: out.count * 4).write(to: URL(fileURLWithPath: dump + ".f32"))
  try corpus.vocabulary.joined(separator: "\n").write(toFile: dump + ".voc", atomically: true, encoding: .utf8)
}
