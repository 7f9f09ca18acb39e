/// `np.random.RandomState(seed)`: a legacy generator of its own, whose methods (`rand`, `randn`,
/// `randint`, `uniform`, `normal`, `choice`, `permutation`, `shuffle`, `seed`, ...) draw as the
/// module's functions draw from the global one (the same code, `NumPyRandom` and
/// `NumPyRandomIntegers`, run on this object's `NumPyRandomState` instead of the session's).
/// Without a seed NumPy reads the machine's entropy; ConvBook then seeds with 0, so that a page is
/// the same on every run.
final class NumPyRandomStateObject: StandardObject {
  private var state: NumPyRandomState

  private init(state: NumPyRandomState) { self.state = state }

  override var typeName: String { "RandomState" }

  // NumPy adds the address (`at 0x7F...`), which would make pages differ run to run.
  override func repr(_ item: (Value) -> String) -> String { "RandomState(MT19937)" }

  /// `np.random.RandomState(seed=None)`.
  static func make(_ positional: [Value], _ keywords: [(String, Value)], site: CallSite)
    throws(CellError) -> Value
  {
    let arguments = NumPyFunctions.Arguments(
      positional: positional, keywords: keywords, site: site, function: "RandomState",
      path: "numpy.random.RandomState")
    try arguments.check(allowed: ["seed"])
    let given = arguments.value(0, "seed")
    return .standard(
      NumPyRandomStateObject(
        state: NumPyRandomState(
          seed: try seed(given, range: site.range), seeded: given.map { !$0.isNone } ?? false)))
  }

  /// A seed as the legacy generator takes it: an integer in [0, 2**32).
  private static func seed(_ given: Value?, range: SourceRange) throws(CellError) -> UInt32 {
    guard let given, !given.isNone else { return 0 }
    guard case .int(let number) = NumPyScalar.integer(given) else {
      if case .bigInt = NumPyScalar.integer(given) {
        throw CellError(
          type: "ValueError", message: "Seed must be between 0 and 2**32 - 1", range: range)
      }
      throw .unsupported(
        "ConvBook seeds a RandomState with an integer only, not \(given.typeName)", at: range)
    }
    guard let seed = UInt32(exactly: number) else {
      throw CellError(
        type: "ValueError", message: "Seed must be between 0 and 2**32 - 1", range: range)
    }
    return seed
  }

  private static func hasMethod(_ name: String) -> Bool {
    name == "seed" || NumPyRandom.functionNames.contains(name)
      || NumPyRandomIntegers.functionNames.contains(name)
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    Self.hasMethod(name) ? .method(receiver: .standard(self), name: name) : nil
  }

  /// Runs `body` with this generator lent to the module's functions (the session's generator).
  func lend<T>(_ interpreter: Interpreter, _ body: () throws(CellError) -> T) throws(CellError) -> T
  {
    let global = interpreter.session.numpyRandom
    interpreter.session.numpyRandom = state
    defer {
      state = interpreter.session.numpyRandom
      interpreter.session.numpyRandom = global
    }
    return try body()
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard Self.hasMethod(name) else { return nil }
    interpreter.session.randomObjectCalls += 1
    if name == "seed" {
      let arguments = NumPyFunctions.Arguments(
        positional: positional, keywords: keywords, site: site, function: "seed",
        path: "RandomState.seed")
      try arguments.check(allowed: ["seed"])
      state = NumPyRandomState(seed: try Self.seed(arguments.value(0, "seed"), range: site.range))
      return Value.none
    }
    // The module's functions draw from the session's generator: lend them this one's.
    return try lend(interpreter) { () throws(CellError) -> Value in
      try NumPyRandom.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
  }
}
