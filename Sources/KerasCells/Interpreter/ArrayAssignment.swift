import CNNEngine

/// Item and slice assignment into NumPy arrays (`x[i, j] = 1`, `x[:, 0] = col`, `x[i] = row`,
/// `y[np.arange(n), labels] = 1.0`): the offsets an index selects, the value broadcast to them
/// and cast to the array's dtype as NumPy's unsafe setitem casting does (floats into integers
/// truncate toward zero; anything nonzero into bool is True).
extension ArrayOperations {
  /// Writes `value` into `array` at `index`.
  static func setItem(
    _ array: inout NDArray, _ index: Value, to value: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) {
    let (offsets, shape) = try assignmentTargets(array, index, range: range, budget: budget)
    let source: NDArray
    switch value {
    case .array(let given): source = given
    case .standard(let scalar as NumPyScalar): source = scalar.array
    default:
      source = try Self.array(from: value, dtype: nil, range: range, budget: budget)
    }
    let values = try broadcast(source, to: shape, range: range)
    try budget.allocate(count: values.count, size: 8, at: range)
    array.scatter(offsets, try cast(values, to: array.dtype, range: range))
    if var unwritten = array.unwritten {
      unwritten.write(offsets)
      if source.derivesFromOwnDraw { unwritten.wroteOwnDraw = true }
      array.unwritten = unwritten.remaining > 0 ? unwritten : nil
      if unwritten.remaining == 0, !unwritten.wroteOwnDraw {
        array.derivesFromOwnDraw = false
        array.holdsOwnRandomValues = false
      }
    }
  }

  /// `np.place(array, mask, values)`: the values (flattened, taken in turn and repeated as needed)
  /// go into the positions of `array` where `mask` (of as many values) is true, cast as item
  /// assignment casts them. NumPy's ValueErrors for a mask of another size and for no values.
  static func place(
    _ array: inout NDArray, mask: Value, values: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) {
    let selector = try Self.array(from: mask, dtype: nil, range: range, budget: budget)
    guard selector.count == array.count else {
      throw CellError(
        type: "ValueError", message: "place: mask and data must be the same size", range: range)
    }
    let chosen = NumPyKernel.booleans(selector.storage)
    let count = chosen.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
    guard count > 0 else { return }
    let source = try Self.array(from: values, dtype: nil, range: range, budget: budget)
    guard source.count > 0 else {
      throw CellError(
        type: "ValueError", message: "Cannot insert from an empty array!", range: range)
    }
    try budget.allocate(count: count, size: 8, at: range)
    let repeated = NDArray(
      dtype: source.dtype, shape: [count],
      storage: NumPyKernel.rows(
        source.storage, (0..<count).map { $0 % source.count }, rowSize: 1))
    let shape = array.shape
    array.shape = [array.count]
    defer { array.shape = shape }
    let flatMask = NDArray(dtype: .bool, shape: [chosen.count], scalars: chosen)
    try setItem(&array, .array(flatMask), to: .array(repeated), range: range, budget: budget)
  }

  /// The flat offsets `index` selects, in the row-major order of the selection's shape.
  private static func assignmentTargets(
    _ array: NDArray, _ index: Value, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> (offsets: [Int], shape: [Int]) {
    let items: [Value]
    if case .tuple(let values) = index { items = values } else { items = [index] }
    func isAdvanced(_ item: Value) -> Bool {
      switch item {
      case .list: return true
      case .array(let selector): return selector.rank > 0
      default: return false
      }
    }
    guard items.contains(where: isAdvanced) else {
      let (base, dimensions) = try basicSelection(array, items, range: range)
      try budget.allocate(count: dimensions.reduce(1) { $0 * $1.count }, size: 8, at: range)
      return (offsets(base: base, dimensions), dimensions.map(\.count))
    }
    // Advanced indexing: integer arrays (and integers) on the leading axes, paired element by
    // element (`y[np.arange(n), labels]`), or one boolean mask of the first axis.
    var selectors: [NDArray] = []
    for item in items {
      switch item {
      case .int(let position):
        selectors.append(NDArray(dtype: .int64, shape: [], scalars: [Float(position)]))
      case .array(let selector): selectors.append(selector)
      case .list:
        selectors.append(try Self.array(from: item, dtype: nil, range: range, budget: budget))
      default:
        throw .unsupported(
          "ConvBook assigns through integer arrays only with integers and integer arrays beside them (no slices)",
          at: range)
      }
    }
    if selectors.count == 1, selectors[0].dtype == .bool {
      // A mask of the leading axes (`y[y <= 0] = 0` on any shape, `x[rows] = v` of the first
      // axis) selects, in row-major order, each position it holds True at, with the axes after it.
      let mask = selectors[0]
      guard mask.rank >= 1, mask.shape == Array(array.shape.prefix(mask.rank)) else {
        throw .unsupported(
          "ConvBook assigns through boolean masks of the leading axes only", at: range)
      }
      let positions = NumPyKernel.nonzero(mask.storage)
      let rest = Array(array.shape.dropFirst(mask.rank))
      let restSize = rest.reduce(1, *)
      let restDimensions = zip(rest, array.strides.dropFirst(mask.rank)).map {
        (count: $0, stride: $1)
      }
      try budget.allocate(count: positions.count * restSize, size: 8, at: range)
      var result: [Int] = []
      for position in positions {
        result += offsets(base: position * restSize, restDimensions)
      }
      return (result, [positions.count] + rest)
    }
    guard selectors.count <= array.rank else {
      throw CellError(
        type: "IndexError",
        message:
          "too many indices for array: array is \(array.rank)-dimensional, but \(selectors.count) were indexed",
        range: range)
    }
    var length = 1
    for selector in selectors {
      guard selector.rank <= 1, selector.dtype.isInteger || selector.count == 0 else {
        if !selector.dtype.isInteger {
          throw CellError(
            type: "IndexError",
            message: "arrays used as indices must be of integer (or boolean) type", range: range)
        }
        throw .unsupported(
          "ConvBook assigns through one-dimensional index arrays only", at: range)
      }
      let count = selector.rank == 0 ? 1 : selector.count
      if count != 1 && length != 1 && count != length {
        let shapes = selectors.map { "(" + ($0.rank == 0 ? "" : "\($0.count),") + ")" }
        throw CellError(
          type: "IndexError",
          message:
            "shape mismatch: indexing arrays could not be broadcast together with shapes \(shapes.joined(separator: " "))",
          range: range)
      }
      if count != 1 { length = count }
    }
    let strides = array.strides
    let rest = Array(array.shape.dropFirst(selectors.count))
    let restDimensions = zip(rest, strides.dropFirst(selectors.count)).map {
      (count: $0, stride: $1)
    }
    try budget.allocate(count: length * rest.reduce(1, *), size: 8, at: range)
    var result: [Int] = []
    for element in 0..<length {
      var base = 0
      for (axis, selector) in selectors.enumerated() {
        let position = Int(selector.value(at: selector.count == 1 ? 0 : element))
        guard let resolved = Operators.resolveIndex(position, count: array.shape[axis]) else {
          throw CellError(
            type: "IndexError",
            message:
              "index \(position) is out of bounds for axis \(axis) with size \(array.shape[axis])",
            range: range)
        }
        base += resolved * strides[axis]
      }
      result += offsets(base: base, restDimensions)
    }
    let shape = selectors.allSatisfy({ $0.rank == 0 }) ? rest : [length] + rest
    return (result, shape)
  }

  /// Every offset of a strided selection, row-major.
  static func offsets(base: Int, _ dimensions: [(count: Int, stride: Int)]) -> [Int] {
    var result = [base]
    for dimension in dimensions {
      var next: [Int] = []
      next.reserveCapacity(result.count * dimension.count)
      for offset in result {
        for step in 0..<dimension.count { next.append(offset + step * dimension.stride) }
      }
      result = next
    }
    return result
  }

  /// `source`'s values repeated to `shape` by NumPy's broadcasting (leading ones of the source
  /// beyond the target's rank dropped), or NumPy's error.
  private static func broadcast(_ source: NDArray, to shape: [Int], range: SourceRange)
    throws(CellError) -> [Double]
  {
    var sourceShape = source.shape
    while sourceShape.count > shape.count, sourceShape.first == 1 { sourceShape.removeFirst() }
    func text(_ dimensions: [Int]) -> String {
      "(" + dimensions.map(String.init).joined(separator: ",")
        + (dimensions.count == 1 ? ",)" : ")")
    }
    let padded = Array(repeating: 1, count: max(0, shape.count - sourceShape.count)) + sourceShape
    guard sourceShape.count <= shape.count,
      zip(padded, shape).allSatisfy({ $0 == $1 || $0 == 1 })
    else {
      throw CellError(
        type: "ValueError",
        message:
          "could not broadcast input array from shape \(text(source.shape)) into shape \(text(shape))",
        range: range)
    }
    let count = shape.reduce(1, *)
    if source.count == count { return (0..<count).map { source.value(at: $0) } }
    // Source strides over the padded shape, 0 along broadcast axes.
    var strides = [Int](repeating: 0, count: shape.count)
    var step = 1
    for axis in shape.indices.reversed() {
      strides[axis] = padded[axis] == 1 ? 0 : step
      step *= padded[axis]
    }
    var values: [Double] = []
    values.reserveCapacity(count)
    var position = [Int](repeating: 0, count: shape.count)
    for _ in 0..<count {
      var offset = 0
      for axis in shape.indices { offset += position[axis] * strides[axis] }
      values.append(source.value(at: offset))
      RowMajorIndex.advance(&position, in: shape)
    }
    return values
  }

  /// Values as the array's dtype stores them: integers truncated toward zero, bools 0 or 1;
  /// values an integer dtype cannot hold are refused (NumPy would wrap them).
  private static func cast(_ values: [Double], to dtype: DType, range: SourceRange)
    throws(CellError) -> [Double]
  {
    switch dtype {
    case .float32, .float64: return values
    case .bool: return values.map { $0 != 0 ? 1 : 0 }
    case .uint8, .int32, .int64:
      if values.contains(where: \.isNaN) {
        throw CellError(
          type: "ValueError", message: "cannot convert float NaN to integer", range: range)
      }
      let truncated = values.map { $0.rounded(.towardZero) }
      try checkRange(dtype, .double(truncated), range: range)
      return truncated
    }
  }
}
