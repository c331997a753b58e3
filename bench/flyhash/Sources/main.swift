import Foundation
import Lab
import LabFlyHash

// One BioWord training epoch on Jane Austen's six novels, timed from inside; the numpy twin is
// bench/flyhash/bioword_epoch.py and bench/flyhash/run compares the two.
//
//     flyhash-bench per-sample|minibatch [path-to-austen.txt]
//
// Prints one JSON line: phase times, the window count, each unit's number of wins and ‖W_μ‖;
// with FLYHASH_REPORT set to an existing file, also appends the line to it.

let arguments = CommandLine.arguments.dropFirst()
guard let rule = arguments.first, ["per-sample", "minibatch"].contains(rule) else {
  FileHandle.standardError.write(Data("usage: flyhash-bench per-sample|minibatch [austen.txt]\n".utf8))
  exit(2)
}
let path = arguments.dropFirst().first ?? "notebooks/data/austen.txt"

/// The settings both implementations share (the notebook's for the per-sample rule; the released
/// batch size with a rate that learns on this corpus for the minibatch loop).
enum Settings {
  static let vocabularySize = 3000
  static let stopWords = 50
  static let halfWindow = 5
  static let units = 400
  static let initialScale: Float = 0.02
  static let initialSeed: UInt64 = 1
  static let orderSeed: UInt64 = 100
  static let perSampleRate = 1.5e-6
  static let minibatchRate = 0.3
  static let batchSize = 10_000
}

func elapsed(_ start: Date) -> Double { Date().timeIntervalSince(start) }

var clock = Date()
let paragraphs = try DataFile.lines(path).map(Tokenizer.words)
let corpus = FlyHash.BioWordCorpus(
  paragraphs: paragraphs, vocabularySize: Settings.vocabularySize, stopWordCount: Settings.stopWords,
  halfWindow: Settings.halfWindow)
let prepareSeconds = elapsed(clock)

clock = Date()
var model = FlyHash.BioWordModel(
  units: Settings.units, inputDimension: corpus.inputDimension, initialScale: Settings.initialScale,
  seed: Settings.initialSeed)
let order = FlyHash.BioWordModel.shuffledOrder(count: corpus.windowCount, seed: Settings.orderSeed)
let initSeconds = elapsed(clock)

clock = Date()
let summary =
  rule == "per-sample"
  ? model.trainPerSample(on: corpus, order: order, learningRate: Settings.perSampleRate)
  : model.trainMinibatches(
    on: corpus, order: order, learningRate: Settings.minibatchRate, batchSize: Settings.batchSize)
let epochSeconds = elapsed(clock)

let report: [String: Any] = [
  "implementation": "swift", "rule": rule, "windows": corpus.windowCount,
  "prepare_seconds": prepareSeconds, "init_seconds": initSeconds, "epoch_seconds": epochSeconds,
  "wins": summary.winCounts, "norms": model.unitNorms,
]
let json = String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self)
print(json)
// bench/flyhash/run collects one line per run here (hyperfine keeps only the last run's output).
if let log = ProcessInfo.processInfo.environment["FLYHASH_REPORT"], let handle = FileHandle(forWritingAtPath: log) {
  handle.seekToEndOfFile()
  handle.write(Data((json + "\n").utf8))
  handle.closeFile()
}
