import CNNEngine

/// `t[...]` on an eager tensor as TensorFlow's `__getitem__` (a strided slice) does it: whole
/// numbers (an axis less), slices with steps, `...` and `tf.newaxis` / `None` (a new axis of 1).
enum EagerIndexing {
  /// The shape of `tensor[index]` and the flat offsets of its values in `shape`'s tensor.
  static func select(_ index: Value, shape: [Int], range: SourceRange) throws(CellError) -> (
    shape: [Int], offsets: [Int]
  ) {
    enum Item {
      case at(Int)
      case slice(Int?, Int?, Int?)
      case ellipsis
      case newAxis
    }
    let parts: [Value]
    if case .tuple(let items) = index { parts = items } else { parts = [index] }
    var items: [Item] = []
    for part in parts {
      var number = NumPyScalar.number(part)
      if let tensor = EagerTensors.operand(part), tensor.rank == 0,
        EagerDType(of: tensor).isInteger
      {
        number = EagerTensors.scalarValue(tensor)
      }
      switch number {
      case .int(let value): items.append(.at(value))
      case .slice(let start, let stop, let step): items.append(.slice(start, stop, step))
      case .ellipsis: items.append(.ellipsis)
      case .none: items.append(.newAxis)
      default:
        throw .unsupported(
          "ConvBook does not support indexing an eager tensor with a value of type '\(part.typeName)' yet",
          at: range)
      }
    }
    let consuming = items.filter {
      switch $0 {
      case .at, .slice: return true
      default: return false
      }
    }.count
    func failure(_ message: String) -> CellError {
      CellError(
        type: EagerArithmetic.invalidArgument,
        message:
          "{{function_node __wrapped__StridedSlice_device_/job:localhost/replica:0/task:0/device:CPU:0}} \(message) [Op:StridedSlice] name: strided_slice/",
        range: range)
    }
    guard consuming <= shape.count else {
      throw failure(
        "Index out of range using input dim \(shape.count); input has only \(shape.count) dims")
    }
    // The ellipsis (or the end) takes the axes no item names.
    var expanded: [Item] = []
    var sawEllipsis = false
    for item in items {
      if case .ellipsis = item {
        if sawEllipsis { continue }
        sawEllipsis = true
        expanded += Array(repeating: .slice(nil, nil, nil), count: shape.count - consuming)
      } else {
        expanded.append(item)
      }
    }
    if !sawEllipsis {
      expanded += Array(repeating: .slice(nil, nil, nil), count: shape.count - consuming)
    }
    // Per source axis: the chosen indices and whether the axis stays.
    var axes: [(indices: [Int], keeps: Bool)] = []
    var resultShape: [Int] = []
    var axis = 0
    for item in expanded {
      switch item {
      case .newAxis: resultShape.append(1)
      case .ellipsis: break
      case .at(let value):
        let size = shape[axis]
        let position = value < 0 ? value + size : value
        guard position >= 0, position < size else {
          throw failure("slice index \(value) of dimension \(axis) out of bounds.")
        }
        axes.append(([position], false))
        axis += 1
      case .slice(let start, let stop, let step):
        let size = shape[axis]
        let stride = step ?? 1
        guard stride != 0 else { throw failure("strides[\(axis)] must be non-zero") }
        var indices: [Int] = []
        if stride > 0 {
          var first = start.map { $0 < 0 ? max($0 + size, 0) : min($0, size) } ?? 0
          let last = stop.map { $0 < 0 ? max($0 + size, 0) : min($0, size) } ?? size
          while first < last {
            indices.append(first)
            first += stride
          }
        } else {
          var first = start.map { $0 < 0 ? max($0 + size, -1) : min($0, size - 1) } ?? size - 1
          let last = stop.map { $0 < 0 ? max($0 + size, -1) : min($0, size - 1) } ?? -1
          while first > last {
            indices.append(first)
            first += stride
          }
        }
        axes.append((indices, true))
        resultShape.append(indices.count)
        axis += 1
      }
    }
    // Row-major offsets of every combination.
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for index in shape.indices.reversed() {
      strides[index] = step
      step *= shape[index]
    }
    var offsets = [0]
    for (index, chosen) in axes.enumerated() {
      var next: [Int] = []
      next.reserveCapacity(offsets.count * chosen.indices.count)
      for offset in offsets {
        for position in chosen.indices { next.append(offset + position * strides[index]) }
      }
      offsets = next
    }
    return (resultShape, offsets)
  }

  /// `tensor[index]`: a new eager tensor.
  static func subscriptValue(_ array: NDArray, _ index: Value, range: SourceRange)
    throws(CellError) -> Value
  {
    let (shape, offsets) = try select(index, shape: array.shape, range: range)
    let values = EagerTensors.doubles(array)
    return .array(
      try EagerTensors.make(
        EagerDType(of: array), shape: shape, values: offsets.map { values[$0] }, range: range))
  }
}
