import CNNEngine

/// The arguments of a scikit-learn sample generator (`make_classification`, `make_regression`,
/// `make_blobs`, `make_circles`, `make_moons`) bound as its signature binds them (`inspect`'s
/// `TypeError`s: too many positional arguments, an unexpected or repeated keyword), with the
/// values ConvBook models read back; a value outside them is ConvBook's limitation, named by the
/// call it was given to.
struct SklearnArguments {
  /// A generator's name and parameters: those that may come positionally, then keyword-only ones.
  struct Signature {
    let function: String
    let leading: [String]
    let keywordOnly: [String]
  }

  let function: String
  let range: SourceRange
  private var values: [String: Value] = [:]

  init(
    _ signature: Signature, positional: [Value], keywords: [(String, Value)], range: SourceRange
  ) throws(CellError) {
    let (leading, keywordOnly) = (signature.leading, signature.keywordOnly)
    function = signature.function
    self.range = range
    guard positional.count <= leading.count else {
      throw CellError(type: "TypeError", message: "too many positional arguments", range: range)
    }
    for (name, value) in zip(leading, positional) { values[name] = value }
    for (label, value) in keywords {
      guard leading.contains(label) || keywordOnly.contains(label) else {
        throw CellError(
          type: "TypeError", message: "got an unexpected keyword argument '\(label)'",
          range: range)
      }
      guard values[label] == nil else {
        throw CellError(
          type: "TypeError", message: "multiple values for argument '\(label)'", range: range)
      }
      values[label] = value
    }
  }

  func value(_ name: String) -> Value? { values[name] }

  /// ConvBook's refusal of `name=value`.
  func limitation(_ name: String, _ value: Value) -> CellError {
    .unsupported(
      "ConvBook does not support \(function)(\(name)=\(PythonText.repr(value))) yet", at: range)
  }

  /// An integer argument of at least `minimum` (scikit-learn's `Interval(Integral, minimum,
  /// None)`).
  func integer(_ name: String, default fallback: Int, minimum: Int) throws(CellError) -> Int {
    guard let given = values[name] else { return fallback }
    guard case .int(let number) = NumPyScalar.integer(given), number >= minimum else {
      throw limitation(name, given)
    }
    return number
  }

  /// A real argument (an int or a float; a bool is an int to Python).
  func real(_ name: String, default fallback: Double?) throws(CellError) -> Double? {
    guard let given = values[name] else { return fallback }
    switch NumPyScalar.number(given) {
    case .none: return nil
    case .int(let number): return Double(number)
    case .float(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    default: throw limitation(name, given)
    }
  }

  func flag(_ name: String, default fallback: Bool) -> Bool {
    values[name]?.isTruthy ?? fallback
  }
}

/// scikit-learn's `check_random_state(random_state)` for a generator's draws: a new legacy
/// `RandomState(seed)` for an integer, NumPy's global generator for None (unseeded, its draws are
/// ConvBook's own, `OwnDraws`); a `RandomState` object is ConvBook's limitation.
struct SklearnRandomState {
  var state: NumPyRandomState
  let global: Bool

  init(_ arguments: SklearnArguments, interpreter: Interpreter) throws(CellError) {
    let given = arguments.value("random_state") ?? .none
    try self.init(given, interpreter: interpreter) { arguments.limitation("random_state", $0) }
  }

  /// `random_state=given`, refused by `limitation`.
  init(_ given: Value, interpreter: Interpreter, limitation: (Value) -> CellError)
    throws(CellError)
  {
    switch NumPyScalar.integer(given) {
    case .none:
      state = interpreter.session.numpyRandom
      global = true
    case .int(let seed) where seed >= 0 && seed <= Int(UInt32.max):
      state = NumPyRandomState(seed: UInt32(seed))
      global = false
    default: throw limitation(given)
    }
  }

  /// The orders of a generated matrix's rows and columns: `shuffle(arange(rows))` and then
  /// `shuffle(arange(columns))` when the generator shuffles, else as they are.
  mutating func orders(rows: Int, columns: Int, _ shuffle: Bool) -> (rows: [Int], columns: [Int]) {
    var rowOrder = Array(0..<rows)
    var columnOrder = Array(0..<columns)
    if shuffle {
      NumPyRandomIntegers.shuffle(count: rows, &state) { rowOrder.swapAt($0, $1) }
      NumPyRandomIntegers.shuffle(count: columns, &state) { columnOrder.swapAt($0, $1) }
    }
    return (rowOrder, columnOrder)
  }

  /// The generator's results, the global generator's state kept for the next draws and the
  /// results marked as ConvBook's own when they come from the unseeded one (and `drew`).
  func finish(_ results: [Value], drew: Bool, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    guard global else { return .tuple(results) }
    interpreter.session.numpyRandom = state
    guard drew, !state.seeded else { return .tuple(results) }
    var marked: [Value] = []
    for part in results {
      marked.append(
        try OwnDraws.mark(
          part, refusingText: false, range: range, training: interpreter.session.training))
    }
    return .tuple(marked)
  }
}
