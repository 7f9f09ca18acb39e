import CNNEngine
import Foundation

/// NumPy arrays in cells: what tutorial code does to data between loading it and training on it
/// (`x[..., None]`, `x[:1000]`, `x / 255.0`, `.astype("float32")`, `.reshape`, `np.argmax`,
/// `np.expand_dims`, `keras.utils.to_categorical`, `.shape`), with NumPy's dtype rules. Integer
/// results that NumPy would wrap around (`uint8` overflow) are refused instead.
enum ArrayOperations {
  typealias DType = NDArray.DType

  // MARK: Making arrays

  /// Charges the budget for an array of `count` values, then returns it.
  static func make(
    _ dtype: DType, _ shape: [Int], _ scalars: [Float], range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    try budget.allocate(count: scalars.count, size: 4, at: range)
    return .array(NDArray(dtype: dtype, shape: shape, scalars: scalars))
  }

  /// `np.array(value, dtype=...)`: an array from nested lists or tuples of numbers, or a copy.
  static func array(
    from value: Value, dtype requested: DType?, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    if case .array(var array) = value {
      if let requested { array = try convert(array, to: requested, range: range) }
      try budget.allocate(count: array.count, size: 4, at: range)
      return array
    }
    var shape: [Int] = []
    var probe = value
    while true {
      switch probe {
      case .list, .tuple:
        let items = probe.sequenceItems ?? []
        shape.append(items.count)
        guard let first = items.first else { break }
        probe = first
        continue
      default: break
      }
      break
    }
    var scalars: [Float] = []
    var dtype = DType.bool
    func walk(_ item: Value, depth: Int) throws(CellError) {
      if depth < shape.count {
        guard let items = item.sequenceItems, items.count == shape[depth] else {
          throw CellError(
            type: "ValueError",
            message:
              "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions.",
            range: range)
        }
        for inner in items { try walk(inner, depth: depth + 1) }
        return
      }
      switch item {
      case .bool(let flag): scalars.append(flag ? 1 : 0)
      case .int(let number):
        if dtype == .bool || dtype == .uint8 { dtype = .int64 }
        scalars.append(try integerScalar(number, range: range))
      case .float(let number):
        dtype = .float64
        scalars.append(Float(number))
      case .array(let inner) where inner.rank == 0:
        dtype = promote(dtype, inner.dtype)
        scalars.append(inner.scalars[0])
      default:
        throw .unsupported(
          "ConvBook arrays hold numbers only, not values of type '\(item.typeName)'", at: range)
      }
      try budget.tick(at: range)
    }
    try walk(value, depth: 0)
    var array = NDArray(dtype: dtype, shape: shape, scalars: scalars)
    if shape.contains(0) { array.dtype = .float64 }
    if let requested { array = try convert(array, to: requested, range: range) }
    try budget.allocate(count: array.count, size: 4, at: range)
    return array
  }

  static func integerScalar(_ number: Int, range: SourceRange) throws(CellError) -> Float {
    guard abs(number) <= 16_777_216 else {
      throw .unsupported(
        "ConvBook arrays hold integers up to 2**24 exactly; \(number) is larger", at: range)
    }
    return Float(number)
  }

  /// A dtype argument: `"float32"`, `np.float32`, `float`, `int`, `bool`.
  static func dtype(_ value: Value, range: SourceRange) throws(CellError) -> DType {
    var name: String?
    switch value {
    case .string(let text): name = text
    case .function(let callable):
      if case .builtin(let builtin) = callable.kind {
        name = builtin.hasPrefix("numpy.") ? String(builtin.dropFirst(6)) : builtin
      }
    default: break
    }
    guard let name, let dtype = DType(name: name) else {
      throw .unsupported(
        "ConvBook arrays have the dtypes bool, uint8, int64, float32 and float64; \(PythonText.repr(value)) is not one of them",
        at: range)
    }
    return dtype
  }

  /// `astype`: floats to integers truncate toward zero as NumPy does; values an integer dtype
  /// cannot hold are refused (NumPy would wrap them).
  static func convert(_ array: NDArray, to dtype: DType, range: SourceRange) throws(CellError)
    -> NDArray
  {
    var result = array
    result.dtype = dtype
    switch dtype {
    case .bool:
      result.scalars = array.scalars.map { $0 != 0 ? 1 : 0 }
    case .uint8, .int64:
      result.scalars = array.scalars.map { $0.rounded(.towardZero) }
      try checkRange(result, range: range)
    case .float32, .float64: break
    }
    return result
  }

  private static func checkRange(_ array: NDArray, range: SourceRange) throws(CellError) {
    guard let bounds = array.dtype.bounds else { return }
    for value in array.scalars where !bounds.contains(value) || value.isNaN {
      throw .unsupported(
        "the value \(PythonFormat.float(Double(value))) does not fit \(array.dtype.rawValue) (NumPy would wrap it around); convert with .astype(\"float32\") first",
        at: range)
    }
  }

  /// NumPy's type promotion for two arrays.
  static func promote(_ a: DType, _ b: DType) -> DType {
    let order: [DType] = [.bool, .uint8, .int64, .float32, .float64]
    if (a == .int64 && b == .float32) || (a == .float32 && b == .int64) { return .float64 }
    return order[max(order.firstIndex(of: a)!, order.firstIndex(of: b)!)]
  }

  /// A Python number as a zero-dimensional operand, with NumPy 2's weak scalar promotion: a
  /// Python int keeps the array's dtype, a Python float keeps a float array's.
  private static func operand(_ value: Value) -> (NDArray, weak: Bool)? {
    switch value {
    case .array(let array): return (array, false)
    case .bool(let flag): return (NDArray(dtype: .bool, shape: [], scalars: [flag ? 1 : 0]), true)
    case .int(let number) where abs(number) <= 16_777_216:
      return (NDArray(dtype: .int64, shape: [], scalars: [Float(number)]), true)
    case .float(let number):
      return (NDArray(dtype: .float64, shape: [], scalars: [Float(number)]), true)
    default: return nil
    }
  }

  static func involvesArray(_ values: Value...) -> Bool {
    values.contains { if case .array = $0 { return true } else { return false } }
  }

  // MARK: Arithmetic

  /// `a + b`, `a - b`, `a * b`, `a / b`, `a // b`, `a ** b` with broadcasting.
  static func binary(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    guard let (a, aWeak) = operand(left), let (b, bWeak) = operand(right) else {
      throw CellError(
        type: "TypeError",
        message:
          "unsupported operand type(s) for \(operation.symbol): '\(left.typeName)' and '\(right.typeName)'",
        range: range)
    }
    // Python scalars: an int keeps the array's dtype, a float makes integer arrays float64.
    var dtype: DType
    if aWeak && !bWeak {
      dtype =
        a.dtype.isFloat && !b.dtype.isFloat ? .float64 : (a.dtype == .bool ? b.dtype : b.dtype)
      if a.dtype == .int64 && b.dtype == .bool { dtype = .int64 }
    } else if bWeak && !aWeak {
      dtype = b.dtype.isFloat && !a.dtype.isFloat ? .float64 : a.dtype
      if b.dtype == .int64 && a.dtype == .bool { dtype = .int64 }
    } else {
      dtype = promote(a.dtype, b.dtype)
    }
    let function: (Double, Double) -> Double
    switch operation {
    case .add: function = { $0 + $1 }
    case .subtract: function = { $0 - $1 }
    case .multiply: function = { $0 * $1 }
    case .divide:
      if !dtype.isFloat { dtype = .float64 }
      function = { $0 / $1 }
    case .floorDivide: function = { ($0 / $1).rounded(.down) }
    case .power: function = { pow($0, $1) }
    default:
      throw .unsupported(
        "the operator \(operation.symbol) on arrays is not supported in ConvBook cells yet; use +, -, *, /, // or **",
        at: range)
    }
    if dtype == .bool, operation != .multiply {
      dtype = .int64
    }
    if dtype.isInteger, operation == .floorDivide,
      b.scalars.contains(0)
    {
      throw .unsupported(
        "integer division by zero in an array (NumPy warns and gives 0); ConvBook refuses it",
        at: range)
    }
    let result = try broadcast(a, b, range: range) { x, y in
      let value = function(Double(x), Double(y))
      return Float(value)
    }
    var array = NDArray(dtype: dtype, shape: result.shape, scalars: result.scalars)
    if dtype == .bool { array.scalars = array.scalars.map { $0 != 0 ? 1 : 0 } }
    try checkRange(array, range: range)
    try budget.allocate(count: array.count, size: 4, at: range)
    if array.rank == 0 { return scalar(array, at: 0) }
    return .array(array)
  }

  /// `a == b`, `a < b`, ... element by element: a bool array.
  static func compare(
    _ operation: ComparisonOperator, _ left: Value, _ right: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    guard let (a, _) = operand(left), let (b, _) = operand(right) else {
      throw CellError(
        type: "TypeError",
        message:
          "'\(operation.symbol)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'",
        range: range)
    }
    let test: (Float, Float) -> Bool
    switch operation {
    case .equal: test = { $0 == $1 }
    case .notEqual: test = { $0 != $1 }
    case .less: test = { $0 < $1 }
    case .lessOrEqual: test = { $0 <= $1 }
    case .greater: test = { $0 > $1 }
    case .greaterOrEqual: test = { $0 >= $1 }
    default:
      throw .unsupported(
        "`\(operation.symbol)` with arrays is not supported in ConvBook cells", at: range)
    }
    let result = try broadcast(a, b, range: range) { test($0, $1) ? 1 : 0 }
    try budget.allocate(count: result.count, size: 4, at: range)
    let array = NDArray(dtype: .bool, shape: result.shape, scalars: result.scalars)
    if array.rank == 0 { return scalar(array, at: 0) }
    return .array(array)
  }

  static func negate(_ array: NDArray, range: SourceRange, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    var result = array
    if result.dtype == .bool {
      throw CellError(
        type: "TypeError",
        message:
          "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        range: range)
    }
    result.scalars = array.scalars.map { -$0 }
    try checkRange(result, range: range)
    try budget.allocate(count: result.count, size: 4, at: range)
    return .array(result)
  }

  /// Applies `function` over the broadcast shapes of `a` and `b`, NumPy's rules.
  private static func broadcast(
    _ a: NDArray, _ b: NDArray, range: SourceRange, _ function: (Float, Float) -> Float
  ) throws(CellError) -> NDArray {
    if a.shape == b.shape {
      var values = [Float](repeating: 0, count: a.count)
      for i in values.indices { values[i] = function(a.scalars[i], b.scalars[i]) }
      return NDArray(dtype: .float32, shape: a.shape, scalars: values)
    }
    if b.count == 1 && b.rank <= a.rank {
      let y = b.scalars[0]
      return NDArray(dtype: .float32, shape: a.shape, scalars: a.scalars.map { function($0, y) })
    }
    if a.count == 1 && a.rank <= b.rank {
      let x = a.scalars[0]
      return NDArray(dtype: .float32, shape: b.shape, scalars: b.scalars.map { function(x, $0) })
    }
    let rank = max(a.rank, b.rank)
    let aShape = [Int](repeating: 1, count: rank - a.rank) + a.shape
    let bShape = [Int](repeating: 1, count: rank - b.rank) + b.shape
    var shape: [Int] = []
    for axis in 0..<rank {
      let (x, y) = (aShape[axis], bShape[axis])
      guard x == y || x == 1 || y == 1 else {
        throw CellError(
          type: "ValueError",
          message:
            "operands could not be broadcast together with shapes \(shapeText(a.shape)) \(shapeText(b.shape)) ",
          range: range)
      }
      shape.append(max(x, y))
    }
    let aStrides = NDArray(dtype: a.dtype, shape: aShape, scalars: []).strides.enumerated().map {
      aShape[$0.offset] == 1 ? 0 : $0.element
    }
    let bStrides = NDArray(dtype: b.dtype, shape: bShape, scalars: []).strides.enumerated().map {
      bShape[$0.offset] == 1 ? 0 : $0.element
    }
    let count = shape.reduce(1, *)
    var values = [Float](repeating: 0, count: count)
    var index = [Int](repeating: 0, count: rank)
    var aOffset = 0
    var bOffset = 0
    for i in 0..<count {
      values[i] = function(a.scalars[aOffset], b.scalars[bOffset])
      var axis = rank - 1
      while axis >= 0 {
        index[axis] += 1
        aOffset += aStrides[axis]
        bOffset += bStrides[axis]
        if index[axis] < shape[axis] { break }
        aOffset -= aStrides[axis] * shape[axis]
        bOffset -= bStrides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
    return NDArray(dtype: .float32, shape: shape, scalars: values)
  }

  /// NumPy's `(2, 3)` / `(5,)` shape text.
  static func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
  }

  /// One element as the Python value NumPy's scalar behaves like.
  static func scalar(_ array: NDArray, at offset: Int) -> Value {
    let value = array.scalars[offset]
    switch array.dtype {
    case .bool: return .bool(value != 0)
    case .uint8, .int64: return .int(Int(value))
    case .float32, .float64: return .float(Double(value))
    }
  }

  // MARK: Indexing

  private enum IndexItem {
    case integer(Int)
    case slice(Int?, Int?, Int?)
    case newAxis
    case ellipsis
  }

  /// `x[:1000]`, `x[..., None]`, `x[0]`, `x[:, :, :, np.newaxis]`, `x[2, 3]`, and `x[mask]` /
  /// `x[[3, 1, 2]]` along the first axis.
  static func subscriptValue(
    _ array: NDArray, _ index: Value, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let items: [Value]
    if case .tuple(let values) = index { items = values } else { items = [index] }
    if items.count == 1 {
      switch items[0] {
      case .array(let selector):
        return try take(array, selector, range: range, budget: budget)
      case .list:
        let selector = try Self.array(from: items[0], dtype: nil, range: range, budget: budget)
        return try take(array, selector, range: range, budget: budget)
      default: break
      }
    }
    var parsed: [IndexItem] = []
    for item in items {
      switch item {
      case .int(let position): parsed.append(.integer(position))
      case .slice(let start, let stop, let step): parsed.append(.slice(start, stop, step))
      case .none: parsed.append(.newAxis)
      case .ellipsis: parsed.append(.ellipsis)
      case .array(let selector) where selector.rank == 0 && selector.dtype.isInteger:
        parsed.append(.integer(Int(selector.scalars[0])))
      default:
        throw CellError(
          type: "IndexError",
          message:
            "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
          range: range)
      }
    }
    let ellipses = parsed.filter { if case .ellipsis = $0 { return true } else { return false } }
    if ellipses.count > 1 {
      throw CellError(
        type: "IndexError", message: "an index can only have a single ellipsis ('...')",
        range: range)
    }
    let consuming = parsed.filter {
      switch $0 {
      case .integer, .slice: return true
      default: return false
      }
    }.count
    guard consuming <= array.rank else {
      throw CellError(
        type: "IndexError",
        message:
          "too many indices for array: array is \(array.rank)-dimensional, but \(consuming) were indexed",
        range: range)
    }
    var expanded: [IndexItem] = []
    for item in parsed {
      if case .ellipsis = item {
        expanded += Array(repeating: .slice(nil, nil, nil), count: array.rank - consuming)
      } else {
        expanded.append(item)
      }
    }
    if ellipses.isEmpty {
      expanded += Array(repeating: .slice(nil, nil, nil), count: array.rank - consuming)
    }
    // Output dimensions as (size, source stride, start offset); newaxis has stride 0.
    let strides = array.strides
    var base = 0
    var dimensions: [(count: Int, stride: Int)] = []
    var axis = 0
    for item in expanded {
      switch item {
      case .integer(let position):
        guard let resolved = Operators.resolveIndex(position, count: array.shape[axis]) else {
          throw CellError(
            type: "IndexError",
            message:
              "index \(position) is out of bounds for axis \(axis) with size \(array.shape[axis])",
            range: range)
        }
        base += resolved * strides[axis]
        axis += 1
      case .slice(let start, let stop, let step):
        guard step != 0 else {
          throw CellError(type: "ValueError", message: "slice step cannot be zero", range: range)
        }
        let (first, count, by) = resolveSlice(start, stop, step, count: array.shape[axis])
        base += first * strides[axis]
        dimensions.append((count, by * strides[axis]))
        axis += 1
      case .newAxis:
        dimensions.append((1, 0))
      case .ellipsis: break
      }
    }
    let shape = dimensions.map(\.count)
    let count = shape.reduce(1, *)
    try budget.allocate(count: count, size: 4, at: range)
    var values = [Float](repeating: 0, count: count)
    // The trailing dimensions that are whole and contiguous are copied as blocks.
    var block = 1
    var blockDimensions = 0
    for dimension in dimensions.reversed() {
      if dimension.count == 1 {
        blockDimensions += 1
        continue
      }
      guard dimension.stride == block else { break }
      block *= dimension.count
      blockDimensions += 1
    }
    let outer = Array(dimensions.dropLast(blockDimensions))
    var index = [Int](repeating: 0, count: outer.count)
    var offset = base
    var written = 0
    array.scalars.withUnsafeBufferPointer { source in
      values.withUnsafeMutableBufferPointer { target in
        while written < count {
          (target.baseAddress! + written).update(from: source.baseAddress! + offset, count: block)
          written += block
          var axis = outer.count - 1
          while axis >= 0 {
            index[axis] += 1
            offset += outer[axis].stride
            if index[axis] < outer[axis].count { break }
            offset -= outer[axis].stride * outer[axis].count
            index[axis] = 0
            axis -= 1
          }
          if axis < 0 { break }
        }
      }
    }
    let result = NDArray(dtype: array.dtype, shape: shape, scalars: values)
    if shape.isEmpty { return scalar(result, at: 0) }
    return .array(result)
  }

  /// Python's `slice.indices`: first index, count and step.
  static func resolveSlice(_ start: Int?, _ stop: Int?, _ step: Int?, count: Int) -> (
    Int, Int, Int
  ) {
    let step = step ?? 1
    func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
      guard var value else { return defaultValue }
      if value < 0 { value = value < -count ? (step > 0 ? 0 : -1) : value + count }
      return step > 0 ? min(max(value, 0), count) : min(max(value, -1), count - 1)
    }
    if step > 0 {
      let first = clamp(start, 0)
      let end = clamp(stop, count)
      return (first, end > first ? (end - first + step - 1) / step : 0, step)
    }
    let first = clamp(start, count - 1)
    let end = clamp(stop, -1)
    return (first, first > end ? (first - end - step - 1) / -step : 0, step)
  }

  /// `x[indices]` with an integer array, or `x[mask]` with a boolean one, along the first axis.
  private static func take(
    _ array: NDArray, _ selector: NDArray, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    guard array.rank >= 1 else {
      throw CellError(
        type: "IndexError", message: "too many indices for array: array is 0-dimensional",
        range: range)
    }
    var rows: [Int] = []
    if selector.dtype == .bool {
      guard selector.shape == [array.shape[0]] else {
        throw .unsupported(
          "ConvBook selects with boolean masks along the first axis only (a mask of shape (\(array.shape[0]),) here)",
          at: range)
      }
      for (i, flag) in selector.scalars.enumerated() where flag != 0 { rows.append(i) }
    } else if selector.dtype.isInteger && selector.rank == 1 {
      for value in selector.scalars {
        guard let resolved = Operators.resolveIndex(Int(value), count: array.shape[0]) else {
          throw CellError(
            type: "IndexError",
            message: "index \(Int(value)) is out of bounds for axis 0 with size \(array.shape[0])",
            range: range)
        }
        rows.append(resolved)
      }
    } else {
      throw CellError(
        type: "IndexError",
        message: "arrays used as indices must be of integer (or boolean) type", range: range)
    }
    let row = array.count / max(1, array.shape[0])
    try budget.allocate(count: rows.count * row, size: 4, at: range)
    var values: [Float] = []
    values.reserveCapacity(rows.count * row)
    for r in rows { values += array.scalars[(r * row)..<((r + 1) * row)] }
    return .array(
      NDArray(dtype: array.dtype, shape: [rows.count] + array.shape.dropFirst(), scalars: values))
  }

  // MARK: Shapes

  /// `reshape`: one dimension may be -1.
  static func reshape(_ array: NDArray, _ requested: [Int], range: SourceRange) throws(CellError)
    -> NDArray
  {
    var shape = requested
    let unknown = shape.indices.filter { shape[$0] == -1 }
    guard unknown.count <= 1, shape.allSatisfy({ $0 >= -1 }) else {
      throw CellError(
        type: "ValueError", message: "can only specify one unknown dimension", range: range)
    }
    var known = 1
    for dimension in shape where dimension != -1 {
      let (product, overflow) = known.multipliedReportingOverflow(by: dimension)
      guard !overflow else {
        throw CellError(type: "ValueError", message: "array is too big", range: range)
      }
      known = product
    }
    if let position = unknown.first, known > 0, array.count % known == 0 {
      shape[position] = array.count / known
    }
    guard !shape.contains(-1), known * (unknown.isEmpty ? 1 : shape[unknown[0]]) == array.count
    else {
      throw CellError(
        type: "ValueError",
        message:
          "cannot reshape array of size \(array.count) into shape \(shapeText(requested).replacingOccurrences(of: ",", with: ", ").replacingOccurrences(of: ", )", with: ",)"))",
        range: range)
    }
    return NDArray(dtype: array.dtype, shape: shape, scalars: array.scalars)
  }

  /// `np.expand_dims(x, axis)`.
  static func expandDims(_ array: NDArray, axis: Int, range: SourceRange) throws(CellError)
    -> NDArray
  {
    let rank = array.rank + 1
    guard axis >= -rank && axis < rank else {
      throw CellError(
        type: "AxisError",
        message: "axis \(axis) is out of bounds for array of dimension \(rank)", range: range)
    }
    var shape = array.shape
    shape.insert(1, at: axis < 0 ? axis + rank : axis)
    return NDArray(dtype: array.dtype, shape: shape, scalars: array.scalars)
  }

  /// `np.roll(x, shift, axis)`: elements shifted along one axis, wrapping around.
  static func roll(_ array: NDArray, shift: Int, axis: Int, range: SourceRange) throws(CellError)
    -> NDArray
  {
    let axis = try resolveAxis(axis, rank: array.rank, range: range)
    let size = array.shape[axis]
    guard size > 0 else { return array }
    let inner = array.strides[axis]
    let outer = array.count / max(1, size * inner)
    let amount = ((shift % size) + size) % size
    var values = array.scalars
    for o in 0..<outer {
      for i in 0..<size {
        let target = o * size * inner + ((i + amount) % size) * inner
        let source = o * size * inner + i * inner
        for k in 0..<inner { values[target + k] = array.scalars[source + k] }
      }
    }
    return NDArray(dtype: array.dtype, shape: array.shape, scalars: values)
  }

  static func resolveAxis(_ axis: Int, rank: Int, range: SourceRange) throws(CellError) -> Int {
    guard axis >= -rank && axis < rank else {
      throw CellError(
        type: "AxisError",
        message: "axis \(axis) is out of bounds for array of dimension \(rank)", range: range)
    }
    return axis < 0 ? axis + rank : axis
  }

  /// `np.concatenate([a, b], axis=0)`.
  static func concatenate(_ arrays: [NDArray], axis: Int, range: SourceRange) throws(CellError)
    -> NDArray
  {
    guard let first = arrays.first else {
      throw CellError(
        type: "ValueError", message: "need at least one array to concatenate", range: range)
    }
    let axis = try resolveAxis(axis, rank: first.rank, range: range)
    var dtype = first.dtype
    for array in arrays.dropFirst() {
      dtype = promote(dtype, array.dtype)
      var a = array.shape
      var b = first.shape
      guard a.count == b.count else {
        throw CellError(
          type: "ValueError",
          message:
            "all the input array dimensions except for the concatenation axis must match exactly",
          range: range)
      }
      a[axis] = 0
      b[axis] = 0
      guard a == b else {
        throw CellError(
          type: "ValueError",
          message:
            "all the input array dimensions except for the concatenation axis must match exactly",
          range: range)
      }
    }
    let outer = first.shape[..<axis].reduce(1, *)
    var shape = first.shape
    shape[axis] = arrays.reduce(0) { $0 + $1.shape[axis] }
    var values: [Float] = []
    values.reserveCapacity(shape.reduce(1, *))
    for o in 0..<outer {
      for array in arrays {
        let chunk = array.count / max(1, outer)
        values += array.scalars[(o * chunk)..<((o + 1) * chunk)]
      }
    }
    return NDArray(dtype: dtype, shape: shape, scalars: values)
  }

  // MARK: Reductions

  enum Reduction: String {
    case sum, mean, max, min, argmax, argmin
  }

  /// `np.mean(x)`, `x.sum(axis=0)`, `np.argmax(p, axis=1)`: over everything or one axis. Float32
  /// sums accumulate in float32 as NumPy's do (pairwise along contiguous values, in order across
  /// rows), so means print NumPy's digits; other sums accumulate in double precision.
  static func reduce(
    _ reduction: Reduction, _ array: NDArray, axis: Int?, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let (outer, size, inner): (Int, Int, Int)
    var shape: [Int] = []
    if let axis {
      let resolved = try resolveAxis(axis, rank: array.rank, range: range)
      outer = array.shape[..<resolved].reduce(1, *)
      size = array.shape[resolved]
      inner = array.shape[(resolved + 1)...].reduce(1, *)
      shape = array.shape
      shape.remove(at: resolved)
    } else {
      (outer, size, inner) = (1, array.count, 1)
    }
    if size == 0 && reduction != .sum && reduction != .mean {
      throw CellError(
        type: "ValueError",
        message:
          "zero-size array to reduction operation \(reduction == .max ? "maximum" : reduction == .min ? "minimum" : reduction.rawValue) which has no identity",
        range: range)
    }
    var values = [Float](repeating: 0, count: outer * inner)
    var lastScalar: Double?
    for o in 0..<outer {
      for i in 0..<inner {
        let base = o * size * inner + i
        var result: Double
        switch reduction {
        case .sum where array.dtype == .float32, .mean where array.dtype == .float32:
          // NumPy sums float32 in float32: pairwise along a contiguous run, else in order.
          let total: Float =
            size == 0
            ? 0
            : inner == 1
              ? array.scalars.withUnsafeBufferPointer {
                pairwiseSum($0.baseAddress! + base, count: size)
              }
              : (0..<size).reduce(Float(-0.0)) { $0 + array.scalars[base + $1 * inner] }
          result = Double(reduction == .mean ? total / Float(size) : total)
        case .sum, .mean:
          var total = 0.0
          for k in 0..<size { total += Double(array.scalars[base + k * inner]) }
          result = reduction == .mean ? total / Double(size) : total
        case .max, .min:
          var best = array.scalars[base]
          for k in 1..<max(1, size) {
            let value = array.scalars[base + k * inner]
            if value.isNaN || (reduction == .max ? value > best : value < best) { best = value }
          }
          result = Double(best)
        case .argmax, .argmin:
          var best = 0
          for k in 1..<max(1, size) {
            let value = array.scalars[base + k * inner]
            let current = array.scalars[base + best * inner]
            if reduction == .argmax ? value > current : value < current { best = k }
          }
          result = Double(best)
        }
        values[o * inner + i] = Float(result)
        lastScalar = result
      }
      try budget.tick(at: range)
    }
    let dtype: DType
    switch reduction {
    case .argmax, .argmin: dtype = .int64
    case .mean: dtype = array.dtype.isFloat ? array.dtype : .float64
    case .sum: dtype = array.dtype.isFloat ? array.dtype : .int64
    case .max, .min: dtype = array.dtype
    }
    let result = NDArray(dtype: dtype, shape: shape, scalars: values)
    if shape.isEmpty {
      // A float64 scalar keeps double precision (`np.mean(predicted == y)` prints 0.555).
      if dtype == .float64, let exact = lastScalar { return .float(exact) }
      return scalar(result, at: 0)
    }
    try budget.allocate(count: result.count, size: 4, at: range)
    return .array(result)
  }

  /// NumPy's `pairwise_sum` of float32 values: below 8 in order, up to 128 in eight running
  /// sums combined as a tree, above that the two halves (split at a multiple of 8) recursively.
  static func pairwiseSum(_ values: UnsafePointer<Float>, count: Int) -> Float {
    if count < 8 {
      var result: Float = -0.0
      for i in 0..<count { result += values[i] }
      return result
    }
    if count <= 128 {
      var r = (0..<8).map { values[$0] }
      var i = 8
      while i < count - count % 8 {
        for j in 0..<8 { r[j] += values[i + j] }
        i += 8
      }
      var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
      while i < count {
        result += values[i]
        i += 1
      }
      return result
    }
    var half = count / 2
    half -= half % 8
    return pairwiseSum(values, count: half) + pairwiseSum(values + half, count: count - half)
  }

  // MARK: Keras utilities

  /// `keras.utils.to_categorical(y, num_classes=None)`: one-hot float32 rows; a trailing
  /// dimension of 1 is dropped first, as Keras does.
  static func toCategorical(
    _ labels: NDArray, classes: Int?, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    var shape = labels.shape
    if shape.count > 1 && shape.last == 1 { shape.removeLast() }
    var largest = -1
    for value in labels.scalars {
      guard value >= 0, value == value.rounded() else {
        throw .unsupported(
          "to_categorical needs class indices 0, 1, 2, ...; found \(PythonFormat.float(Double(value)))",
          at: range)
      }
      largest = max(largest, Int(value))
    }
    let count = classes ?? (largest + 1)
    guard largest < count else {
      throw CellError(
        type: "IndexError",
        message: "index \(largest) is out of bounds for axis 1 with size \(count)", range: range)
    }
    try budget.allocate(count: labels.count * count, size: 4, at: range)
    var values = [Float](repeating: 0, count: labels.count * count)
    for (row, value) in labels.scalars.enumerated() { values[row * count + Int(value)] = 1 }
    return NDArray(dtype: .float32, shape: shape + [count], scalars: values)
  }
}
