import CNNEngine
import Foundation
import KerasCells

/// What the `interpreter` and `keras3` harnesses do with one input: the cells between `# %%`
/// lines run in order in a fresh session of `version` with small budgets; with
/// `CONVBOOK_FUZZ_VERBOSE=1` what each cell printed and the error it ended in, with its line and
/// column (the way to read what a hand-written hostile input gets). The last line is evaluated as
/// an inline expression, as lessons and exercise answers do.
enum FuzzCells {
  static let verbose = ProcessInfo.processInfo.environment["CONVBOOK_FUZZ_VERBOSE"] == "1"

  @discardableResult
  static func run(_ source: String, version: KerasVersion) -> KerasSession {
    let session = KerasSession(kerasVersion: version)
    session.limits = EvaluationLimits(
      timeBudget: 2, memoryBudget: 64 << 20, modelMemoryBudget: 64 << 20)
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
    if let last = source.split(separator: "\n").last {
      _ = try? session.evaluate(String(last))
    }
    return session
  }
}
