import Foundation

/// Inputs of crash families that are already known and being fixed elsewhere, skipped so that a
/// fuzzing run looks for new ones instead of finding the same stack overflow again.
/// `CONVBOOK_FUZZ_ALL=1` turns the filter off; delete a rule once its family is fixed.
enum FuzzKnownIssues {
  static let enabled = ProcessInfo.processInfo.environment["CONVBOOK_FUZZ_ALL"] != "1"

  /// Known (issue 8): the parser and the interpreter recurse once per nesting level, so ~283
  /// nested parentheses, ~297 brackets or ~2,974 operators in one expression exhaust the stack.
  static let maximumNesting = 50
  static let maximumOperators = 1_000

  static func admits(_ source: String) -> Bool {
    guard enabled else { return true }
    var depth = 0
    var operators = 0
    for byte in source.utf8 {
      switch byte {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maximumNesting { return false }
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth = max(0, depth - 1)
      case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
        UInt8(ascii: "%"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: ">"),
        UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "@"),
        UInt8(ascii: "."), UInt8(ascii: "="):
        operators += 1
        if operators > maximumOperators { return false }
      default: break
      }
    }
    return true
  }
}
