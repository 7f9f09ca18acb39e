import KerasCells
import Testing

/// Every evaluation has a time and a memory budget and ends with ConvBook's message at the line
/// that exceeded it; values that would not fit are refused before anything is allocated.
@Suite struct EvaluationBudgetTests {
  static let timeMessage = "ConvBook stopped this cell: it ran longer than the 1 s time budget"
  static let memoryMessage =
    "ConvBook stopped this cell: its values would take more than the 64 MiB memory budget"

  /// Runs `source` with a 1 s time budget and a 64 MiB memory budget.
  static func run(_ source: String) -> CellError? {
    let session = KerasSession(limits: EvaluationLimits(timeBudget: 1, memoryBudget: 64 << 20))
    return session.run(source).error
  }

  /// A loop that grows values stops at whichever budget it reaches first (in a debug build the
  /// clock may win).
  static func expectEitherBudget(
    _ source: String, lines: ClosedRange<Int>,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let error = run(source)
    #expect(error?.type == nil, sourceLocation: sourceLocation)
    #expect(
      error?.message == memoryMessage || error?.message == timeMessage,
      sourceLocation: sourceLocation)
    #expect(lines.contains(error?.range.start.line ?? 0), sourceLocation: sourceLocation)
  }

  static func expect(
    _ source: String, message: String, line: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let error = run(source)
    #expect(error?.type == nil, sourceLocation: sourceLocation)
    #expect(error?.message == message, sourceLocation: sourceLocation)
    #expect(error?.range.start.line == line, sourceLocation: sourceLocation)
  }

  @Test func loopsStopAtTheTimeBudget() {
    Self.expect("x = 0\nfor i in range(10**12):\n    pass", message: Self.timeMessage, line: 2)
    Self.expect("for i in range(10**12):\n    x = i * 2", message: Self.timeMessage, line: 2)
    Self.expect("total = sum(range(10**12))", message: Self.timeMessage, line: 1)
    Self.expect(
      "x = 0\nfor i in range(10**6):\n    for j in range(10**6):\n        x = x + 1",
      message: Self.timeMessage, line: 4)
  }

  @Test func repetitionIsRefusedBeforeAllocating() {
    Self.expect("x = 1\ny = [0] * 10**9", message: Self.memoryMessage, line: 2)
    Self.expect("y = 'a' * 10**10", message: Self.memoryMessage, line: 1)
    // (`(1, 2) * 10**18` is past CPython's own limit: its MemoryError, script 1086.)
    Self.expect("y = (1, 2) * 10**17", message: Self.memoryMessage, line: 1)
    Self.expect("y = 10**10 * [[0]]", message: Self.memoryMessage, line: 1)
    Self.expect("y = list(range(10**9))", message: Self.memoryMessage, line: 1)
    Self.expect("y = [*range(10**9)]", message: Self.memoryMessage, line: 1)
    Self.expect("y = f'{1:100000000000}'", message: Self.memoryMessage, line: 1)
  }

  @Test func growthInLoopsStopsAtTheMemoryBudget() {
    Self.expect(
      "s = 'x'\nfor i in range(100):\n    s = s + s", message: Self.memoryMessage, line: 3)
    Self.expect(
      "a = [0]\nfor i in range(100):\n    a = a + a", message: Self.memoryMessage, line: 3)
    Self.expect(
      "s = ''\nfor i in range(10**9):\n    s = s + 'abcdefgh' * 100", message: Self.memoryMessage,
      line: 3)
    Self.expectEitherBudget(
      "a = []\nfor i in range(10**9):\n    a = a + [[0] * 1000]", lines: 2...3)
    Self.expectEitherBudget("a = [[0] * 1000 for i in range(10**9)]", lines: 1...1)
    Self.expect(
      "s = 'ab'\nfor i in range(100):\n    s = s.replace('a', 'aa')", message: Self.memoryMessage,
      line: 3)
  }

  @Test func absurdIntegersAreRefused() {
    let message =
      "ConvBook stopped this cell: the integer would have more than 1048576 bits (about 315,000 digits), ConvBook's limit on integers"
    Self.expect("x = 10**10**10", message: message, line: 1)
    Self.expect("x = 1 << 10**12", message: message, line: 1)
    Self.expect("x = 7**(2**40)", message: message, line: 1)
    Self.expect("x = 2**1048576", message: message, line: 1)
    #expect(Self.run("x = 2**1048575") == nil)
  }

  @Test func budgetsCoverTheWholeSession() {
    let session = KerasSession(limits: EvaluationLimits(timeBudget: 1, memoryBudget: 1 << 20))
    #expect(session.run("a = 'x' * 600000").error == nil)
    // The second cell's string fits on its own, but not with the first one's.
    #expect(
      session.run("b = 'y' * 600000").error?.message
        == "ConvBook stopped this cell: its values would take more than the 1 MiB memory budget")
    #expect(session.limits.memoryBudget == 1 << 20)
  }

  @Test func honestCellsStayFarBelowTheDefaults() {
    let session = KerasSession()
    #expect(session.limits == EvaluationLimits(timeBudget: 10, memoryBudget: 512 << 20))
    let result = session.run(
      """
      sizes = [2**i for i in range(10)]
      names = [f"layer_{i}" for i in range(1000)]
      total = 0
      for i in range(100000):
          total += i % 7
      print(total, len(names), sizes[-1])
      """)
    #expect(result.error == nil)
    #expect(result.printed() == "299995 1000 512\n")
  }

  @Test func largeIntegersNeverReachKeras() {
    let result = KerasSession().run(
      """
      from tensorflow import keras
      layer = keras.layers.Dense(2**64)
      """)
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message
        == "ConvBook cannot pass 18446744073709551616 to Keras: sizes and settings must fit in 64-bit integers"
    )
  }
}

/// Values nested a million deep are printed, compared and released without recursing that deep.
@Suite struct DeepValueTests {
  static let source = "a = []\nfor i in range(200000):\n    a = [a]\n"

  @Test func printingADeepListIsPythonsRecursionError() {
    let session = KerasSession()
    #expect(session.run(Self.source).error == nil)
    let error = session.run("print(a)").error
    #expect(error?.type == "RecursionError")
    #expect(
      error?.message == "maximum recursion depth exceeded while getting the repr of an object")
    #expect(session.run("print(len(a))").printed() == "1\n")
  }

  @Test func aSessionHoldingADeepListIsReleasedOnASmallStack() {
    let finished = NestingDepthTests.onThread(stackSize: 512 << 10) { () -> Bool in
      let session = KerasSession()
      let error = session.run(Self.source).error
      return error == nil
    }
    #expect(finished)
  }

  @Test func replacingADeepListReleasesIt() {
    let session = KerasSession()
    #expect(session.run(Self.source + "a = 0\nprint(a)").printed() == "0\n")
  }
}

/// A function defined in one cell and failing when a later cell calls it is reported at the call,
/// in the calling cell's own source.
@Suite struct CrossCellFunctionTests {
  @Test func errorsPointAtTheCallInTheRunningCell() {
    let session = KerasSession()
    #expect(session.run("def ratio(a, b):\n    scale = 10\n    return a / b\n").error == nil)
    let source = "x = 1\ny = ratio(x, 0)"
    let error = session.run(source).error
    #expect(error?.type == "ZeroDivisionError")
    #expect(error?.message == "division by zero")
    #expect(error.map { String($0.range.text(in: source)) } == "ratio(x, 0)")
    #expect(error?.range.start.line == 2)
  }
}
