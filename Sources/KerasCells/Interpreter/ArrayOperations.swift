import CNNEngine
import CNNKernels
import Foundation

/// NumPy arrays in cells: what tutorial code does to data between loading it and training on it
/// (`x[..., None]`, `x[:1000]`, `x / 255.0`, `.astype("float32")`, `.reshape`, `np.argmax`,
/// `np.expand_dims`, `keras.utils.to_categorical`, `.shape`), with NumPy's dtype rules. Integer
/// results that NumPy would wrap around (`uint8` overflow) are refused instead.
enum ArrayOperations {
  typealias DType = NDArray.DType

  // MARK: Making arrays

  /// Charges the budget for an array of `count` values, then returns it.
  static func make(_ array: NDArray, range: SourceRange, budget: EvaluationBudget)
    throws(CellError) -> NDArray
  {
    try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
    return array
  }

  /// The number of elements of a new array of `shape`, with NumPy's errors for a negative
  /// dimension and for a size whose bytes (`count * itemsize`) no address space holds; checked
  /// before anything is allocated (the budget then refuses what is merely too large).
  static func elementCount(_ shape: [Int], dtype: DType, range: SourceRange) throws(CellError)
    -> Int
  {
    guard shape.allSatisfy({ $0 >= 0 }) else {
      throw CellError(
        type: "ValueError", message: "negative dimensions are not allowed", range: range)
    }
    var count = 1
    var bytes = dtype.itemSize
    var overflow = false
    // NumPy multiplies the dimensions other than 0 by the item size, so an empty array whose
    // other dimensions are huge is still too big.
    for dimension in shape where dimension != 0 {
      let (size, bytesOverflow) = bytes.multipliedReportingOverflow(by: dimension)
      bytes = size
      overflow = overflow || bytesOverflow
    }
    if !overflow { count = shape.reduce(1, *) }
    guard !overflow else {
      throw CellError(
        type: "ValueError",
        message:
          "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        range: range)
    }
    try requireWalkableEmptyShape(shape, range: range)
    return count
  }

  /// The most positions the dimensions of an empty array other than its zeros may span.
  static let emptyShapeLimit = 1 << 31

  /// Refuses an empty array whose other dimensions span more than `emptyShapeLimit` positions
  /// (`np.ones((2**40, 0))`): NumPy holds it in no memory, but ConvBook's kernels walk the rows
  /// of an axis (a reduction's 2**40 results, cumsum's and concatenate's 2**40 empty rows), so it
  /// would hang or allocate without end. ConvBook's limitation, said as such.
  static func requireWalkableEmptyShape(_ shape: [Int], range: SourceRange) throws(CellError) {
    guard shape.contains(0) else { return }
    var positions = 1
    for dimension in shape where dimension != 0 {
      let (product, overflow) = positions.multipliedReportingOverflow(by: dimension)
      guard !overflow, product <= emptyShapeLimit else {
        throw .unsupported(
          "ConvBook does not support an empty array whose other dimensions span more than 2^31 positions (shape \(shapeText(shape))) yet",
          at: range)
      }
      positions = product
    }
  }

  /// The items NumPy reads from a sequence: a list's or tuple's, and a TensorShape's dimensions
  /// (`np.prod(w.shape)`, `np.array(layer.kernel.shape)`, the manual parameter count: TensorShape
  /// is a sequence of ints; an unknown size is None, which ConvBook's arrays do not hold).
  static func arrayItems(_ value: Value) -> [Value]? {
    if case .tensorShape(let dimensions) = value { return TensorShapeValue.items(dimensions) }
    return value.sequenceItems
  }

  /// NumPy's `NPY_MAXDIMS`.
  static let maximumDimensions = 64

  /// `np.array(value, dtype=...)`: an array from nested lists or tuples of numbers, or a copy.
  static func array(
    from value: Value, dtype requested: DType?, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    if case .array(var array) = value {
      if let requested { array = try convert(array, to: requested, range: range) }
      return try make(array, range: range, budget: budget)
    }
    if case .range(let start, let stop, let step) = value {
      // `np.array(range(n))`: the range's integers, int64.
      let count = Value.rangeCount(start, stop, step)
      try budget.allocate(count: count, size: 8, at: range)
      var values: [Double] = []
      values.reserveCapacity(count)
      for index in 0..<count {
        values.append(try integerScalar(start &+ index &* step, range: range))
      }
      // An empty range gives NumPy's empty float64 array, as an empty list does.
      var array = NDArray(dtype: count == 0 ? .float64 : .int64, shape: [count], doubles: values)
      if let requested { array = try convert(array, to: requested, range: range) }
      return try make(array, range: range, budget: budget)
    }
    var shape: [Int] = []
    var probe = value
    while true {
      switch probe {
      case .list, .tuple, .tensorShape:
        let items = arrayItems(probe) ?? []
        // NumPy's limit, checked before `walk` recurses once per dimension (100,000 nested
        // lists overflowed the stack).
        guard shape.count < maximumDimensions else {
          throw CellError(
            type: "ValueError",
            message:
              "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of \(maximumDimensions).",
            range: range)
        }
        shape.append(items.count)
        guard let first = items.first else { break }
        probe = first
        continue
      case .range(let start, let stop, let step):
        // `np.array([range(3), range(3, 6)])`: NumPy reads a range as a sequence of ints.
        guard shape.count < maximumDimensions else {
          throw CellError(
            type: "ValueError",
            message:
              "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of \(maximumDimensions).",
            range: range)
        }
        shape.append(Value.rangeCount(start, stop, step))
      case .array(let inner) where inner.rank > 0:
        // `np.array([a, b])`, `np.array(pairs)` of arrays: their dimensions come after the list's.
        guard shape.count + inner.rank <= maximumDimensions else {
          throw CellError(
            type: "ValueError",
            message:
              "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of \(maximumDimensions).",
            range: range)
        }
        shape += inner.shape
      default: break
      }
      break
    }
    var scalars: [Double] = []
    var dtype = DType.bool
    var holdsArrays = false
    func inhomogeneous(after walked: Int) -> CellError {
      // The walk stops at the first item that does not fit; NumPy's message gives the dimensions
      // it settles on after discovering the whole nesting.
      var discovery = RaggedShapeDiscovery()
      discovery.discover(value, depth: 0)
      let depth = discovery.ragged ? discovery.dimensions : walked
      let detected = (discovery.ragged ? discovery.shape : shape)[..<depth].map(String.init)
      return CellError(
        type: "ValueError",
        message:
          "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was (\(detected.joined(separator: ", "))\(detected.count == 1 ? "," : "")) + inhomogeneous part.",
        range: range)
    }
    func walk(_ item: Value, depth: Int) throws(CellError) {
      if depth < shape.count {
        if case .array(let inner) = item, inner.rank > 0 {
          // An array fills the dimensions it has, which must be the rest of the shape.
          let rest = shape[depth...]
          guard inner.shape.elementsEqual(rest) else {
            let matching = zip(inner.shape, rest).prefix { $0 == $1 }.count
            throw inhomogeneous(after: depth + matching)
          }
          dtype = promote(dtype, inner.dtype)
          holdsArrays = true
          scalars += inner.storage.doubles
          try budget.tick(at: range)
          return
        }
        if case .range(let start, let stop, let step) = item {
          // A range inside a list: its ints fill the last dimension (one more is inhomogeneous).
          let count = Value.rangeCount(start, stop, step)
          guard count == shape[depth] else { throw inhomogeneous(after: depth) }
          guard depth + 1 == shape.count || count == 0 else {
            throw inhomogeneous(after: depth + 1)
          }
          try budget.allocate(count: count, size: 8, at: range)
          if count > 0 { dtype = promote(dtype, .int64) }
          for index in 0..<count {
            scalars.append(try integerScalar(start &+ index &* step, range: range))
          }
          try budget.tick(at: range)
          return
        }
        guard let items = arrayItems(item), items.count == shape[depth] else {
          throw inhomogeneous(after: depth)
        }
        for inner in items { try walk(inner, depth: depth + 1) }
        return
      }
      switch item {
      case .bool(let flag): scalars.append(flag ? 1 : 0)
      case .int(let number):
        // A Python int is an int64 element (`[np.float32(1), 2]` makes float64).
        dtype = promote(dtype, .int64)
        scalars.append(Double(try integerScalar(number, range: range)))
      case .float(let number):
        dtype = .float64
        scalars.append(number)
      case .array(let inner) where inner.rank > 0:
        throw inhomogeneous(after: depth)
      case .list, .tuple, .range, .tensorShape:
        // A sequence where the first item had a number (`[1, [2]]`).
        throw inhomogeneous(after: depth)
      case .bigInt(let number):
        throw .unsupported(
          "ConvBook arrays hold integers up to 2**53 exactly; \(PythonInteger.decimal(number) ?? "the integer") is larger",
          at: range)
      case .array(let inner) where inner.rank == 0:
        dtype = promote(dtype, inner.dtype)
        scalars.append(inner.value(at: 0))
      case .standard(let scalar as NumPyScalar):
        dtype = promote(dtype, scalar.dtype)
        scalars.append(scalar.array.value(at: 0))
      case .standard(let object) where object.isIterator:
        // `model.fit(generator)`, `np.array(map(...))`: data that comes one batch at a time.
        throw .unsupported(
          "ConvBook does not support a \(item.typeName) where arrays of data are expected (model.fit, np.array) yet; make the arrays first (np.array(list(...)))",
          at: range)
      default:
        throw .unsupported(
          "ConvBook arrays hold numbers only, not values of type '\(item.typeName)'", at: range)
      }
      try budget.tick(at: range)
    }
    try walk(value, depth: 0)
    // An empty list is float64; empty arrays keep their dtype.
    if shape.contains(0) && !holdsArrays { dtype = .float64 }
    var array = NDArray(dtype: dtype, shape: shape, doubles: scalars)
    if let requested { array = try convert(array, to: requested, range: range) }
    return try make(array, range: range, budget: budget)
  }

  /// A Python int as an array element: exact up to 2**53 here.
  static func integerScalar(_ number: Int, range: SourceRange) throws(CellError) -> Double {
    guard Double(number.magnitude) <= NumPyIntegers.exactLimit else {
      throw .unsupported(
        "ConvBook arrays hold integers up to 2**53 exactly; \(number) is larger", at: range)
    }
    return Double(number)
  }

  /// A dtype argument: `"float32"`, `np.float32`, `float`, `int`, `bool`.
  static func dtype(_ value: Value, range: SourceRange) throws(CellError) -> DType {
    var name: String?
    switch value {
    case .string(let text): name = text
    case .standard(let dtype as NumPyDType): name = dtype.numeric?.rawValue
    case .function(let callable):
      if case .builtin(let builtin) = callable.kind {
        name = builtin.hasPrefix("numpy.") ? String(builtin.dropFirst(6)) : builtin
      }
    default: break
    }
    guard let name, let dtype = DType(name: name) else {
      throw .unsupported(
        "ConvBook arrays have the dtypes bool, uint8, int32, int64, float32 and float64; \(PythonText.repr(value)) is not one of them",
        at: range)
    }
    return dtype
  }

  /// `astype`: floats to integers truncate toward zero as NumPy does (`NumPyIntegers.convert`).
  static func convert(_ array: NDArray, to dtype: DType, range: SourceRange) throws(CellError)
    -> NDArray
  {
    switch dtype {
    case .bool:
      return NDArray(dtype: dtype, shape: array.shape, scalars: NumPyKernel.booleans(array.storage))
    case .uint8, .int32, .int64:
      return try NumPyIntegers.convert(array, to: dtype, range: range)
    case .float32, .float64:
      return NDArray(dtype: dtype, shape: array.shape, storage: array.storage)
    }
  }

  /// Refuses values an integer `dtype` cannot hold; checked before they become an array of it.
  static func checkRange(_ dtype: DType, _ values: NumPyStorage, range: SourceRange)
    throws(CellError)
  {
    guard let bounds = dtype.bounds,
      let offset = NumPyKernel.firstOutside(
        values, lower: bounds.lowerBound, upper: bounds.upperBound)
    else { return }
    throw .unsupported(
      "the value \(PythonFormat.float(values.double(at: offset))) does not fit \(dtype.rawValue) (NumPy would wrap it around); convert with .astype(\"float32\") first",
      at: range)
  }

  /// NumPy's type promotion for two arrays.
  static func promote(_ a: DType, _ b: DType) -> DType {
    let order: [DType] = [.bool, .uint8, .int32, .int64, .float32, .float64]
    // 32- and 64-bit integers with float32: only float64 holds both exactly.
    if (a == .int64 || a == .int32) && b == .float32
      || a == .float32 && (b == .int64 || b == .int32)
    {
      return .float64
    }
    return order[max(order.firstIndex(of: a)!, order.firstIndex(of: b)!)]
  }

  /// A Python number as a zero-dimensional operand, with NumPy 2's weak scalar promotion: a
  /// Python int keeps the array's dtype, a Python float keeps a float array's.
  static func operand(_ value: Value) -> (NDArray, weak: Bool)? {
    switch value {
    case .array(let array): return (array, false)
    // A NumPy scalar keeps its dtype (it is no weak Python number).
    case .standard(let scalar as NumPyScalar): return (scalar.array, false)
    case .bool(let flag): return (NDArray(dtype: .bool, shape: [], scalars: [flag ? 1 : 0]), true)
    case .int(let number) where Double(number.magnitude) <= NumPyIntegers.exactLimit:
      return (NDArray(dtype: .int64, shape: [], doubles: [Double(number)]), true)
    case .float(let number):
      return (NDArray(dtype: .float64, shape: [], doubles: [number]), true)
    default: return nil
    }
  }

  /// A Python int beyond 2**53 beside an array (which `operand` does not take): NumPy computes
  /// with it exactly, ConvBook refuses it as its limitation.
  static func refuseLargeIntegers(_ values: Value..., range: SourceRange) throws(CellError) {
    guard involvesArray(values) else { return }
    for value in values {
      switch value {
      case .int(let number) where Double(number.magnitude) > NumPyIntegers.exactLimit:
        _ = try integerScalar(number, range: range)
      case .bigInt(let number):
        throw .unsupported(
          "ConvBook arrays hold integers up to 2**53 exactly; \(PythonInteger.decimal(number) ?? "the integer") is larger",
          at: range)
      default: break
      }
    }
  }

  static func involvesArray(_ values: Value...) -> Bool { involvesArray(values) }

  static func involvesArray(_ values: [Value]) -> Bool {
    values.contains {
      switch $0 {
      case .array, .standard(is NumPyScalar): return true
      default: return false
      }
    }
  }

  /// A zero-dimensional result: NumPy's operations on scalars and 0-d arrays give NumPy scalars.
  private static func result(_ array: NDArray, _ operands: Value...) -> Value {
    element(array, at: 0)
  }

  // MARK: Arithmetic

  /// The dtype two operands compute in, NumPy 2's rules: a Python int (weak) keeps the array's
  /// dtype, a Python float keeps a float array's and makes an integer array's float64.
  static func resultType(_ a: NDArray, _ aWeak: Bool, _ b: NDArray, _ bWeak: Bool)
    -> DType
  {
    var dtype: DType
    if aWeak && !bWeak {
      dtype = a.dtype.isFloat && !b.dtype.isFloat ? .float64 : b.dtype
      if a.dtype == .int64 && b.dtype == .bool { dtype = .int64 }
    } else if bWeak && !aWeak {
      dtype = b.dtype.isFloat && !a.dtype.isFloat ? .float64 : a.dtype
      if b.dtype == .int64 && a.dtype == .bool { dtype = .int64 }
    } else {
      dtype = promote(a.dtype, b.dtype)
    }
    return dtype
  }

  /// The shape `a` and `b` broadcast to, or NumPy's ValueError.
  static func broadcastShape(_ a: NDArray, _ b: NDArray, range: SourceRange)
    throws(CellError) -> [Int]
  {
    guard let shape = ElementwiseKernel.broadcastShape(a.shape, b.shape) else {
      throw CellError(
        type: "ValueError",
        message:
          "operands could not be broadcast together with shapes \(shapeText(a.shape)) \(shapeText(b.shape)) ",
        range: range)
    }
    return shape
  }

  /// `a + b`, `a - b`, `a * b`, `a / b`, `a // b`, `a ** b` with broadcasting. A float32 result
  /// is computed in float32 (a Python float operand rounded to float32 first), every other in
  /// float64; integer results are checked to fit their dtype.
  /// An elementwise `operation` (not `@`), which sums nothing and so is the same on either
  /// TensorFlow engine: NumPy's own statistics (`np.var`, `adapt`).
  static func elementwise(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    assert(operation != .matrixMultiply)
    return try binary(operation, left, right, engine: .eigen, range: range, budget: budget)
  }

  /// `engine`: whose kernels an eager float32 `a @ b` sums in (`EagerMath.matmul`).
  static func binary(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, engine: TensorFlowEngine,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    if EagerTensors.isEager(left) || EagerTensors.isEager(right) {
      return try EagerArithmetic.binary(
        operation, left, right, engine: engine, range: range, budget: budget)
    }
    // A list or tuple beside an array is the array `np.asarray` makes of it (`[1, 2] + x`).
    func asArray(_ value: Value) throws(CellError) -> Value {
      switch value {
      case .list, .tuple:
        return .array(try Self.array(from: value, dtype: nil, range: range, budget: budget))
      default: return value
      }
    }
    let left = try asArray(left)
    let right = try asArray(right)
    guard let (a, aWeak) = operand(left), let (b, bWeak) = operand(right) else {
      try refuseLargeIntegers(left, right, range: range)
      if let refusal = WeightValues.variableOperandRefusal(
        [left, right], operation.symbol, range: range)
      {
        throw refusal
      }
      throw CellError(
        type: "TypeError",
        message:
          "unsupported operand type(s) for \(operation.symbol): '\(left.typeName)' and '\(right.typeName)'",
        range: range)
    }
    switch operation {
    case .modulo, .bitwiseAnd, .bitwiseOr, .bitwiseXor:
      return try NumPyArrayFunctions.remainder(
        operation, left, right, range: range, budget: budget)
    case .matrixMultiply:
      guard a.rank > 0, b.rank > 0 else {
        throw CellError(
          type: "ValueError",
          message:
            "matmul: Input operand \(a.rank == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)",
          range: range)
      }
      let product = try NumPyArrayFunctions.matmul(a, b, name: "matmul", range: range)
      try budget.allocate(count: product.count, size: product.dtype.storedSize, at: range)
      return product.rank == 0 ? element(product, at: 0) : .array(product)
    default: break
    }
    var dtype = resultType(a, aWeak, b, bWeak)
    let kernelOperation: NumPyKernel.Operation
    switch operation {
    case .add: kernelOperation = .add
    case .subtract: kernelOperation = .subtract
    case .multiply: kernelOperation = .multiply
    case .divide:
      if !dtype.isFloat { dtype = .float64 }
      kernelOperation = .divide
    case .floorDivide: kernelOperation = .floorDivide
    case .power: kernelOperation = .power
    default:
      throw .unsupported(
        "the operator \(operation.symbol) on arrays is not supported in ConvBook cells yet; use +, -, *, /, // or **",
        at: range)
    }
    if dtype == .bool, operation != .multiply {
      dtype = .int64
    }
    if dtype.isInteger, operation == .floorDivide,
      NumPyKernel.contains(b.storage, 0)
    {
      throw .unsupported(
        "integer division by zero in an array (NumPy warns and gives 0); ConvBook refuses it",
        at: range)
    }
    let shape = try broadcastShape(a, b, range: range)
    try budget.allocate(
      count: shape.reduce(1, *), size: dtype.storedSize, at: range)
    if aWeak, case .int(let number) = left, b.dtype.isInteger {
      try NumPyIntegers.checkWeak(number, against: b.dtype, range: range)
    }
    if bWeak, case .int(let number) = right, a.dtype.isInteger {
      try NumPyIntegers.checkWeak(number, against: a.dtype, range: range)
    }
    if dtype.isInteger, operation == .power,
      NumPyKernel.firstOutside(b.storage, lower: 0, upper: .infinity) != nil
    {
      throw CellError(
        type: "ValueError", message: "Integers to negative integer powers are not allowed.",
        range: range)
    }
    let storage = try NumPyIntegers.fit(
      dtype,
      NumPyKernel.binary(
        kernelOperation, a.storage, a.shape, b.storage, b.shape, shape: shape,
        in: dtype == .float32 ? .float32 : .float64,
        output: dtype.storesDoubles ? .float64 : .float32), range: range)
    let array = NDArray(dtype: dtype, shape: shape, storage: storage)
    if array.rank == 0 { return result(array, left, right) }
    return .array(array)
  }

  /// `a == b`, `a < b`, ... element by element: a bool array, compared in the dtype the
  /// operands promote to.
  static func compare(
    _ operation: ComparisonOperator, _ given: Value, _ other: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    // A list or tuple beside an array is the array `np.asarray` makes of it (`x == [1, 2]`).
    func asArray(_ value: Value) throws(CellError) -> Value {
      switch value {
      case .list, .tuple:
        return .array(try Self.array(from: value, dtype: nil, range: range, budget: budget))
      default: return value
      }
    }
    let left = try asArray(given)
    let right = try asArray(other)
    guard let (a, aWeak) = operand(left), let (b, bWeak) = operand(right) else {
      try refuseLargeIntegers(left, right, range: range)
      throw CellError(
        type: "TypeError",
        message:
          "'\(operation.symbol)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'",
        range: range)
    }
    if operation == .memberOf || operation == .notMemberOf, case .array = right {
      // `x in array` is NumPy's `(array == x).any()`, a Python bool.
      var found: Bool
      switch try compare(.equal, right, left, range: range, budget: budget) {
      case .array(let equal):
        let storage = equal.storage
        found = (0..<storage.count).contains { storage.double(at: $0) != 0 }
      case let scalar: found = scalar.isTruthy
      }
      return .bool(operation == .memberOf ? found : !found)
    }
    let comparison: NumPyKernel.Comparison
    switch operation {
    case .equal: comparison = .equal
    case .notEqual: comparison = .notEqual
    case .less: comparison = .less
    case .lessOrEqual: comparison = .lessOrEqual
    case .greater: comparison = .greater
    case .greaterOrEqual: comparison = .greaterOrEqual
    default:
      throw .unsupported(
        "`\(operation.symbol)` with arrays is not supported in ConvBook cells", at: range)
    }
    let shape = try broadcastShape(a, b, range: range)
    try budget.allocate(count: shape.reduce(1, *), size: 4, at: range)
    let values = NumPyKernel.compare(
      comparison, a.storage, a.shape, b.storage, b.shape, shape: shape,
      in: resultType(a, aWeak, b, bWeak) == .float32 ? .float32 : .float64)
    let array = NDArray(dtype: .bool, shape: shape, scalars: values)
    if array.rank == 0 { return result(array, left, right) }
    return .array(array)
  }

  static func negate(_ array: NDArray, range: SourceRange, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    if array.dtype == .bool {
      throw CellError(
        type: "TypeError",
        message:
          "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        range: range)
    }
    try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
    let values = try NumPyIntegers.fit(
      array.dtype, NumPyKernel.negated(array.storage.widened), range: range)
    return .array(NDArray(dtype: array.dtype, shape: array.shape, storage: values))
  }

  /// NumPy's `(2, 3)` / `(5,)` shape text.
  /// NumPy's shape in its reshape error (`convert_shape_to_string`): no spaces, leading unknown
  /// (-1) sizes left out and later ones written `newaxis`; the one-element comma only when the
  /// whole shape has one entry.
  static func reshapeText(_ shape: [Int]) -> String {
    let parts = shape.drop(while: { $0 < 0 }).map { $0 < 0 ? "newaxis" : String($0) }
    if parts.isEmpty { return "()" }
    return shape.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ",") + ")"
  }

  static func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
  }

  /// One element as the Python value NumPy's scalar behaves like.
  static func scalar(_ array: NDArray, at offset: Int) -> Value {
    scalar(array.dtype, array.value(at: offset))
  }

  /// One element as NumPy gives it from indexing, iterating or reducing: a NumPy scalar of the
  /// array's dtype (`np.float32(0.5)`, `np.int64(3)`, `np.True_`). An eager tensor's elements stay
  /// what `EagerTensors` makes of them.
  static func element(_ array: NDArray, at offset: Int) -> Value {
    var single = NDArray(
      dtype: array.dtype, shape: [], storage: NumPyKernel.rows(array.storage, [offset], rowSize: 1))
    single.tensorFlowDType = nil
    single.holdsOwnRandomValues = array.derivesFromOwnDraw
    single.derivesFromOwnDraw = array.derivesFromOwnDraw
    return .standard(NumPyScalar(single))
  }

  /// A value of `dtype` as the Python value NumPy's scalar behaves like (an integer sum is exact
  /// up to 2**53 here).
  static func scalar(_ dtype: DType, _ value: Double) -> Value {
    switch dtype {
    case .bool: return .bool(value != 0)
    case .uint8, .int32, .int64: return .int(Int(value))
    case .float32, .float64: return .float(value)
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
    if case .tuple(let values) = index {
      // A tuple inside the index tuple is a sequence of indices, as a list is (`x[:, (0, -1)]`).
      items = values.map { if case .tuple(let inner) = $0 { .list(PythonList(inner)) } else { $0 } }
    } else {
      items = [index]
    }
    if needsAdvancedIndexing(items) {
      return try advancedIndex(array, items, range: range, budget: budget)
    }
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
    let (base, dimensions) = try basicSelection(array, items, range: range)
    let shape = dimensions.map(\.count)
    try budget.allocate(count: shape.reduce(1, *), size: array.dtype.storedSize, at: range)
    var result = NDArray(
      dtype: array.dtype, shape: shape,
      storage: NumPyKernel.gather(array.storage, base: base, dimensions: dimensions))
    if shape.isEmpty { return element(result, at: 0) }
    // Basic indexing makes a view in NumPy: writing into it writes into the base.
    result.viewBase = array.viewBase ?? array.identity
    if array.viewBase == nil {
      result.viewWindow = ViewWindow(base: base, dimensions: dimensions)
    } else if let window = array.viewWindow, window.dimensions.map(\.count) == array.shape {
      // A view of a view (a reshaped view's axes are not its window's: left unknown).
      result.viewWindow = window.composed(base: base, dimensions: dimensions)
    }
    return .array(result)
  }

  /// Basic indexing (integers, slices, `None`, `...`): the first offset and the (size, stride)
  /// of each dimension of the selection.
  static func basicSelection(_ array: NDArray, _ items: [Value], range: SourceRange)
    throws(CellError) -> (base: Int, dimensions: [(count: Int, stride: Int)])
  {
    var parsed: [IndexItem] = []
    for item in items {
      switch item {
      case .int(let position): parsed.append(.integer(position))
      case .slice(let start, let stop, let step): parsed.append(.slice(start, stop, step))
      case .none: parsed.append(.newAxis)
      case .ellipsis: parsed.append(.ellipsis)
      case .array(let selector) where selector.rank == 0 && selector.dtype.isInteger:
        parsed.append(.integer(Int(selector.value(at: 0))))
      case .standard(let scalar as NumPyScalar) where scalar.dtype.isInteger:
        parsed.append(.integer(Int(scalar.array.value(at: 0))))
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
    return (base, dimensions)
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
      // Counted without `+ step` or `-step`, which overflow for a step of ±2**63 (a Python int
      // beyond Int64 arrives clamped to Int.max or Int.min).
      return (first, end > first ? (end - first - 1) / step + 1 : 0, step)
    }
    let first = clamp(start, count - 1)
    let end = clamp(stop, -1)
    return (first, first > end ? 1 - (first - end - 1) / step : 0, step)
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
      rows = NumPyKernel.nonzero(selector.storage)
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
    try budget.allocate(count: rows.count * row, size: array.dtype.storedSize, at: range)
    return .array(
      NDArray(
        dtype: array.dtype, shape: [rows.count] + array.shape.dropFirst(),
        storage: NumPyKernel.rows(array.storage, rows, rowSize: row)))
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
        throw CellError(
          type: "ValueError",
          message:
            "cannot reshape array of size \(array.count) into shape \(reshapeText(requested))",
          range: range)
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
          "cannot reshape array of size \(array.count) into shape \(reshapeText(requested))",
        range: range)
    }
    try requireWalkableEmptyShape(shape, range: range)
    var result = array
    result.shape = shape
    return result
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
    var result = array
    result.shape.insert(1, at: axis < 0 ? axis + rank : axis)
    return result
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
    return NDArray(
      dtype: array.dtype, shape: array.shape,
      storage: NumPyKernel.roll(
        array.storage, outer: outer, size: size, inner: inner, amount: amount))
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
    guard first.rank > 0 else {
      throw CellError(
        type: "ValueError", message: "zero-dimensional arrays cannot be concatenated",
        range: range)
    }
    let axis = try resolveAxis(axis, rank: first.rank, range: range)
    var dtype = first.dtype
    for (index, array) in arrays.enumerated().dropFirst() {
      dtype = promote(dtype, array.dtype)
      guard array.rank == first.rank else {
        throw CellError(
          type: "ValueError",
          message:
            "all the input arrays must have same number of dimensions, but the array at index 0 has \(first.rank) dimension(s) and the array at index \(index) has \(array.rank) dimension(s)",
          range: range)
      }
      if let dimension = first.shape.indices.first(where: {
        $0 != axis && first.shape[$0] != array.shape[$0]
      }) {
        throw CellError(
          type: "ValueError",
          message:
            "all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(dimension), the array at index 0 has size \(first.shape[dimension]) and the array at index \(index) has size \(array.shape[dimension])",
          range: range)
      }
    }
    let outer = first.shape[..<axis].reduce(1, *)
    var shape = first.shape
    shape[axis] = arrays.reduce(0) { $0 + $1.shape[axis] }
    return NDArray(
      dtype: dtype, shape: shape,
      storage: NumPyKernel.concatenate(
        arrays.map(\.storage), outer: outer, as: dtype.storesDoubles ? .float64 : .float32))
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
    let kernelReduction: NumPyKernel.Reduction
    switch reduction {
    case .sum: kernelReduction = .sum
    case .mean: kernelReduction = .mean
    case .max: kernelReduction = .max
    case .min: kernelReduction = .min
    case .argmax: kernelReduction = .argmax
    case .argmin: kernelReduction = .argmin
    }
    let dtype: DType
    switch reduction {
    case .argmax, .argmin: dtype = .int64
    case .mean: dtype = array.dtype.isFloat ? array.dtype : .float64
    case .sum: dtype = array.dtype.isFloat ? array.dtype : .int64
    case .max, .min: dtype = array.dtype
    }
    try budget.tick(at: range)
    // The results are charged before the kernel makes them: an empty axis still gives one result
    // per position of the others.
    if !shape.isEmpty {
      try budget.allocate(count: outer * inner, size: dtype.storedSize, at: range)
    }
    let values = NumPyKernel.reduce(
      kernelReduction, array.storage, outer: outer, size: size, inner: inner,
      in: array.dtype == .float32 ? .float32 : .float64)
    let fitted = try NumPyIntegers.fit(dtype, .double(values), range: range)
    if shape.isEmpty { return element(NDArray(dtype: dtype, shape: [], storage: fitted), at: 0) }
    return .array(NDArray(dtype: dtype, shape: shape, storage: fitted))
  }

  // MARK: Keras utilities

  /// `keras.utils.to_categorical(y, num_classes=None)`: one-hot rows of `dtype` (float32, or
  /// float64 for Keras 3's NumPy result); a trailing dimension of 1 is dropped first, as Keras does.
  /// As Keras' NumPy code: `num_classes` None or 0 is `np.max(y) + 1`, the rows are
  /// `np.zeros((n, num_classes))` (a negative or too big size is NumPy's error, checked before
  /// anything is allocated) and `categorical[np.arange(n), y] = 1` (a negative index counts from
  /// the end; the first index out of bounds is NumPy's IndexError).
  static func toCategorical(
    _ labels: NDArray, classes: Int?, dtype: DType, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    var shape = labels.shape
    if shape.count > 1 && shape.last == 1 { shape.removeLast() }
    var indices: [Int] = []
    indices.reserveCapacity(labels.count)
    for offset in 0..<labels.count {
      // Both Kerases first make the labels `np.array(y, dtype="int64")`: a float is truncated
      // toward zero (1.7 is class 1); NaN and infinities become NumPy's undefined cast.
      let value = labels.storage.double(at: offset)
      guard value.isFinite, value.magnitude < 9.0e15 else {
        throw .unsupported(
          "ConvBook's to_categorical needs finite class indices; found \(PythonFormat.float(value))",
          at: range)
      }
      indices.append(Int(value.rounded(.towardZero)))
    }
    let count: Int
    if let classes, classes != 0 {
      count = classes
    } else {
      guard let largest = indices.max() else {
        throw CellError(
          type: "ValueError",
          message: "zero-size array to reduction operation maximum which has no identity",
          range: range)
      }
      count = largest + 1
    }
    // NumPy's checks of `np.zeros((n, num_classes))`: the byte size fits, so `n * count` does.
    _ = try elementCount([indices.count, count], dtype: dtype, range: range)
    if let outside = indices.first(where: { $0 < -count || $0 >= count }) {
      throw CellError(
        type: "IndexError",
        message: "index \(outside) is out of bounds for axis 1 with size \(count)", range: range)
    }
    try budget.allocate(count: indices.count * count, size: dtype.storedSize, at: range)
    var values = [Float](repeating: 0, count: indices.count * count)
    for (row, index) in indices.enumerated() {
      values[row * count + (index < 0 ? index + count : index)] = 1
    }
    return NDArray(dtype: dtype, shape: shape + [count], scalars: values)
  }
}

/// NumPy's shape discovery (`PyArray_DiscoverDTypeAndShape_Recursive` and its `update_shape`) over
/// nested sequences, arrays and scalars, depth first: the first array or scalar reached fixes the
/// number of dimensions, and every later item that disagrees makes the nesting ragged and drops
/// the dimensions it cannot fill. What it settles on is what NumPy's "inhomogeneous shape after N
/// dimensions. The detected shape was (...)" reports.
struct RaggedShapeDiscovery {
  /// NumPy's `max_dims`: how many dimensions the array can still have.
  private(set) var dimensions = ArrayOperations.maximumDimensions
  private(set) var shape = [Int](repeating: 0, count: ArrayOperations.maximumDimensions)
  private(set) var ragged = false
  /// NumPy's `MAX_DIMS_WAS_REACHED`: an array, a scalar or an empty sequence fixed the shape.
  private var fixed = false

  /// `update_shape`: `sizes` are a sequence's length (`isSequence`) or an array's (or scalar's)
  /// whole shape, met at dimension `current`; false when they do not fit what came before.
  private mutating func update(_ current: Int, _ sizes: [Int], isSequence: Bool) -> Bool {
    var fits = true
    var count = sizes.count
    if current + count > dimensions {
      fits = false
      count = dimensions - current
    } else if !isSequence && dimensions != current + count {
      dimensions = current + count
      if fixed { fits = false }
    }
    for index in 0..<max(count, 0) {
      if !fixed {
        shape[current + index] = sizes[index]
      } else if sizes[index] != shape[current + index] {
        fits = false
        dimensions = isSequence ? current : dimensions - (count - index)
        break
      }
    }
    if !isSequence { fixed = true }
    if !fits { ragged = true }
    return fits
  }

  mutating func discover(_ value: Value, depth current: Int) {
    switch value {
    case .array(let inner) where inner.rank > 0:
      _ = update(current, inner.shape, isSequence: false)
      return
    case .range(let start, let stop, let step) where current < dimensions:
      let count = Value.rangeCount(start, stop, step)
      guard update(current, [count], isSequence: true) else { return }
      guard count > 0 else {
        fixed = true
        dimensions = current + 1
        return
      }
      // Its items are ints, which all fit alike.
      _ = update(current + 1, [], isSequence: false)
      return
    case .list, .tuple, .tensorShape:
      guard current < dimensions else { break }
      let items = ArrayOperations.arrayItems(value) ?? []
      guard update(current, [items.count], isSequence: true) else { return }
      guard !items.isEmpty else {
        fixed = true
        dimensions = current + 1
        return
      }
      for item in items { discover(item, depth: current + 1) }
      return
    default: break
    }
    _ = update(current, [], isSequence: false)
  }
}
