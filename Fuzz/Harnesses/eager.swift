// libFuzzer harness: eager TensorFlow values and NumPy arrays in the cell language (tf.constant,
// tf.Variable, GradientTape, tf.split / unstack, NumPy dtypes, item assignment, reductions, clip,
// unique) with the Python the scripts around them use (generators, `random`, dataclasses). The
// same code path as `interpreter` (`FuzzCells`: cells split at `# %%` lines, a fresh session
// with small budgets, tf-keras for inputs starting with a comment) with its own seeds
// (`Fuzz/Corpus/eager`, the Python and NumPy fixtures' snippets) and dictionary
// (`Fuzz/Dictionaries/eager.dict`), so that mutations stay among eager values.
// Built and run by scripts/fuzz, never by `swift build`.
import KerasCells

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEager(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  FuzzCells.run(source, version: source.hasPrefix("#") ? .keras2 : .keras3)
  return 0
}
