// libFuzzer harness: the cell language's tokenizer and parser (KerasCells).
// Built and run by scripts/fuzz, never by `swift build`.
import KerasCells

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  // The highlighter must accept every text, tokenizable or not.
  _ = PythonTokenizer.highlightTokens(source)
  _ = try? PythonTokenizer.tokenize(source)
  _ = try? PythonParser.parse(source)
  _ = try? PythonParser.parseExpression(source)
  return 0
}
