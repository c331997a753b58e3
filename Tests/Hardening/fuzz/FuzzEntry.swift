// libFuzzer entry point. Built twice by ./build: without flags it fuzzes the notebook parser
// (front matter, cell options, math, fences), with -D STREAM the output-stream splitter.
// A broken property (see FuzzInvariants.swift) stops the fuzzer like a crash, with the input saved.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  #if STREAM
    let problem = FuzzInvariants.checkStream(bytes)
  #else
    let problem = FuzzInvariants.checkParser(bytes)
  #endif
  if let problem { fatalError(problem) }
  return 0
}
