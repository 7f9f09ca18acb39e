// libFuzzer harness: the interpreter (KerasCells) on parsed cells. Each input is one or more
// cells separated by a line `# %%` (as in Tests/Fixtures/keras/corpus), run in order in a fresh
// session with small budgets (`FuzzCells`), in Keras 3 or, for inputs whose first line is a
// comment, tf-keras (whose eager calls, integer data and summaries differ). A cell that ends in a
// CellError (a Python exception) is fine; a crash, a hang or runaway memory is not.
// Built and run by scripts/fuzz, never by `swift build`.
import KerasCells

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  FuzzCells.run(source, version: source.hasPrefix("#") ? .keras2 : .keras3)
  return 0
}
