import CNNEngine

/// Discrete convolutions that convolution chapters check their own loops against: NumPy's
/// `np.convolve(a, v, mode='full')` (`numpy/_core/numeric.py`: neither input empty, the longer
/// one first, `correlate(a, v[::-1], mode)`) and SciPy's
/// `scipy.signal.convolve2d(in1, in2, mode='full')` (`scipy/signal/_signaltools.py`, zero
/// `fill` boundary). `full` has every overlap, `same` the length (shape) of the longer input (of
/// `in1`) starting `(m - 1) // 2` into the full result, `valid` only complete overlaps. Integer
/// inputs give int64, any float float64; each sum adds the products in order, exact for
/// integers. Other dtypes, boundaries and fill values are ConvBook's limitation.
enum NumPyConvolve {
  static let convolve2dPath = "scipy.signal.convolve2d"

  /// `np.convolve(a, v, mode='full')`.
  static func convolve(_ arguments: NumPyFunctions.Arguments, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let range = arguments.site.range
    try arguments.check(allowed: ["a", "v", "mode"])
    var a = try arguments.array(0, "a", budget: budget)
    var v = try arguments.array(1, "v", budget: budget)
    guard a.rank <= 1, v.rank <= 1 else {
      throw CellError(
        type: "ValueError", message: "object too deep for desired array", range: range)
    }
    let dtype = try resultType(a, v, path: "numpy.convolve", range: range)
    if a.count == 0 {
      throw CellError(type: "ValueError", message: "a cannot be empty", range: range)
    }
    if v.count == 0 {
      throw CellError(type: "ValueError", message: "v cannot be empty", range: range)
    }
    if v.count > a.count { swap(&a, &v) }
    let mode = try self.mode(arguments.value(2, "mode"), numbers: true, range: range) { given in
      "mode must be one of 'valid', 'same', or 'full' (got \(given))"
    }
    let (n, m) = (a.count, v.count)
    let (start, count): (Int, Int)
    switch mode {
    case .full: (start, count) = (0, n + m - 1)
    case .same: (start, count) = ((m - 1) / 2, n)
    case .valid: (start, count) = (m - 1, n - m + 1)
    }
    try budget.allocate(count: count, size: 8, at: range)
    let values = (start..<(start + count)).map { position in
      var total = 0.0
      for j in 0..<m where position - j >= 0 && position - j < n {
        total += a.value(at: position - j) * v.value(at: j)
      }
      return total
    }
    return .array(
      NDArray(
        dtype: dtype, shape: [count],
        storage: try NumPyIntegers.fit(dtype, .double(values), range: range)))
  }

  /// `scipy.signal.convolve2d(in1, in2, mode='full', boundary='fill', fillvalue=0)`.
  static func convolve2d(
    positional: [Value], keywords: [(String, Value)], site: CallSite, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = NumPyFunctions.Arguments(
      positional: positional, keywords: keywords, site: site, function: "convolve2d",
      path: convolve2dPath)
    try arguments.check(allowed: ["in1", "in2", "mode", "boundary", "fillvalue"])
    if let boundary = arguments.value(3, "boundary"), PythonText.str(boundary) != "fill" {
      throw .unsupported(
        "ConvBook does not support `\(convolve2dPath)` with boundary=\(PythonText.repr(boundary)) yet",
        at: range)
    }
    if let fill = arguments.value(4, "fillvalue") {
      switch NumPyScalar.number(fill) {
      case .int(0), .float(0): break
      default:
        throw .unsupported(
          "ConvBook does not support `\(convolve2dPath)` with a fillvalue other than 0 yet",
          at: range)
      }
    }
    var in1 = try arguments.array(0, "in1", budget: budget)
    var in2 = try arguments.array(1, "in2", budget: budget)
    guard in1.rank == 2, in2.rank == 2 else {
      throw CellError(
        type: "ValueError", message: "convolve2d inputs must both be 2-D arrays", range: range)
    }
    let modeValue = arguments.value(2, "mode")
    let mode = try self.mode(modeValue, numbers: false, range: range) { _ in
      "Acceptable mode flags are 'valid', 'same', or 'full'."
    }
    if mode == .valid {
      let larger = zip(in1.shape, in2.shape).allSatisfy { $0 >= $1 }
      let smaller = zip(in1.shape, in2.shape).allSatisfy { $0 <= $1 }
      guard larger || smaller else {
        throw CellError(
          type: "ValueError",
          message:
            "For 'valid' mode, one must be at least as large as the other in every dimension",
          range: range)
      }
      if !larger { swap(&in1, &in2) }
    }
    let dtype = try resultType(in1, in2, path: convolve2dPath, range: range)
    let (rows, columns) = (in1.shape[0], in1.shape[1])
    let (kernelRows, kernelColumns) = (in2.shape[0], in2.shape[1])
    var shape: [Int]
    var origin: (Int, Int)
    switch mode {
    case .full:
      shape = [rows + kernelRows - 1, columns + kernelColumns - 1]
      origin = (0, 0)
    case .same:
      shape = [rows, columns]
      origin = ((kernelRows - 1) / 2, (kernelColumns - 1) / 2)
    case .valid:
      shape = [rows - kernelRows + 1, columns - kernelColumns + 1]
      origin = (kernelRows - 1, kernelColumns - 1)
    }
    if in1.count == 0 || in2.count == 0 { shape = shape.map { max($0, 0) } }
    let count = shape[0] * shape[1]
    try budget.allocate(count: count, size: 8, at: range)
    var values = [Double](repeating: 0, count: count)
    for row in 0..<shape[0] {
      for column in 0..<shape[1] {
        let (r, c) = (row + origin.0, column + origin.1)
        var total = 0.0
        for i in 0..<kernelRows where r - i >= 0 && r - i < rows {
          for j in 0..<kernelColumns where c - j >= 0 && c - j < columns {
            total += in1.value(at: (r - i) * columns + c - j) * in2.value(at: i * kernelColumns + j)
          }
        }
        values[row * shape[1] + column] = total
      }
    }
    return .array(
      NDArray(
        dtype: dtype, shape: shape,
        storage: try NumPyIntegers.fit(dtype, .double(values), range: range)))
  }

  private enum Mode { case full, same, valid }

  /// `mode=` as a name or (`numbers`: NumPy's) number, 0 valid, 1 same, 2 full; anything else
  /// is the function's ValueError.
  private static func mode(
    _ given: Value?, numbers: Bool, range: SourceRange, message: (String) -> String
  ) throws(CellError) -> Mode {
    guard let given else { return .full }
    switch (NumPyScalar.integer(given), numbers) {
    case (.string("full"), _), (.int(2), true): return .full
    case (.string("same"), _), (.int(1), true): return .same
    case (.string("valid"), _), (.int(0), true): return .valid
    default:
      throw CellError(type: "ValueError", message: message(PythonText.repr(given)), range: range)
    }
  }

  /// int64 for integer inputs, float64 when either is a float (wider integers and booleans of
  /// other sizes wrap or stay booleans in NumPy: ConvBook's limitation).
  private static func resultType(
    _ a: NDArray, _ b: NDArray, path: String, range: SourceRange
  ) throws(CellError) -> NDArray.DType {
    switch (a.dtype, b.dtype) {
    case (.int64, .int64): return .int64
    case (.float64, .float64), (.float64, .int64), (.int64, .float64): return .float64
    default:
      throw .unsupported(
        "ConvBook does not support `\(path)` of \(a.dtype.rawValue) and \(b.dtype.rawValue) arrays yet",
        at: range)
    }
  }
}
