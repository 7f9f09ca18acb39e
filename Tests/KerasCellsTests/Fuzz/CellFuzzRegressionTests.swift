import Foundation
import KerasCells
import Testing

/// Inputs the cell-language fuzzers (`scripts/fuzz parser`, `scripts/fuzz interpreter`) found
/// crashing ConvBook, in `Tests/Fixtures/fuzz/{parser,interpreter}`, run through the harnesses'
/// code paths without the fuzzer: each must end in a value or a CellError, never a crash.
@Suite struct CellFuzzRegressionTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz")

  static func names(_ target: String) -> [String] {
    let folder = fixtures.appendingPathComponent(target)
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".py") }.sorted()
  }

  static func source(_ target: String, _ name: String) throws -> String {
    let data = try Data(
      contentsOf: fixtures.appendingPathComponent(target).appendingPathComponent(name))
    return String(decoding: data, as: UTF8.self)
  }

  /// What `Fuzz/Harnesses/parser.swift` does with one input.
  static func parseLikeTheFuzzer(_ source: String) -> Result<[Statement], PythonSyntaxError> {
    _ = PythonTokenizer.highlightTokens(source)
    _ = try? PythonTokenizer.tokenize(source)
    _ = try? PythonParser.parseExpression(source)
    return Result { () throws(PythonSyntaxError) in try PythonParser.parse(source) }
  }

  /// What `Fuzz/Harnesses/interpreter.swift` does with one input: the cells between `# %%`
  /// lines in one fresh session with the harness' step limit; the errors, cell by cell.
  static func runLikeTheFuzzer(_ source: String) -> [CellError?] {
    let session = KerasSession()
    session.stepLimit = 10_000
    return source.split(separator: "\n# %%\n", omittingEmptySubsequences: false).map {
      session.run(String($0)).error
    }
  }

  /// 89 nested `[` after a name: the parser's recursion (about 15 frames per bracket, one per
  /// precedence level) overflows the 8 MB stack of a debug build with Address Sanitizer at this
  /// depth, far below CPython's limit of 200. Any syntax error is right, a crash is not.
  @Test func deeplyNestedBracketsAreASyntaxError() throws {
    let source = try Self.source("parser", "nested-brackets-87-debug-stack-overflow.py")
    guard case .failure(let error) = Self.parseLikeTheFuzzer(source) else {
      Issue.record("parsed")
      return
    }
    #expect(error.kind == .syntaxError)
  }
}
