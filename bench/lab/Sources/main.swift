// Lab's side of the Lab-vs-numpy benchmark: one case per invocation, so each is timed alone.
//
//   lab-bench <case> [--steps N]
//
// Prints one JSON line: the case, the kernel's own wall and CPU time in seconds (set-up
// excluded) and a checksum to compare with the Python side's.
import Foundation
import Lab

let cases: [String: (Int?) -> String] = [
  "matmul-chain": { matmulChain(size: 512, steps: $0 ?? 1000) },
  "rnn-jacobian": { rnnJacobian(size: 512, steps: $0 ?? 1000) },
  "metropolis": { metropolis(steps: $0 ?? 1_000_000) },
  "lcs": { lcs(length: $0 ?? 5000) },
]

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let kernel = cases[name] else {
  let names = cases.keys.sorted().joined(separator: ", ")
  FileHandle.standardError.write(Data("usage: lab-bench <case> [--steps N]; cases: \(names)\n".utf8))
  exit(2)
}
let steps = arguments.firstIndex(of: "--steps").flatMap { Int(arguments[$0 + 1]) }
/// Seconds of CPU time this process has used (all threads), which other load on the
/// machine does not inflate the way it inflates wall time.
func processCPUSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

let clock = ContinuousClock()
var checksum = ""
let cpuStart = processCPUSeconds()
let elapsed = clock.measure { checksum = kernel(steps) }
let cpuSeconds = processCPUSeconds() - cpuStart
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
print(
  #"{"case": "\#(name)", "seconds": \#(String(format: "%.4f", seconds)), "#
    + #""cpu_seconds": \#(String(format: "%.4f", cpuSeconds)), "#
    + #""checksum": "\#(checksum)", "blas_core": "\#(BLASInfo.coreName)"}"#)
