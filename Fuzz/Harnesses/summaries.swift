// libFuzzer harness: summaries and printed output in both Keras modes. The cells of an input (as
// for `interpreter`) run in a Keras 3 or a tf-keras session (the low bit of the input's length
// chooses); every cell's output is rendered again on a console whose width (1 to 256 columns)
// and styling come from the input's bytes, and every model the cells bound is summarized in
// both Keras' texts. A CellError or KerasError is fine; a crash, a hang or runaway memory is not.
// Built and run by scripts/fuzz, never by `swift build`.
import CNNEngine
import KerasCells

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSummaries(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let source = String(decoding: bytes, as: UTF8.self)
  let version: KerasVersion = size & 1 == 0 ? .keras3 : .keras2
  let session = KerasSession(kerasVersion: version)
  session.limits = EvaluationLimits(
    timeBudget: 2, memoryBudget: 64 << 20, modelMemoryBudget: 64 << 20)
  let seed = bytes.reduce(0) { ($0 &* 31) &+ Int($1) }
  let stylings: [SummaryConsole.Styling] = [.none, .boldOnly, .standardColors, .extendedColors]
  let console = SummaryConsole(
    columns: 1 + (seed & 255), styling: stylings[(seed >> 8) & 3])
  for cell in source.split(separator: "\n# %%\n", omittingEmptySubsequences: false) {
    let result = session.run(String(cell))
    _ = result.printed(format: .keras3(console: console))
    _ = result.printed(format: .keras2(footer: .classic))
  }
  for defined in session.definedModels {
    guard let summary = try? defined.model.summary() else { continue }
    _ = Keras3SummaryText.render(summary, console: console)
    _ = KerasSummaryText.render(summary, footer: .modern)
  }
  return 0
}
