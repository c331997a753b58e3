// Draws bench/ratios.svg from the ratios bench/run measured: one bar per scenario (peer time
// divided by ours), the target next to it where there is one, and a line at parity.
//
//     bench-figure RATIOS.tsv OUTPUT.svg      # TSV lines: label, ratio, target (0 for none)
import Foundation
import Lab

let arguments = CommandLine.arguments
guard arguments.count == 3, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
  FileHandle.standardError.write(Data("usage: bench-figure RATIOS.tsv OUTPUT.svg\n".utf8))
  exit(2)
}
let rows = text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }.filter { $0.count == 3 }
let labels = rows.map { $0[0] }
let ratios = rows.map { Double($0[1]) ?? .nan }
let targets = rows.map { Double($0[2]).flatMap { $0 > 0 ? $0 : nil } ?? .nan }

var figure = Figure(
  title: "Peer time ÷ our time (higher is better for us)", xLabel: "scenario", yLabel: "ratio")
figure.width = 760
figure.bars(categories: labels, heights: ratios, label: "measured")
figure.bars(categories: labels, heights: targets, label: "target")
figure.horizontalLine(at: 1, label: "parity")
do {
  try Data((figure.svg + "\n").utf8).write(to: URL(fileURLWithPath: arguments[2]))
} catch {
  FileHandle.standardError.write(Data("Cannot write '\(arguments[2])': \(error)\n".utf8))
  exit(1)
}
