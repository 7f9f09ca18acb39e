// libFuzzer harness: the interpreter (KerasCells) on parsed cells. Each input is one or more
// cells separated by a line `# %%` (as in Tests/Fixtures/keras/corpus), run in order in a fresh
// session with small budgets. A cell that ends in a CellError (a Python exception) is fine; a
// crash, a hang or runaway memory is not.
// Built and run by scripts/fuzz, never by `swift build`.
import Foundation
import KerasCells

/// `CONVBOOK_FUZZ_VERBOSE=1 scripts/fuzz interpreter --replay FILE`: prints what each cell printed
/// and its error with its line and column, to read what a hand-written hostile input gets.
private let verbose = ProcessInfo.processInfo.environment["CONVBOOK_FUZZ_VERBOSE"] == "1"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard FuzzKnownIssues.admits(source) else { return -1 }
  let session = KerasSession()
  session.limits = EvaluationLimits(timeBudget: 2, memoryBudget: 64 << 20)
  for cell in source.split(separator: "\n# %%\n", omittingEmptySubsequences: false) {
    let result = session.run(String(cell))
    let printed = result.printed()
    if verbose {
      print(printed, terminator: "")
      if let error = result.error {
        print(
          "-> \(error.range.start.line):\(error.range.start.column) \(error.type ?? "ConvBook"): \(error.message)"
        )
      }
    }
  }
  // Inline expressions and exercise answers go through evaluate: use the last line as one.
  if let last = source.split(separator: "\n").last {
    _ = try? session.evaluate(String(last))
  }
  return 0
}
