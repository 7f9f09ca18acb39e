import CNNEngine

/// `np.random.randint`, `choice`, `permutation` and `shuffle` on NumPy's legacy generator, drawn as
/// `RandomState` draws them: bounded integers by masked rejection (`random_bounded_uint64_fill`:
/// 32-bit words while the range fits 32 bits, else 64-bit words made high word first), shuffles
/// by Fisher-Yates from the end with `random_interval`, `choice` through `randint`, `permutation`
/// or the cumulative `p` searched with uniform draws. Results follow NumPy's types: a Python int
/// for a single `randint`, int64 arrays, and `a[idx]` for a `choice` from an array.
enum NumPyRandomIntegers {
  /// `choice(..., p=)`'s cumulative distribution, normalised, after NumPy's checks of `p` (each
  /// generator words them its own way): `p.cumsum()` as a running sum, and the sum within NumPy's
  /// tolerance of 1 (NumPy sums with Kahan summation; a running sum agrees within it).
  static func cumulativeProbabilities(
    _ values: [Double], negative: String, notOne: String, range: SourceRange
  ) throws(CellError) -> [Double] {
    guard values.allSatisfy({ $0 >= 0 }) else {
      throw CellError(type: "ValueError", message: negative, range: range)
    }
    var cdf: [Double] = []
    var running = 0.0
    for value in values {
      running += value
      cdf.append(running)
    }
    guard abs(running - 1) <= Double.ulpOfOne.squareRoot() else {
      throw CellError(type: "ValueError", message: notOne, range: range)
    }
    return cdf.map { $0 / running }
  }

  static let functionNames: Set<String> = ["randint", "choice", "permutation", "shuffle"]

  /// A value in 0...range (`random_bounded_uint64` with masking, `MersenneTwister.bounded`).
  static func bounded(_ range: UInt64, _ state: inout NumPyRandomState) -> UInt64 {
    state.bounded(range)
  }

  /// The swaps of a legacy `shuffle` of `count` items, applied by `swap`.
  static func shuffle(count: Int, _ state: inout NumPyRandomState, swap: (Int, Int) -> Void) {
    guard count > 1 else { return }
    for i in stride(from: count - 1, through: 1, by: -1) {
      swap(i, Int(bounded(UInt64(i), &state)))
    }
  }

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let budget = interpreter.budget
    let parameters: [String]
    switch name {
    case "randint": parameters = ["low", "high", "size", "dtype"]
    case "choice": parameters = ["a", "size", "replace", "p"]
    default: parameters = ["x"]
    }
    let arguments = NumPyFunctions.Arguments(
      positional: positional, keywords: keywords, site: site, function: name,
      path: "numpy.random." + name)
    try arguments.check(allowed: parameters)
    var state = interpreter.session.numpyRandom
    defer { interpreter.session.numpyRandom = state }
    func size(_ index: Int) throws(CellError) -> [Int]? {
      guard let given = arguments.value(index, "size"), !given.isNone else { return nil }
      let shape = try arguments.shape(index, "size")
      guard shape.allSatisfy({ $0 >= 0 }) else {
        throw CellError(
          type: "ValueError", message: "negative dimensions are not allowed", range: range)
      }
      let count = shape.reduce(1) {
        $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1
      }
      guard count <= 1 << 26 else {
        throw .unsupported("ConvBook draws at most 2^26 random numbers at once", at: range)
      }
      try budget.allocate(count: count, size: 8, at: range)
      return shape
    }
    switch name {
    case "randint":
      guard var low = try arguments.integer(0, "low") else {
        throw CellError(
          type: "TypeError", message: "randint() missing required argument 'low' (pos 1)",
          range: range)
      }
      var high = try arguments.integer(1, "high")
      if high == nil {
        high = low
        low = 0
      }
      let dtype =
        try arguments.value(3, "dtype").map { value throws(CellError) in
          try ArrayOperations.dtype(value, range: range)
        } ?? .int64
      guard dtype == .int64 || dtype == .int32 else {
        throw .unsupported(
          "ConvBook's np.random.randint draws int64 or int32 values, not \(dtype.rawValue)",
          at: range)
      }
      // NumPy checks the bounds of the type first, then the order, naming `high <= 0` when low
      // is 0 (the one-argument form).
      let top = high ?? low
      if let bounds = dtype.bounds, Double(low) < bounds.lowerBound {
        throw CellError(
          type: "ValueError", message: "low is out of bounds for \(dtype.rawValue)", range: range)
      }
      if let bounds = dtype.bounds, Double(top) - 1 > bounds.upperBound {
        throw CellError(
          type: "ValueError", message: "high is out of bounds for \(dtype.rawValue)", range: range)
      }
      guard low < top else {
        throw CellError(
          type: "ValueError", message: low == 0 ? "high <= 0" : "low >= high", range: range)
      }
      let span = UInt64(bitPattern: Int64(top &- 1 &- low))
      let shape = try size(2)
      func draw() -> Int { low &+ Int(truncatingIfNeeded: bounded(span, &state)) }
      guard let shape else { return .int(draw()) }
      let values = state.boundedIntegers(count: shape.reduce(1, *), low: low, span: span)
      return .array(NDArray(dtype: dtype, shape: shape, doubles: values))
    case "permutation":
      guard let given = arguments.value(0, "x") else {
        throw CellError(
          type: "TypeError", message: "permutation() missing required argument 'x' (pos 1)",
          range: range)
      }
      var array: NDArray
      if case .int(let count) = NumPyScalar.integer(given) {
        guard count >= 0 else {
          throw CellError(
            type: "ValueError", message: "negative dimensions are not allowed", range: range)
        }
        try budget.allocate(count: count, size: 8, at: range)
        array = NDArray(dtype: .int64, shape: [count], doubles: (0..<count).map(Double.init))
      } else {
        array = try ArrayOperations.array(from: given, dtype: nil, range: range, budget: budget)
        guard array.rank >= 1 else {
          throw CellError(
            type: "IndexError", message: "x must be an integer or at least 1-dimensional",
            range: range)
        }
      }
      return .array(permuted(array, &state))
    case "shuffle":
      guard let given = arguments.value(0, "x") else {
        throw CellError(
          type: "TypeError", message: "shuffle() missing required argument 'x' (pos 1)",
          range: range)
      }
      guard case .list(let list) = given else {
        throw .unsupported(
          "ConvBook's np.random.shuffle shuffles lists, and NumPy arrays a name, attribute or item holds, in place; for another \(given.typeName) write x = np.random.permutation(x) (the same draws)",
          at: range)
      }
      shuffle(count: list.items.count, &state) { i, j in list.items.swapAt(i, j) }
      return .none
    default:
      return try choice(arguments, state: &state, budget: budget, size: size)
    }
  }

  /// The array's rows in a legacy `shuffle` order, the budget charged for the copy.
  static func permuted(
    _ array: NDArray, _ state: inout NumPyRandomState, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    try budget.allocate(count: array.count, size: 8, at: range)
    return permuted(array, &state)
  }

  /// The array's rows in a legacy `permutation` order.
  private static func permuted(_ array: NDArray, _ state: inout NumPyRandomState) -> NDArray {
    var order = Array(0..<array.shape[0])
    shuffle(count: order.count, &state) { i, j in order.swapAt(i, j) }
    let row = array.count / max(1, array.shape[0])
    return NDArray(
      dtype: array.dtype, shape: array.shape,
      storage: NumPyKernel.rows(array.storage, order, rowSize: row))
  }

  private static func choice(
    _ arguments: NumPyFunctions.Arguments, state: inout NumPyRandomState,
    budget: EvaluationBudget, size: (Int) throws(CellError) -> [Int]?
  ) throws(CellError) -> Value {
    let range = arguments.site.range
    guard let given = arguments.value(0, "a") else {
      throw CellError(
        type: "TypeError", message: "choice() missing required argument 'a' (pos 1)",
        range: range)
    }
    var population: NDArray?
    // `np.random.choice(list("0123456789"))`: a population of texts gives `np.str_` items.
    var texts: NumPyStringArray?
    let count: Int
    if case .int(let number) = NumPyScalar.integer(given) {
      count = number
      guard count > 0 else {
        throw CellError(
          type: "ValueError", message: "a must be greater than 0 unless no samples are taken",
          range: range)
      }
    } else {
      let shape: [Int]
      if let strings = NumPyStringArray.make(from: given) {
        texts = strings
        shape = strings.shape
      } else {
        let array = try ArrayOperations.array(
          from: given, dtype: nil, range: range, budget: budget)
        population = array
        shape = array.shape
      }
      guard shape.count == 1 else {
        throw CellError(type: "ValueError", message: "a must be 1-dimensional", range: range)
      }
      guard shape[0] > 0 else {
        throw CellError(
          type: "ValueError", message: "'a' cannot be empty unless no samples are taken",
          range: range)
      }
      count = shape[0]
    }
    let shape = try size(1)
    let total = shape?.reduce(1, *) ?? 1
    let replace = arguments.value(2, "replace")?.isTruthy ?? true
    var indices: [Int]
    if let weights = arguments.value(3, "p"), !weights.isNone {
      guard replace else {
        throw .unsupported(
          "ConvBook's np.random.choice takes p= with replace=True only", at: range)
      }
      let p = try ArrayOperations.array(
        from: weights, dtype: .float64, range: range, budget: budget)
      guard p.rank == 1, p.count == count else {
        throw CellError(
          type: "ValueError", message: "'a' and 'p' must have same size", range: range)
      }
      let cdf = try cumulativeProbabilities(
        (0..<count).map { p.value(at: $0) }, negative: "probabilities are not non-negative",
        notOne: "probabilities do not sum to 1", range: range)
      indices = (0..<total).map { _ in
        let u = state.uniform()
        // searchsorted(side='right'): the first place whose value is greater than u.
        return cdf.firstIndex { $0 > u } ?? count
      }
    } else if replace {
      indices = (0..<total).map { _ in Int(bounded(UInt64(count - 1), &state)) }
    } else {
      guard total <= count else {
        throw CellError(
          type: "ValueError",
          message: "Cannot take a larger sample than population when 'replace=False'",
          range: range)
      }
      // NumPy permutes the whole population (`permutation(pop_size)[:size]`): it costs memory.
      try budget.allocate(count: count, size: 8, at: range)
      var order = Array(0..<count)
      shuffle(count: count, &state) { i, j in order.swapAt(i, j) }
      indices = Array(order.prefix(total))
    }
    if let texts {
      let picked = indices.map { texts.items[$0] }
      guard let shape else { return texts.itemValue(picked[0]) }
      return .standard(NumPyStringArray(items: picked, shape: shape, kind: texts.kind))
    }
    guard let population else {
      if shape == nil { return .int(indices[0]) }
      return .array(
        NDArray(
          dtype: .int64, shape: shape!,
          storage: try NumPyIntegers.fit(
            .int64, .double(indices.map(Double.init)), range: arguments.site.range)))
    }
    let picked = NDArray(
      dtype: population.dtype, shape: shape ?? [],
      storage: NumPyKernel.rows(population.storage, indices, rowSize: 1))
    return shape == nil ? ArrayOperations.element(picked, at: 0) : .array(picked)
  }
}
