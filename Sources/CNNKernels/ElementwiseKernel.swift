/// Element-wise arithmetic of Keras' merge layers (`Add`, `Subtract`, `Multiply`, `Average`,
/// `Maximum`, `Minimum`) and of TensorFlow's operators on tensors (`x + y`, `x * 0.5`, `-x`), with
/// NumPy's broadcasting over the full shapes (trailing axes matched, a size 1 stretches).
public enum ElementwiseKernel {
  public enum Operation: Sendable {
    case add, subtract, multiply, divide, maximum, minimum

    @inline(__always)
    func apply(_ a: Float, _ b: Float) -> Float {
      switch self {
      case .add: return a + b
      case .subtract: return a - b
      case .multiply: return a * b
      case .divide: return a / b
      // TensorFlow's maximum and minimum propagate NaN from either side.
      case .maximum: return a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
      case .minimum: return a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
      }
    }
  }

  /// The shape NumPy broadcasting gives `first` and `second`; nil when they do not broadcast.
  public static func broadcastShape(_ first: [Int], _ second: [Int]) -> [Int]? {
    let rank = Swift.max(first.count, second.count)
    let a = Array(repeating: 1, count: rank - first.count) + first
    let b = Array(repeating: 1, count: rank - second.count) + second
    var shape: [Int] = []
    for (i, j) in zip(a, b) {
      if i == j || j == 1 {
        shape.append(i)
      } else if i == 1 {
        shape.append(j)
      } else {
        return nil
      }
    }
    return shape
  }

  /// `output[i] = op(output[i], other[i])` (or `op(other[i], output[i])` when `otherFirst`), with
  /// `other` broadcast to `output`'s shape.
  /// output (S), other (broadcastable to S) -> output (S)
  public static func combine(
    _ output: inout Tensor, with other: Tensor, _ operation: Operation, otherFirst: Bool = false
  ) throws(KernelError) {
    guard broadcastShape(output.shape, other.shape) == output.shape else {
      throw KernelError(
        "cannot broadcast a tensor of shape \(other.shape) to shape \(output.shape)")
    }
    let strides = broadcastStrides(of: other.shape, to: output.shape)
    let shape = output.shape
    other.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        forEachRow(shape: shape, strides: strides) { start, offset, length, step in
          for k in 0..<length {
            let a = target[start + k]
            let b = source[offset + k * step]
            target[start + k] = otherFirst ? operation.apply(b, a) : operation.apply(a, b)
          }
        }
      }
    }
  }

  /// `input` broadcast to `shape` (a copy).
  /// input (broadcastable to S) -> output (S)
  public static func broadcast(_ input: Tensor, to shape: [Int]) throws(KernelError) -> Tensor {
    guard broadcastShape(shape, input.shape) == shape else {
      throw KernelError("cannot broadcast a tensor of shape \(input.shape) to shape \(shape)")
    }
    if input.shape == shape { return input }
    let strides = broadcastStrides(of: input.shape, to: shape)
    return Tensor(uninitializedShape: shape) { target in
      input.withUnsafeBufferPointer { source in
        forEachRow(shape: shape, strides: strides) { start, offset, length, step in
          for k in 0..<length { target[start + k] = source[offset + k * step] }
        }
      }
    }
  }

  /// `op(x, value)` for every element (or `op(value, x)` when `scalarFirst`: `1 - x`).
  public static func apply(
    _ tensor: inout Tensor, scalar value: Float, _ operation: Operation, scalarFirst: Bool
  ) {
    tensor.withUnsafeMutableBufferPointer { values in
      for index in values.indices {
        values[index] =
          scalarFirst
          ? operation.apply(value, values[index]) : operation.apply(values[index], value)
      }
    }
  }

  /// `x op values[c]` for every element, `c` its index along the last axis (whose length is
  /// `values.count`): `tf.nn.bias_add` and a division by a per-channel vector.
  public static func apply(_ tensor: inout Tensor, lastAxis values: [Float], _ operation: Operation)
  {
    let channels = values.count
    guard channels > 0 else { return }
    tensor.withUnsafeMutableBufferPointer { elements in
      for index in elements.indices {
        elements[index] = operation.apply(elements[index], values[index % channels])
      }
    }
  }

  /// `output[i] + other[i] * scale` for every element, the product rounded before the sum as
  /// TensorFlow computes `inputs[0] + inputs[1] * scale` (Inception-ResNet's `CustomScaleLayer`).
  /// output (S), other (S) -> output (S)
  public static func addScaled(_ output: inout Tensor, _ other: Tensor, scale: Float)
    throws(KernelError)
  {
    guard other.shape == output.shape else {
      throw KernelError(
        "cannot add a scaled tensor of shape \(other.shape) to one of shape \(output.shape)")
    }
    other.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for index in target.indices {
          let product = source[index] * scale
          target[index] = target[index] + product
        }
      }
    }
  }

  /// `x * scale + shift` for every element (the product rounded before the sum), into a new
  /// tensor: the cell language's probe of whether a result depends on weights it drew itself
  /// moves every such weight this way, tens of millions of them in an application's model.
  public static func affine(_ tensor: Tensor, scale: Float, shift: Float) -> Tensor {
    let count = tensor.count
    let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      tensor.withUnsafeBufferPointer { source in
        for index in 0..<count {
          let product = source[index] * scale
          buffer[index] = product + shift
        }
      }
      initialized = count
    }
    return Tensor(validShape: tensor.shape, scalars: values)
  }

  /// `-x` for every element.
  public static func negate(_ tensor: inout Tensor) {
    tensor.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] = -values[index] }
    }
  }

  /// Element strides of a tensor of `shape` read as `target` (rank-aligned at the end); 0 along
  /// the axes it broadcasts.
  private static func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
    let padded = Array(repeating: 1, count: target.count - shape.count) + shape
    var strides = [Int](repeating: 0, count: target.count)
    var running = 1
    for axis in stride(from: target.count - 1, through: 0, by: -1) {
      strides[axis] = padded[axis] == 1 && target[axis] != 1 ? 0 : running
      running *= padded[axis]
    }
    return strides
  }

  /// Calls `body(start, offset, length, step)` for every row along the last axis of `shape`:
  /// `start` in the output, `offset` and `step` in the broadcast source.
  private static func forEachRow(
    shape: [Int], strides: [Int], _ body: (Int, Int, Int, Int) -> Void
  ) {
    let count = shape.reduce(1, *)
    guard count > 0 else { return }
    guard let length = shape.last else {
      body(0, 0, 1, 0)
      return
    }
    let step = strides.last!
    let outer = shape.count - 1
    var index = [Int](repeating: 0, count: outer)
    var offset = 0
    var start = 0
    while start < count {
      body(start, offset, length, step)
      start += length
      var axis = outer - 1
      while axis >= 0 {
        index[axis] += 1
        offset += strides[axis]
        if index[axis] < shape[axis] { break }
        offset -= strides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }
}
