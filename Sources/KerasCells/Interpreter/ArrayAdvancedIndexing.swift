import CNNEngine

/// NumPy's advanced indexing beyond one array along the first axis (`ArrayOperations.take`):
/// integer arrays and lists on any axes together with integers and slices (`m[:, [0, 2]]`,
/// `m[[0, 2], [1, 3]]`, `y[np.arange(n), labels]`), and boolean masks over several axes
/// (`m[m > 5]`). The index arrays broadcast together; their dimensions replace the indexed axes
/// where those are adjacent, and come first otherwise, as NumPy places them. The result is a copy.
extension ArrayOperations {
  /// Whether `items` need advanced indexing that `take` does not do.
  static func needsAdvancedIndexing(_ items: [Value]) -> Bool {
    let arrays = items.filter {
      switch $0 {
      case .list: return true
      case .array(let selector): return selector.rank > 0
      default: return false
      }
    }
    guard !arrays.isEmpty else { return false }
    if items.count > 1 { return true }
    if case .array(let selector) = items[0] { return selector.rank > 1 }
    return false
  }

  static func advancedIndex(
    _ array: NDArray, _ items: [Value], range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    enum Part {
      case slice(first: Int, count: Int, step: Int)
      case index(shape: [Int], values: [Int])
    }
    func indexError(_ message: String) -> CellError {
      CellError(type: "IndexError", message: message, range: range)
    }
    // How many axes each item consumes (a boolean mask: its rank).
    var selectors: [NDArray?] = []
    var consumed = 0
    for item in items {
      switch item {
      case .list, .array:
        let selector = try Self.array(from: item, dtype: nil, range: range, budget: budget)
        selectors.append(selector)
        consumed += selector.dtype == .bool ? max(1, selector.rank) : 1
      case .none:
        throw .unsupported(
          "ConvBook does not support np.newaxis together with index arrays yet", at: range)
      case .ellipsis:
        selectors.append(nil)
      default:
        selectors.append(nil)
        consumed += 1
      }
    }
    guard consumed <= array.rank else {
      throw indexError(
        "too many indices for array: array is \(array.rank)-dimensional, but \(consumed) were indexed"
      )
    }
    var parts: [Part] = []
    var axis = 0
    var sawEllipsis = false
    for (item, selector) in zip(items, selectors) {
      switch item {
      case .ellipsis:
        guard !sawEllipsis else {
          throw indexError("an index can only have a single ellipsis ('...')")
        }
        sawEllipsis = true
        for _ in 0..<(array.rank - consumed) {
          parts.append(.slice(first: 0, count: array.shape[axis], step: 1))
          axis += 1
        }
      case .slice(let start, let stop, let step):
        guard step != 0 else {
          throw CellError(type: "ValueError", message: "slice step cannot be zero", range: range)
        }
        let (first, count, by) = resolveSlice(start, stop, step, count: array.shape[axis])
        parts.append(.slice(first: first, count: count, step: by))
        axis += 1
      case .list, .array:
        guard let selector else { break }
        if selector.dtype == .bool {
          let covered = Array(array.shape[axis..<(axis + max(1, selector.rank))])
          guard selector.shape == covered || selector.rank == 0 else {
            let bad = zip(covered, selector.shape).enumerated().first {
              $0.element.0 != $0.element.1
            }
            let at = bad?.offset ?? 0
            throw indexError(
              "boolean index did not match indexed array along axis \(axis + at); size of axis is \(covered[at]) but size of corresponding boolean axis is \(selector.shape[at])"
            )
          }
          let hits = NumPyKernel.nonzero(selector.storage)
          let strides = NumPyArrayFunctions.rowMajorStrides(covered)
          for k in 0..<covered.count {
            parts.append(
              .index(
                shape: [hits.count], values: hits.map { $0 / strides[k] % covered[k] }))
          }
          axis += covered.count
        } else if selector.dtype.isInteger || selector.count == 0 {
          var values: [Int] = []
          for offset in 0..<selector.count {
            let position = Int(selector.value(at: offset))
            guard let resolved = Operators.resolveIndex(position, count: array.shape[axis])
            else {
              throw indexError(
                "index \(position) is out of bounds for axis \(axis) with size \(array.shape[axis])"
              )
            }
            values.append(resolved)
          }
          parts.append(.index(shape: selector.shape, values: values))
          axis += 1
        } else {
          throw indexError("arrays used as indices must be of integer (or boolean) type")
        }
      default:
        guard case .int(let position) = NumPyScalar.integer(item) else {
          throw indexError(
            "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices"
          )
        }
        guard let resolved = Operators.resolveIndex(position, count: array.shape[axis]) else {
          throw indexError(
            "index \(position) is out of bounds for axis \(axis) with size \(array.shape[axis])")
        }
        // An integer beside index arrays is one more (0-d) index array.
        parts.append(.index(shape: [], values: [resolved]))
        axis += 1
      }
    }
    while axis < array.rank {
      parts.append(.slice(first: 0, count: array.shape[axis], step: 1))
      axis += 1
    }
    // The index arrays broadcast together.
    var broadcast: [Int] = []
    var indexShapes: [[Int]] = []
    for case .index(let shape, _) in parts { indexShapes.append(shape) }
    for shape in indexShapes {
      guard let joined = ElementwiseKernel.broadcastShape(broadcast, shape) else {
        throw indexError(
          "shape mismatch: indexing arrays could not be broadcast together with shapes "
            + indexShapes.map(shapeText).joined(separator: " ") + " ")
      }
      broadcast = joined
    }
    let positions = parts.indices.filter {
      if case .index = parts[$0] { return true } else { return false }
    }
    let adjacent = positions.last! - positions.first! + 1 == positions.count
    let strides = array.strides
    // The source offset the index arrays give for each place of the broadcast shape.
    let places = broadcast.reduce(1, *)
    var indexed = [Int](repeating: 0, count: places)
    for (axis, part) in parts.enumerated() {
      guard case .index(let shape, let values) = part else { continue }
      let offsets = NumPyArrayFunctions.broadcastOffsets(shape, to: broadcast)
      for place in 0..<places { indexed[place] += values[offsets[place]] * strides[axis] }
    }
    // Result dimensions: slices as (count, stride), the index arrays' block as one entry.
    var base = 0
    var dimensions: [(count: Int, stride: Int)?] = []
    var shape: [Int] = []
    if !adjacent {
      dimensions.append(nil)
      shape += broadcast
    }
    for (axis, part) in parts.enumerated() {
      switch part {
      case .slice(let first, let count, let step):
        base += first * strides[axis]
        dimensions.append((count, step * strides[axis]))
        shape.append(count)
      case .index:
        if adjacent && axis == positions.first! {
          dimensions.append(nil)
          shape += broadcast
        }
      }
    }
    let total = shape.reduce(1, *)
    try budget.allocate(count: total, size: array.dtype.storedSize, at: range)
    var offsets: [Int] = [base]
    for dimension in dimensions {
      var next: [Int] = []
      next.reserveCapacity(offsets.count * (dimension?.count ?? places))
      for offset in offsets {
        if let (count, stride) = dimension {
          for k in 0..<count { next.append(offset + k * stride) }
        } else {
          for place in indexed { next.append(offset + place) }
        }
      }
      offsets = next
      try budget.tick(at: range)
    }
    let result = NDArray(
      dtype: array.dtype, shape: shape,
      storage: NumPyKernel.rows(array.storage, offsets, rowSize: 1))
    return result.rank == 0 ? element(result, at: 0) : .array(result)
  }
}
