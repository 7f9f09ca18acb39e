import CNNEngine

/// A NumPy scalar (`np.float32(0.1)`, `np.int64(3)`): a zero-dimensional value with a dtype. It
/// prints as NumPy 2 prints it (`str`: `0.1`, the shortest digits of its own precision; `repr`:
/// `np.float32(0.1)`), computes with NumPy's promotion (through `ArrayOperations`; a scalar is no
/// weak Python number) and gives results of its kind; `item()` is the Python number, and anywhere
/// Python takes a number (`int()`, `float()`, format specs, Keras arguments, an index) it is that
/// number. Array reductions still give Python numbers (`ArrayOperations.scalar`).
final class NumPyScalar: StandardObject {
  let array: NDArray

  init(_ array: NDArray) { self.array = array }

  var dtype: NDArray.DType { array.dtype }
  /// The Python number it stands for (`item()`).
  var pythonValue: Value { ArrayOperations.scalar(array, at: 0) }

  override var typeName: String { dtype == .bool ? "bool" : dtype.rawValue }
  var truthValue: Bool { array.value(at: 0) != 0 }

  override func str(_ item: (Value) -> String) -> String {
    switch dtype {
    case .float32: return Self.float32Text(Float(array.value(at: 0)))
    default: return PythonText.str(pythonValue)
    }
  }

  /// NumPy's text of a float32 scalar: the shortest digits that round-trip in float32, written
  /// positionally from 1e-4 up to (not including) 1e6 and in scientific notation outside that
  /// (`1.25e+06`, `1e-05`), as NumPy 2.4 prints them (measured).
  static func float32Text(_ value: Float) -> String {
    let magnitude = value.magnitude
    if value.isNaN || value.isInfinite || magnitude == 0
      || (Double(magnitude) >= 1e-4 && magnitude < 1e6)
    {
      return PythonFormat.float32(value)
    }
    // The shortest float32 digits, |x| = 0.d1d2... x 10^position: d1.d2... x 10^(position - 1).
    let (digits, position) = NumPyArrayText.Formatter.shortestDigits(
      Double(magnitude), float32: true)
    let exponent = position - 1
    let head = String(digits[0]) + (digits.count > 1 ? "." + String(digits[1...]) : "")
    let sign = exponent < 0 ? "-" : "+"
    let power = String(abs(exponent))
    return (value < 0 ? "-" : "") + head + "e" + sign
      + (power.count < 2 ? "0" + power : power)
  }

  override func repr(_ item: (Value) -> String) -> String {
    if dtype == .bool { return truthValue ? "np.True_" : "np.False_" }
    return "np.\(dtype.rawValue)(\(str(item)))"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "item", "tolist", "round", "astype":
      return .method(receiver: .standard(self), name: name)
    case "shape": return .tuple([])
    case "ndim": return .int(0)
    case "dtype": return .standard(NumPyDType(dtype))
    case "size": return .int(1)
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    if name == "round" {
      return try round(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    if name == "astype" {
      // NumPy's scalar `astype` converts as the array's does and gives a scalar of the new dtype
      // (`(score >= 0.5).astype(float)` is `np.float64(1.0)`).
      let converted = try NumPyFunctions.method(
        name, of: array, positional: positional, keywords: keywords, site: site,
        budget: interpreter.budget)
      if case .array(let result) = converted { return .standard(NumPyScalar(result)) }
      return converted
    }
    guard name == "item" || name == "tolist" else { return nil }
    guard positional.isEmpty, keywords.isEmpty else {
      throw CellError(
        type: "TypeError", message: "\(name)() takes no arguments", range: site.range)
    }
    return pythonValue
  }

  /// `x.round(decimals=0)`: NumPy rounds the scalar as `np.round` rounds an array (in its own
  /// dtype, half to even) and gives a scalar of the same dtype (`points.mean().round(4)`).
  private func round(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    var decimals: Value = .int(0)
    if positional.count > 1 {
      throw CellError(
        type: "TypeError",
        message: "round() takes at most 1 positional argument (\(positional.count) given)",
        range: site.range)
    }
    if let first = positional.first { decimals = first }
    for (keyword, value) in keywords {
      guard keyword == "decimals", positional.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: keyword == "decimals"
            ? "argument for round() given by name ('decimals') and position (1)"
            : "round() got an unexpected keyword argument '\(keyword)'",
          range: site.range)
      }
      decimals = value
    }
    guard case .int(let digits) = Self.integer(decimals) else {
      throw CellError(
        type: "TypeError",
        message: "'\(decimals.typeName)' object cannot be interpreted as an integer",
        range: site.range)
    }
    let rounded = try NumPyFunctions.round(
      array, decimals: digits, range: site.range, budget: interpreter.budget)
    return ArrayOperations.element(rounded, at: 0)
  }

  /// A value as Python reads an index from it (`__index__`): an integer NumPy scalar is its
  /// Python int; anything else (a float scalar too) unchanged.
  static func integer(_ value: Value) -> Value {
    if case .standard(let scalar as NumPyScalar) = value, scalar.dtype.isInteger {
      return scalar.pythonValue
    }
    return value
  }

  /// A value as Python reads a number from it: a NumPy scalar is its Python number (its
  /// `__index__` / `__float__`); anything else unchanged.
  static func number(_ value: Value) -> Value {
    if case .standard(let scalar as NumPyScalar) = value { return scalar.pythonValue }
    return value
  }
}
