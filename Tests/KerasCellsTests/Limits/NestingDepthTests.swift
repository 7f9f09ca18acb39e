import Foundation
import KerasCells
import Testing

final class ResultBox<T>: @unchecked Sendable {
  var value: T?
}

/// Deep nesting is refused as CPython 3.11 refuses it (200 brackets, about 3,000 levels of
/// expression), and the deepest input the parser accepts runs, prints and is refused again without
/// exhausting the stack: on the test's own thread, on a thread with a small stack, and on the main
/// thread.
@Suite struct NestingDepthTests {
  /// Runs `body` on a fresh thread with `stackSize` bytes of stack and waits for it.
  static func onThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.value = body()
      done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    done.wait()
    return box.value!
  }

  static func run(_ source: String) -> (printed: String, error: String?, column: Int?) {
    let result = KerasSession().run(source)
    return (
      result.printed(), result.error.map { "\($0.type ?? "ConvBook"): \($0.message)" },
      result.error?.range.start.column
    )
  }

  /// The cases, each with what CPython 3.11.7 does (checked with `compile`).
  static let cases: [(source: String, printed: String, error: String?, column: Int?)] = [
    (
      "print(" + String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 200),
      "1\n", nil, nil
    ),
    (
      "print(" + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 201), "",
      "SyntaxError: too many nested parentheses", 206
    ),
    (
      "x = " + String(repeating: "[{(", count: 67), "",
      "SyntaxError: too many nested parentheses", 205
    ),
    ("x = " + String(repeating: "-", count: 2989) + "1\nprint(x)", "-1\n", nil, nil),
    (
      "x = " + String(repeating: "-", count: 2990) + "1", "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    ("print(" + String(repeating: "-", count: 2988) + "1)", "1\n", nil, nil),
    (
      "print(" + String(repeating: "-", count: 2989) + "1)", "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "x = " + String(repeating: "-", count: 100_000) + "1", "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "x = " + Array(repeating: "1", count: 2990).joined(separator: "+") + "\nprint(x)", "2990\n",
      nil, nil
    ),
    (
      "x = " + Array(repeating: "1", count: 5000).joined(separator: "+"), "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "x = " + String(repeating: "not ", count: 3000) + "1", "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "x = " + String(repeating: "not ", count: 2988) + "1\nprint(x)", "True\n", nil, nil
    ),
    (
      "if True:\n  x = " + String(repeating: "-", count: 2988) + "1\n  print(x)", "1\n", nil, nil
    ),
    (
      "if True:\n  x = " + String(repeating: "-", count: 2989) + "1", "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "x = 'a'" + String(repeating: ".upper()", count: 20_000), "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "x = [1]" + String(repeating: "[0]", count: 3000), "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "print(" + Array(repeating: "1", count: 20_000).joined(separator: " and ") + ")", "1\n",
      nil, nil
    ),
    (
      "print(" + Array(repeating: "0", count: 20_000).joined(separator: " or ") + " or 7)", "7\n",
      nil, nil
    ),
    (
      "x = " + String(repeating: "1 if 1 else ", count: 3000) + "1", "",
      "RecursionError: maximum recursion depth exceeded during compilation", nil
    ),
    (
      "x = " + String(repeating: "(-", count: 199) + String(repeating: "-", count: 2500) + "1"
        + String(repeating: ")", count: 199) + "\nprint(x)",
      "-1\n", nil, nil
    ),
  ]

  static func checkAll() -> [String] {
    var failures: [String] = []
    for testCase in cases {
      let outcome = run(testCase.source)
      if outcome.printed != testCase.printed || outcome.error != testCase.error
        || (testCase.column != nil && outcome.column != testCase.column)
      {
        failures.append(
          "\(testCase.source.prefix(40))...: printed \(outcome.printed.debugDescription), error \(outcome.error ?? "none") at column \(outcome.column.map(String.init) ?? "-")"
        )
      }
    }
    return failures
  }

  @Test func onTheTestThread() {
    #expect(Self.checkAll() == [])
  }

  @Test func onASmallStack() {
    // 512 KiB: the stack of a secondary thread on macOS and of many thread pools.
    #expect(Self.onThread(stackSize: 512 << 10) { Self.checkAll() } == [])
  }

  @Test @MainActor func onTheMainThread() {
    #expect(Self.checkAll() == [])
  }

  @Test func deepExpressionsPrintAndParseOnSmallStacks() throws {
    let deepest = String(repeating: "-", count: 2989) + "x"
    let failures = Self.onThread(stackSize: 512 << 10) { () -> [String] in
      var failures: [String] = []
      do {
        let expression = try KerasSession.parseExpression(deepest)
        if expression.canonicalSource != deepest { failures.append("canonical source differs") }
        let session = KerasSession()
        session.bind("x", to: .int(3))
        if case .int(let value) = try session.evaluate(expression) {
          if value != -3 { failures.append("value \(value)") }
        } else {
          failures.append("not an int")
        }
        let again = try KerasSession.parseExpression("(" + deepest + ")")
        if again.canonicalSource != deepest { failures.append("parses differently") }
      } catch {
        failures.append("\(error)")
      }
      return failures
    }
    #expect(failures == [])
  }
}
