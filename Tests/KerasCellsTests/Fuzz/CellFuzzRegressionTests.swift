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
    let session = KerasSession(kerasVersion: source.hasPrefix("#") ? .keras2 : .keras3)
    session.limits = EvaluationLimits(
      timeBudget: 2, memoryBudget: 64 << 20, modelMemoryBudget: 64 << 20)
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

  /// The error of each cell of an interpreter finding, with what it printed.
  static func run(_ name: String) throws -> (printed: String, error: CellError?) {
    let session = KerasSession()
    session.limits = EvaluationLimits(timeBudget: 2, memoryBudget: 64 << 20)
    let result = session.run(try source("interpreter", name))
    return (result.printed(), result.error)
  }

  // `int()` of a float converts with `Int(_:)`, which traps on NaN, infinities and values beyond
  // Int64 (Builtins.swift, case "int"). Python converts any finite float exactly and raises for
  // the others; the big integers of the interp branch are what makes the first one possible.
  @Test
  func intOfAFloatAboveIntMaxIsExact() throws {
    let (printed, error) = try Self.run("int-of-float-above-int-max.py")
    #expect(error == nil)
    #expect(
      printed
        == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160\n"
    )
  }

  @Test
  func intOfNaNIsAValueError() throws {
    let error = try Self.run("int-of-nan.py").error
    #expect(error?.type == "ValueError")
    #expect(error?.message == "cannot convert float NaN to integer")
  }

  @Test
  func intOfInfinityIsAnOverflowError() throws {
    let error = try Self.run("int-of-infinity.py").error
    #expect(error?.type == "OverflowError")
    #expect(error?.message == "cannot convert float infinity to integer")
  }

  // `str * n` and `list * n` allocate n copies at once (Operators.swift, `.multiply`): with
  // n = Int.max the allocation traps before any budget is consulted. Python raises MemoryError;
  // ConvBook's memory budget must refuse it before allocating.
  @Test
  func stringRepeatedIntMaxTimesIsRefused() throws {
    #expect(try Self.run("string-repeated-int-max-times.py").error != nil)
  }

  @Test
  func listRepeatedIntMaxTimesIsRefused() throws {
    #expect(try Self.run("list-repeated-int-max-times.py").error != nil)
  }

  /// What CPython 3.11 does with each Int64-edge finding: the printed line, or the exception.
  static let int64Edges: [(name: String, printed: String?, error: String?)] = [
    ("abs-of-int-min.py", "9223372036854775808", nil),
    ("negated-int-min.py", "9223372036854775808", nil),
    ("enumerate-start-int-max.py", "[(9223372036854775807, 1), (9223372036854775808, 2)]", nil),
    ("range-length-beyond-int64-arithmetic.py", "6148914691236517205", nil),
    ("round-float-above-int-max.py", "9223372036854775808", nil),
    ("round-infinity.py", nil, "OverflowError: cannot convert float infinity to integer"),
    (
      "format-width-too-many-digits.py", nil, "ValueError: Too many decimal digits in format string"
    ),
    ("format-precision-too-big.py", nil, "ValueError: precision too big"),
  ]

  // Each traps on Int64 arithmetic (`Swift runtime failure: arithmetic overflow` or a Double to
  // Int conversion) in Builtins (abs, enumerate, round), Operators.unary, Value.rangeCount or
  // PythonText.format (width and precision digits); see FINDINGS.md, I3.
  @Test(arguments: int64Edges.map(\.name))
  func int64EdgesAreExact(_ name: String) throws {
    let expected = try #require(Self.int64Edges.first { $0.name == name })
    let (printed, error) = try Self.run(name)
    if let message = expected.error {
      #expect(error.map { "\($0.type ?? ""): \($0.message)" } == message)
    } else {
      #expect(error == nil)
      #expect(printed == expected.printed.map { $0 + "\n" })
    }
  }

  @Test
  func formatWidthIntMaxIsRefused() throws {
    #expect(try Self.run("format-width-int-max.py").error != nil)
  }

  // MobileNets turn `alpha` into filter counts with `Int(_:)`, which trapped on NaN, infinities
  // and values whose widths pass Int.max (MobileNet.swift, MobileNetV2.makeDivisible). Python's
  // `int(...)` raises for the first two; the third is ConvBook's limit on sizes.
  static let mobileNetAlphas: [(name: String, error: String)] = [
    ("mobilenet-alpha-nan.py", "ValueError: cannot convert float NaN to integer"),
    ("mobilenet-v2-alpha-infinity.py", "OverflowError: cannot convert float infinity to integer"),
    (
      "mobilenet-v3-alpha-beyond-int64.py",
      "ConvBook does not support `alpha=1e+300`: the layer widths it scales would overflow 64-bit integers"
    ),
  ]

  @Test(arguments: mobileNetAlphas.map(\.name))
  func mobileNetAlphaIsRefused(_ name: String) throws {
    let expected = try #require(Self.mobileNetAlphas.first { $0.name == name })
    let error = try #require(try Self.run(name).error)
    #expect(error.type.map { "\($0): \(error.message)" } ?? error.message == expected.error)
  }

  // Bidirectional's concatenated output doubled the units unchecked: `SimpleRNN(2**62)` trapped.
  @Test
  func bidirectionalUnitsOverflowIsRefused() throws {
    let error = try #require(try Self.run("bidirectional-units-overflow.py").error)
    #expect(error.message.contains("overflows 64-bit integers"))
  }

  // A recurrent layer's weights hold `gates * units` columns and ConvLSTM2D's `4 * filters`,
  // multiplied unchecked: `LSTM(2**61)` and `ConvLSTM2D(2**61, 3)` trapped.
  @Test(arguments: ["lstm-units-overflow.py", "convlstm-filters-overflow.py"])
  func recurrentColumnsOverflowIsRefused(_ name: String) throws {
    let error = try #require(try Self.run(name).error)
    #expect(error.message.contains("overflows 64-bit integers"))
  }

  // The number of batches was `(samples + batch_size - 1) / batch_size`, which trapped in fit for
  // `batch_size=2**63 - 1` (and in evaluate's progress bar and a dataset's `batch`).
  @Test func batchSizeIntMaxIsOneBatch() throws {
    let (printed, error) = try Self.run("fit-batch-size-int-max.py")
    #expect(error == nil)
    #expect(printed == "0.0\n")
  }

  // `tf.data.Dataset.range`'s length was `(stop - start + step - 1) / step`, which trapped for
  // bounds 2**64 apart; it is TensorFlow's RangeCardinality now, whose stop of 2**63 - 1 stands
  // for an endless range (script 988 has the wrapped lengths).
  @Test func datasetRangeBeyondInt64IsNotATrap() throws {
    let (printed, error) = try Self.run("dataset-range-length-beyond-int64.py")
    #expect(printed == "1\n")
    #expect(error?.type == "TypeError")
    #expect(error?.message == "The dataset is infinite.")
  }

  // An empty array whose other dimensions are huge (`np.ones((2**40, 0))`) holds no values, but
  // a reduction over its empty axis allocated 2**40 results before charging them (a crash), and
  // cumsum or concatenate walked its 2**40 empty rows (a hang): such arrays are refused when made.
  @Test func emptyArrayWithHugeOtherDimensionsIsRefused() throws {
    let (printed, error) = try Self.run("empty-array-huge-other-dimensions.py")
    #expect(printed == "(1048576,)\n")
    #expect(
      error?.message.contains("empty array whose other dimensions span more than 2^31") == true)
    let reshaped = try Self.run("empty-array-reshaped-huge.py")
    #expect(reshaped.error?.message.contains("span more than 2^31") == true)
  }

  // Freeing the head of a 100,000-link chain (closures capturing the previous closure, lists or
  // dicts holding the previous one) recursed once per link in the deinits and overflowed the
  // stack; `DeferredRelease` frees long chains in a loop. Cells run on a thread with a large
  // stack, so the chain is freed here, with the session, on the test's own thread (as
  // `convbook run` freed it on the main thread).
  // A linked list of 30,000 instances of a class (`self.next_node = node`) crashed the same way
  // (from about 20,000 links in a debug build's `convbook run`): instances defer their attributes.
  @Test(arguments: [
    "closure-chain-100000.py", "list-chain-100000.py", "dict-chain-100000.py",
    "instance-chain-30000.py",
  ])
  func longChainsAreFreed(_ name: String) throws {
    let source = try Self.source("interpreter", name)
    // Freed on a thread with the main thread's 8 MB stack, where `convbook run` frees it (the
    // test runner's own threads have smaller stacks than any command runs on).
    nonisolated(unsafe) var outcome: (CellError?, String)?
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      var session: KerasSession? = KerasSession()
      session!.limits = EvaluationLimits(timeBudget: 60, memoryBudget: 512 << 20)
      let result = session!.run(source)
      outcome = (result.error, result.printed())
      session = nil
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    done.wait()
    #expect(outcome?.0 == nil)
    #expect(outcome?.1 == "built\n")
  }

  // The `interpreter` fuzzer's seeds `closure-chain-100000.py` and `instance-chain-30000.py`
  // overflowed libFuzzer's main thread when the harness dropped its session: 64 nested frees
  // (`DeferredRelease.maximumDepth`) of a few frames each fit an 8 MB stack in a debug build, not
  // with Address Sanitizer's frames. A session takes its values apart on a `DeepStack` thread
  // now, so whatever thread drops it needs no stack of its own: here one of 64 KiB. A chain of
  // 100,000 tuples used as a dict key (hardening's hand-written input) crashed `convbook run` on
  // its main thread the same way: the dict's key index held the last reference.
  @Test(arguments: [
    "closure-chain-100000.py", "list-chain-100000.py", "dict-chain-100000.py",
    "instance-chain-30000.py", "hardening-tuple-chain-dict-key.py",
  ])
  func longChainsAreFreedOnASmallStack(_ name: String) throws {
    let source = try Self.source("interpreter", name)
    nonisolated(unsafe) var session: KerasSession? = KerasSession()
    session!.limits = EvaluationLimits(timeBudget: 60, memoryBudget: 512 << 20)
    let result = session!.run(source)
    #expect(result.error == nil)
    #expect(result.printed() == "built\n")
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      session = nil
      done.signal()
    }
    thread.stackSize = 64 << 10
    thread.start()
    done.wait()
    #expect(session == nil)
  }

  // Freeing a session took its globals apart by walking every list, tuple and dict it reached,
  // once per reference: 20,000 references to one list of 100,000 items were 2·10⁹ steps after
  // the script's output (minutes of processor time in a debug build). Each container is taken
  // apart once now. The session is freed on a thread of its own; a teardown still running after
  // a minute is a hang.
  @Test func sharedContainersAreFreedOnce() throws {
    let source = try Self.source("interpreter", "shared-list-teardown.py")
    nonisolated(unsafe) var printed: String?
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      var session: KerasSession? = KerasSession()
      printed = session!.run(source).printed()
      session = nil
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    guard done.wait(timeout: .now() + 60) == .success else {
      Issue.record("freeing the session did not finish within 60 s")
      return
    }
    #expect(printed == "built\n")
  }

  // `np.array` walked nested lists recursing once per dimension: 100,000 of them overflowed the
  // stack. NumPy refuses more than 64 dimensions.
  @Test
  func arrayOfTooManyNestedListsIsRefused() throws {
    let error = try #require(try Self.run("array-of-100000-nested-lists.py").error)
    #expect(
      "\(error.type ?? ""): \(error.message)"
        == "ValueError: setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 64."
    )
  }

  // `<` on nested lists recursed once per level without a bound (and compared each level's
  // items for equality first): 100,000 levels ran past the time budget toward a stack overflow.
  // CPython raises RecursionError.
  @Test
  func orderOfDeeplyNestedListsIsARecursionError() throws {
    let error = try #require(try Self.run("order-of-100000-nested-lists.py").error)
    #expect(
      "\(error.type ?? ""): \(error.message)"
        == "RecursionError: maximum recursion depth exceeded in comparison")
  }

  // An array slice's length was `(end - first + step - 1) / step` (and `... / -step` going
  // back), which overflows for a step of 2**63 or -2**63 (clamped to Int.max and Int.min).
  // The printed line is NumPy 2.4's.
  @Test
  func arraySliceStepBeyondInt64() throws {
    let (printed, error) = try Self.run("array-slice-step-beyond-int64.py")
    #expect(error == nil)
    #expect(printed == "[0] [9] [0] [9] [0 3 6 9] [9 6 3 0] [7 5 3] [2 4 6]\n")
  }
}
