import CNNEngine

/// The TensorFlow dtypes ConvBook's eager tensors hold, and the NumPy storage each is kept in: an
/// `NDArray` whose `tensorFlowDType` is the TensorFlow name. Whole numbers are kept exactly up to
/// 2^53 in size (`NDArray`'s storage); a value beyond that is refused where it would arise.
enum EagerDType: String, CaseIterable {
  case float32, float64, int32, int64, uint8, bool

  var storage: NDArray.DType {
    switch self {
    case .float32: return .float32
    case .float64: return .float64
    case .int32, .int64: return .int64
    case .uint8: return .uint8
    case .bool: return .bool
    }
  }

  var isFloat: Bool { self == .float32 || self == .float64 }
  var isInteger: Bool { self == .int32 || self == .int64 || self == .uint8 }

  /// TensorFlow's kernel word for the dtype in "expected to be a float tensor".
  var kernelName: String {
    switch self {
    case .float32: return "float"
    case .float64: return "double"
    default: return rawValue
    }
  }

  /// The dtype of an eager tensor, or the one TensorFlow converts a NumPy array of `array`'s dtype to.
  init(of array: NDArray) {
    if let name = array.tensorFlowDType, let dtype = EagerDType(rawValue: name) {
      self = dtype
      return
    }
    switch array.dtype {
    case .bool: self = .bool
    case .uint8: self = .uint8
    case .int32: self = .int32
    case .int64: self = .int64
    case .float32: self = .float32
    case .float64: self = .float64
    }
  }

  /// A `dtype=` argument: `tf.int32`, `"int32"`, `np.float32`.
  init?(requested value: Value) {
    var name = TensorFlowDType.requestedName(value)
    if name == nil, case .function(let callable) = value {
      name = callable.path.split(separator: ".").last.map(String.init)
    }
    guard let name, let dtype = EagerDType(rawValue: name) else { return nil }
    self = dtype
  }
}

extension EagerTensors {
  /// An eager tensor of `dtype` holding `values` (row-major), rounded as the dtype stores them:
  /// float32 to the nearest float, whole numbers truncated and kept exactly (int32 wrapped around
  /// as TensorFlow's kernels wrap it; a whole number beyond 2^53 in size, which double-precision
  /// storage cannot hold exactly, is refused), uint8 wrapped, bool as nonzero.
  static func make(
    _ dtype: EagerDType, shape: [Int], values: [Double], range: SourceRange
  ) throws(CellError) -> NDArray {
    var stored = values
    switch dtype {
    case .int32, .int64:
      for value in values where !value.isFinite || value.magnitude > NumPyIntegers.exactLimit {
        throw .unsupported(
          "ConvBook holds whole numbers of eager tensors exactly up to 2**53 in size; this \(dtype.rawValue) value is \(value.isFinite ? PythonFormat.float(value) : "not finite")",
          at: range)
      }
      stored = values.map { $0.rounded(.towardZero) }
      if dtype == .int32 { stored = stored.map { NumPyIntegers.wrapped($0, .int32) } }
    case .uint8:
      stored = values.map { value in
        guard value.isFinite else { return 0 }
        let whole = value.rounded(.towardZero).truncatingRemainder(dividingBy: 256)
        return whole < 0 ? whole + 256 : whole
      }
    case .bool: stored = values.map { $0 != 0 ? 1 : 0 }
    case .float32, .float64: break
    }
    var array =
      dtype == .float64 || dtype == .int32 || dtype == .int64
      ? NDArray(dtype: dtype.storage, shape: shape, doubles: stored)
      : NDArray(dtype: dtype.storage, shape: shape, scalars: stored.map { Float($0) })
    array.tensorFlowDType = dtype.rawValue
    return array
  }

  /// The values of an array, exactly.
  static func doubles(_ array: NDArray) -> [Double] { array.storage.doubles }

  /// The eager tensor a value stands for: an eager tensor, a `tf.Variable` (its value) or a slice
  /// of one; nil for anything else.
  static func operand(_ value: Value) -> NDArray? {
    switch value {
    case .array(let array) where array.tensorFlowDType != nil: return array
    case .standard(let object as EagerVariable): return object.array
    case .standard(let object as EagerVariableSlice): return object.array
    default: return nil
    }
  }

  /// TensorShape's str: `(1, 4)`, `(5,)`, `()`.
  static func shapeText(_ shape: [Int]) -> String {
    shape.count == 1
      ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }

  /// The NumPy text of an eager tensor's values as TensorFlow shows it: NumPy's str (or repr) of
  /// the array, and of a scalar the Python number's repr (`numpy=0.3333333432674408`).
  static func numpyText(_ array: NDArray, repr: Bool) -> String {
    let dtype = EagerDType(of: array)
    var plain = array
    plain.tensorFlowDType = nil
    if array.rank == 0 {
      let value = array.value(at: 0)
      switch dtype {
      case .bool: return value != 0 ? "True" : "False"
      case .float32:
        return repr ? PythonFormat.float(Double(Float(value))) : PythonFormat.float32(Float(value))
      case .float64: return PythonFormat.float(value)
      default: return String(Int(value))
      }
    }
    return NumPyArrayText.text(plain, repr: repr, dtypeName: dtype == .int32 ? "int32" : nil)
  }

  /// A Python value converted to an eager tensor as `tf.constant` / `tf.convert_to_tensor` do:
  /// Python ints become int32 (int64 beyond int32's range), floats float32, bools bool; NumPy
  /// arrays keep their dtype; nested lists must be rectangular. With `dtype`, whole numbers
  /// convert to any dtype, fractions only to floating-point ones (TensorFlow's TypeError).
  /// `asOperand`: the other operand of an operator, which TensorFlow converts with the tensor's
  /// dtype as a hint (so a number beyond float32 becomes inf instead of failing).
  static func convert(
    _ value: Value, dtype requested: EagerDType?, function: String, range: SourceRange,
    asOperand: Bool = false
  ) throws(CellError) -> NDArray {
    if let array = operand(value) {
      guard let requested, requested != EagerDType(of: array) else { return array }
      if case .array = value, array.tensorFlowDType != nil {
        throw CellError(
          type: "ValueError",
          message:
            "Tensor conversion requested dtype \(requested.rawValue) for Tensor with dtype \(EagerDType(of: array).rawValue): \(PythonText.repr(.array(array)))",
          range: range)
      }
      return try make(requested, shape: array.shape, values: doubles(array), range: range)
    }
    if case .array(let array) = value {
      let dtype = requested ?? EagerDType(of: array)
      return try make(dtype, shape: array.shape, values: doubles(array), range: range)
    }
    if case .standard(let scalar as NumPyScalar) = value {
      let dtype = requested ?? EagerDType(of: scalar.array)
      return try make(dtype, shape: [], values: doubles(scalar.array), range: range)
    }
    // Python scalars and (nested) lists and tuples.
    var shape: [Int]?
    var leaves: [Value] = []
    // A NumPy array inside the list counts as its nested rows of elements, as TensorFlow packs
    // it: integer elements as the Python ints they equal, floating ones as NumPy scalars (the
    // first leaf's np.float64 makes the tensor float64 below).
    var firstFloat64 = false
    // TensorFlow packs a list holding eager tensors in the first one's dtype (the other items
    // are converted to it: `tf.reduce_mean([float64_tensor, ...])` is float64).
    var tensorDType: EagerDType?
    func walk(_ item: Value, depth: Int, sizes: inout [Int]) throws(CellError) {
      if depth > 0, let tensor = operand(item) {
        let dtype = EagerDType(of: tensor)
        if let tensorDType, tensorDType != dtype {
          throw .unsupported(
            "ConvBook does not support `\(function)` of a list of \(tensorDType.rawValue) and \(dtype.rawValue) tensors yet",
            at: range)
        }
        tensorDType = dtype
      }
      // A row where an earlier item at the same depth was a number (`[1, [1, 2]]`).
      func mixed() -> CellError {
        CellError(
          type: "ValueError", message: "Can't convert Python sequence with mixed types to Tensor.",
          range: range)
      }
      if case .array(let array) = item, array.tensorFlowDType == nil, array.rank > 0 {
        if depth == sizes.count, !leaves.isEmpty { throw mixed() }
        for (axis, size) in array.shape.enumerated() {
          if depth + axis == sizes.count { sizes.append(size) }
          guard depth + axis < sizes.count, sizes[depth + axis] == size else {
            throw CellError(
              type: "ValueError",
              message: "Can't convert non-rectangular Python sequence to Tensor.",
              range: range)
          }
        }
        guard depth + array.rank == sizes.count else {
          throw CellError(
            type: "ValueError", message: "Can't convert non-rectangular Python sequence to Tensor.",
            range: range)
        }
        if leaves.isEmpty, array.count > 0 { firstFloat64 = array.dtype == .float64 }
        for offset in 0..<array.count { leaves.append(ArrayOperations.scalar(array, at: offset)) }
        return
      }
      var nested = item.sequenceItems
      if let tensor = operand(item), tensor.rank > 0 { nested = try rows(tensor, range: range) }
      if let items = nested, !isScalarLike(item) {
        if depth == sizes.count, !leaves.isEmpty { throw mixed() }
        if depth == sizes.count { sizes.append(items.count) }
        guard depth < sizes.count, sizes[depth] == items.count else {
          throw CellError(
            type: "ValueError", message: "Can't convert non-rectangular Python sequence to Tensor.",
            range: range)
        }
        for inner in items { try walk(inner, depth: depth + 1, sizes: &sizes) }
        return
      }
      guard depth == sizes.count || sizes.isEmpty && depth == 0 else {
        throw CellError(
          type: "ValueError", message: "Can't convert non-rectangular Python sequence to Tensor.",
          range: range)
      }
      leaves.append(item)
    }
    var sizes: [Int] = []
    try walk(value, depth: 0, sizes: &sizes)
    // A scalar beside a deeper row (`[1, [1, 2]]`) leaves fewer leaves than the shape holds.
    let count = try? sizes.reduce(1) { (total, size) throws(Exact.Overflow) in
      try Exact.multiply(total, size)
    }
    guard leaves.count == count else {
      throw CellError(
        type: "ValueError", message: "Can't convert non-rectangular Python sequence to Tensor.",
        range: range)
    }
    shape = sizes
    var values: [Double] = []
    var sawFloat = false
    var sawInt = false
    var sawBool = false
    var large = false
    // TensorFlow's conversion takes a list's dtype from its first item when that is an
    // np.float64 (`[np.float64(1), 2.0]` is float64, `[2.0, np.float64(1)]` float32); other
    // NumPy scalars count as the Python numbers they equal.
    var firstIsFloat64 = firstFloat64
    switch leaves.first {
    case .standard(let scalar as NumPyScalar)?: firstIsFloat64 = scalar.dtype == .float64
    default: break
    }
    for leaf in leaves {
      var number = NumPyScalar.number(leaf)
      if let tensor = operand(leaf), tensor.rank == 0 { number = scalarValue(tensor) }
      switch number {
      case .bool(let flag):
        sawBool = true
        values.append(flag ? 1 : 0)
      case .int(let number):
        sawInt = true
        if number.magnitude > Int(Int32.max) { large = true }
        values.append(Double(number))
      case .float(let number):
        sawFloat = true
        values.append(number)
      case .string, .none, .standard(is PythonBytes):
        let what = leaf.isNone ? "None" : (leaf.typeName == "bytes" ? "bytes" : "strings")
        throw .unsupported(
          "ConvBook does not support `\(function)` of \(what) yet (its eager tensors hold numbers)",
          at: range)
      default:
        if let refusal = WeightValues.variableOperandRefusal([leaf], "`\(function)`", range: range)
        {
          throw refusal
        }
        throw CellError(
          type: "ValueError",
          message:
            "Attempt to convert a value (\(PythonText.repr(leaf))) with an unsupported type (<class '\(leaf.typeName)'>) to a Tensor.",
          range: range)
      }
    }
    if sawBool && (sawInt || sawFloat) {
      throw .unsupported(
        "ConvBook does not support `\(function)` of a list mixing booleans and numbers yet",
        at: range)
    }
    let inferred: EagerDType =
      tensorDType
      ?? (firstIsFloat64
        ? .float64
        : sawFloat ? .float32 : sawInt ? (large ? .int64 : .int32) : sawBool ? .bool : .float32)
    // Packing Python numbers into the float32 it inferred, TensorFlow refuses a finite number
    // that float32 cannot hold (`tf.constant([1e39])`); with a dtype given (`dtype=tf.float32`,
    // the other operand of `x * 1e39`) the number becomes inf.
    if requested == nil, !asOperand, tensorDType == nil, inferred == .float32,
      values.contains(where: { $0.isFinite && !Float($0).isFinite })
    {
      throw CellError(
        type: "ValueError",
        message:
          "Can't convert Python sequence with a value out of range for a double-precision float.",
        range: range)
    }
    let dtype = requested ?? inferred
    if sawFloat, dtype.isInteger || dtype == .bool {
      throw CellError(
        type: "TypeError",
        message:
          "Cannot convert \(PythonText.repr(value)) to EagerTensor of dtype \(dtype.rawValue)",
        range: range)
    }
    return try make(dtype, shape: shape ?? [], values: values, range: range)
  }

  private static func isScalarLike(_ value: Value) -> Bool {
    if case .string = value { return true }
    return false
  }

  /// A 0-d tensor's value as a Python number.
  static func scalarValue(_ array: NDArray) -> Value {
    let value = array.value(at: 0)
    switch EagerDType(of: array) {
    case .bool: return .bool(value != 0)
    case .float32, .float64: return .float(value)
    default: return .int(Int(value))
    }
  }

  /// An eager tensor's rows (`for row in t`, `list(t)`, unpacking): tensors of one axis fewer.
  static func rows(_ array: NDArray, range: SourceRange) throws(CellError) -> [Value] {
    guard let count = array.shape.first else {
      throw CellError(
        type: "TypeError", message: "Cannot iterate over a scalar tensor.", range: range)
    }
    let size = count == 0 ? 0 : array.count / count
    let values = doubles(array)
    let dtype = EagerDType(of: array)
    var rows: [Value] = []
    for row in 0..<count {
      rows.append(
        .array(
          try make(
            dtype, shape: Array(array.shape.dropFirst()),
            values: Array(values[(row * size)..<((row + 1) * size)]), range: range)))
    }
    return rows
  }
}

extension EagerTensors {
  /// `int(t)`, `float(t)`, `bool(t)`, `abs(t)` and `len(t)` of an eager tensor, as TensorFlow
  /// answers them.
  static func builtin(_ name: String, _ array: NDArray, range: SourceRange) throws(CellError)
    -> Value
  {
    switch name {
    case "len":
      guard let first = array.shape.first else {
        throw CellError(type: "TypeError", message: "Scalar tensor has no `len()`", range: range)
      }
      return .int(first)
    case "abs":
      return .array(try EagerMath.unary("Abs", array, range: range))
    default:
      guard array.count == 1 else {
        if name == "bool" {
          throw CellError(
            type: "ValueError",
            message:
              "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
            range: range)
        }
        throw CellError(
          type: "TypeError",
          message: "only 0-dimensional arrays can be converted to Python scalars",
          range: range)
      }
      let value = array.value(at: 0)
      switch name {
      case "bool": return .bool(value != 0)
      case "float": return .float(value)
      default:
        guard value.isFinite else {
          throw CellError(
            type: value.isNaN ? "ValueError" : "OverflowError",
            message: value.isNaN
              ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer",
            range: range)
        }
        guard value.magnitude < 9.2e18 else {
          throw .unsupported(
            "ConvBook converts eager values of less than 2^63 in size to int", at: range)
        }
        return .int(Int(value.rounded(.towardZero)))
      }
    }
  }
}
