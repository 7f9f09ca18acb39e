import Foundation

/// The TensorFlow functions model code calls on tensors (`tf.abs`, `tf.reduce_mean`,
/// `tf.nn.l2_normalize`, `tf.transpose`, `tf.matmul`, `x[:, 0]`, ...), on full shapes (the batch
/// axis is axis 0 like any other). Sums accumulate in Double and round once.
public enum TensorFunctionKernel {
  /// Element-wise functions that are not Keras activations (those go through `ActivationKernel`).
  public enum Unary: Sendable {
    case abs, sqrt, square, exp, log, log1p, negative, sign, rsqrt, reciprocal, floor, ceil, round
    /// Eigen's packet functions value by value; a whole tensor goes through `EigenMath`, whose
    /// last `count % 8` values are the C library's (`apply(_:_:)`).
    case sin, cos

    func apply(_ x: Float) -> Float {
      switch self {
      case .abs: return Swift.abs(x)
      case .sqrt: return x.squareRoot()
      case .square: return x * x
      case .exp: return Foundation.exp(x)
      case .log: return Foundation.log(x)
      case .log1p: return Foundation.log1p(x)
      case .negative: return -x
      case .sign: return x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? .nan : 0))
      case .rsqrt: return 1 / x.squareRoot()
      case .reciprocal: return 1 / x
      case .floor: return x.rounded(.down)
      case .ceil: return x.rounded(.up)
      // TensorFlow rounds half to even.
      case .round: return x.rounded(.toNearestOrEven)
      case .sin: return EigenMath.sinCosLane(EigenMath.flush(x), sine: true)
      case .cos: return EigenMath.sinCosLane(EigenMath.flush(x), sine: false)
      }
    }
  }

  public enum Binary: Sendable {
    case add, subtract, multiply, divide, maximum, minimum, power, squaredDifference
    case floorDivide
    case greater, less, greaterEqual, lessEqual, equal, notEqual
    /// `K.binary_crossentropy(target, output)`: `a` the target, `b` a probability (clipped to
    /// [1e-7, 1 - 1e-7]) or, `FromLogits`, a logit.
    case binaryCrossentropy, binaryCrossentropyFromLogits

    /// The merge layers' arithmetic (one definition, `ElementwiseKernel.Operation`), then the two
    /// TensorFlow functions only tensor functions have.
    @inline(__always)
    func apply(_ a: Float, _ b: Float) -> Float {
      switch self {
      case .add: return ElementwiseKernel.Operation.add.apply(a, b)
      case .subtract: return ElementwiseKernel.Operation.subtract.apply(a, b)
      case .multiply: return ElementwiseKernel.Operation.multiply.apply(a, b)
      case .divide: return ElementwiseKernel.Operation.divide.apply(a, b)
      case .maximum: return ElementwiseKernel.Operation.maximum.apply(a, b)
      case .minimum: return ElementwiseKernel.Operation.minimum.apply(a, b)
      case .power: return Foundation.pow(a, b)
      case .squaredDifference: return (a - b) * (a - b)
      case .floorDivide: return (a / b).rounded(.down)
      case .greater: return a > b ? 1 : 0
      case .less: return a < b ? 1 : 0
      case .greaterEqual: return a >= b ? 1 : 0
      case .lessEqual: return a <= b ? 1 : 0
      case .equal: return a == b ? 1 : 0
      case .notEqual: return a != b ? 1 : 0
      case .binaryCrossentropy:
        let epsilon: Float = 1e-7
        let p = Swift.min(Swift.max(b, epsilon), 1 - epsilon)
        return -(a * Foundation.log(p + epsilon) + (1 - a) * Foundation.log(1 - p + epsilon))
      case .binaryCrossentropyFromLogits:
        // TensorFlow's sigmoid_cross_entropy_with_logits: max(z, 0) - z * t + log(1 + exp(-|z|)).
        return Swift.max(b, 0) - b * a + Foundation.log1p(Foundation.exp(-Swift.abs(b)))
      }
    }
  }

  public enum Reduction: Sendable {
    case sum, mean, max, min, prod
  }

  /// input (any shape) -> same shape
  public static func apply(_ function: Unary, _ tensor: inout Tensor) {
    if function == .sin || function == .cos {
      // One TensorFlow op over the whole tensor: its tail is the C library's.
      tensor.withUnsafeMutableBufferPointer { values in
        let computed =
          function == .sin ? EigenMath.sin(Array(values)) : EigenMath.cos(Array(values))
        for index in values.indices { values[index] = computed[index] }
      }
      return
    }
    tensor.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] = function.apply(values[index]) }
    }
  }

  /// x (A), y (B) -> broadcast(A, B)
  public static func combine(_ x: Tensor, _ y: Tensor, _ function: Binary) throws(KernelError)
    -> Tensor
  {
    guard let shape = ElementwiseKernel.broadcastShape(x.shape, y.shape) else {
      throw KernelError("cannot broadcast shapes \(x.shape) and \(y.shape)")
    }
    let a = try ElementwiseKernel.broadcast(x, to: shape)
    let b = try ElementwiseKernel.broadcast(y, to: shape)
    return Tensor(uninitializedShape: shape) { output in
      a.withUnsafeBufferPointer { first in
        b.withUnsafeBufferPointer { second in
          for index in output.indices {
            output[index] = function.apply(first[index], second[index])
          }
        }
      }
    }
  }

  /// `f(x, c)`, or `f(c, x)` when `constantFirst`. x (any shape) -> same shape
  public static func combine(
    _ tensor: inout Tensor, constant: Float, _ function: Binary, constantFirst: Bool
  ) {
    tensor.withUnsafeMutableBufferPointer { values in
      for index in values.indices {
        values[index] =
          constantFirst
          ? function.apply(constant, values[index]) : function.apply(values[index], constant)
      }
    }
  }

  /// `min(max(x, low), high)`. x (any shape) -> same shape
  public static func clip(_ tensor: inout Tensor, low: Float, high: Float) {
    tensor.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] = Swift.min(Swift.max(values[index], low), high) }
    }
  }

  /// Reduces `axes` (distinct, resolved) keeping them as size 1.
  /// input (S) -> output (S with every axis of `axes` set to 1)
  public static func reduce(_ input: Tensor, axes: Set<Int>, _ reduction: Reduction) -> Tensor {
    let shape = input.shape
    let rank = shape.count
    let outShape = shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
    var outStrides = [Int](repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) {
      outStrides[axis] = outStrides[axis + 1] * outShape[axis + 1]
    }
    let outCount = outShape.reduce(1, *)
    let reducedCount = axes.reduce(1) { $0 * shape[$1] }
    var accumulators = [Double](
      repeating: {
        switch reduction {
        case .sum, .mean: return 0
        case .prod: return 1
        case .max: return -.infinity
        case .min: return .infinity
        }
      }(), count: outCount)
    input.withUnsafeBufferPointer { source in
      var index = [Int](repeating: 0, count: rank)
      var target = 0
      for position in 0..<source.count {
        let value = Double(source[position])
        switch reduction {
        case .sum, .mean: accumulators[target] += value
        case .prod: accumulators[target] *= value
        case .max:
          accumulators[target] = value.isNaN ? .nan : Swift.max(accumulators[target], value)
        case .min:
          accumulators[target] = value.isNaN ? .nan : Swift.min(accumulators[target], value)
        }
        var axis = rank - 1
        while axis >= 0 {
          index[axis] += 1
          if !axes.contains(axis) { target += outStrides[axis] }
          if index[axis] < shape[axis] { break }
          if !axes.contains(axis) { target -= outStrides[axis] * shape[axis] }
          index[axis] = 0
          axis -= 1
        }
      }
    }
    return Tensor(uninitializedShape: outShape) { output in
      for index in output.indices {
        let value = accumulators[index]
        output[index] = Float(
          reduction == .mean ? value / Double(Swift.max(reducedCount, 1)) : value)
      }
    }
  }

  /// TensorFlow's `l2_normalize`: `x * rsqrt(max(sum(x**2, axes, keepdims), epsilon))`.
  /// x (S) -> same shape
  public static func l2Normalize(_ input: Tensor, axes: Set<Int>, epsilon: Float)
    throws(KernelError) -> Tensor
  {
    var squares = input
    apply(.square, &squares)
    var norms = reduce(squares, axes: axes, .sum)
    norms.withUnsafeMutableBufferPointer { values in
      for index in values.indices {
        values[index] = 1 / Swift.max(values[index], epsilon).squareRoot()
      }
    }
    var output = input
    try ElementwiseKernel.combine(&output, with: norms, .multiply)
    return output
  }

  /// `tf.pad` with a constant: `before[i]` and `after[i]` positions of `value` around each axis.
  /// input (S) -> output (S[i] + before[i] + after[i])
  public static func pad(_ input: Tensor, before: [Int], after: [Int], value: Float)
    throws(KernelError) -> Tensor
  {
    let rank = input.rank
    guard before.count == rank, after.count == rank else {
      throw KernelError("pad needs one (before, after) pair per axis of \(input.shape)")
    }
    let outShape = (0..<rank).map { input.shape[$0] + before[$0] + after[$0] }
    var output = try Tensor(shape: outShape, repeating: value)
    guard input.count > 0 else { return output }
    var outStrides = [Int](repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) {
      outStrides[axis] = outStrides[axis + 1] * outShape[axis + 1]
    }
    let start = (0..<rank).reduce(0) { $0 + before[$1] * outStrides[$1] }
    let shape = input.shape
    input.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        var index = [Int](repeating: 0, count: rank)
        var offset = start
        for position in 0..<source.count {
          target[offset] = source[position]
          RowMajorIndex.advance(&index, offset: &offset, strides: outStrides, in: shape)
        }
      }
    }
    return output
  }

  /// `tf.reverse(x, axes)`: each output position reads the input position mirrored along the
  /// listed axes (each at most once).
  /// input (S) -> output (S)
  public static func reverse(_ input: Tensor, axes: [Int]) throws(KernelError) -> Tensor {
    let shape = input.shape
    guard axes.allSatisfy({ $0 >= 0 && $0 < shape.count }), Set(axes).count == axes.count else {
      throw KernelError("reverse needs distinct axes of \(shape)")
    }
    var output = try Tensor(shape: shape)
    let count = input.count
    guard count > 0 else { return output }
    var strides = [Int](repeating: 1, count: shape.count)
    for axis in stride(from: shape.count - 2, through: 0, by: -1) {
      strides[axis] = strides[axis + 1] * shape[axis + 1]
    }
    let flipped = Set(axes)
    input.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for index in 0..<count {
          var rest = index
          var from = 0
          for axis in 0..<shape.count {
            let coordinate = rest / strides[axis]
            rest -= coordinate * strides[axis]
            let read = flipped.contains(axis) ? shape[axis] - 1 - coordinate : coordinate
            from += read * strides[axis]
          }
          target[index] = source[from]
        }
      }
    }
    return output
  }

  /// TensorFlow's `Cumsum` / `Cumprod` along `axis`: each output is the running sum (product)
  /// of the input up to its position, rounded to float32 after every step.
  /// input (S) -> output (S)
  public static func cumulative(_ input: Tensor, axis: Int, product: Bool) throws(KernelError)
    -> Tensor
  {
    let shape = input.shape
    guard axis >= 0, axis < shape.count else {
      throw KernelError("cumulative needs an axis of \(shape)")
    }
    var output = input
    let size = shape[axis]
    let inner = shape[(axis + 1)...].reduce(1, *)
    let outer = shape[..<axis].reduce(1, *)
    guard size > 0, inner > 0 else { return output }
    output.withUnsafeMutableBufferPointer { values in
      for o in 0..<outer {
        for i in 0..<inner {
          var running: Float = product ? 1 : 0
          for k in 0..<size {
            let index = (o * size + k) * inner + i
            running = product ? running * values[index] : running + values[index]
            values[index] = running
          }
        }
      }
    }
    return output
  }

  /// `tf.pad` in mode REFLECT (the edge value is not repeated) or SYMMETRIC (it is): each padded
  /// position reads the input position mirrored at the axis' edge, so REFLECT needs each padding
  /// below the axis' size and SYMMETRIC at most that size (TensorFlow's `MirrorPad` checks).
  /// input (S) -> output (S[i] + before[i] + after[i])
  public static func mirrorPad(_ input: Tensor, before: [Int], after: [Int], symmetric: Bool)
    throws(KernelError) -> Tensor
  {
    let rank = input.rank
    guard before.count == rank, after.count == rank else {
      throw KernelError("pad needs one (before, after) pair per axis of \(input.shape)")
    }
    let shape = input.shape
    // One map per axis from output to input coordinates.
    var maps: [[Int]] = []
    for axis in 0..<rank {
      let size = shape[axis]
      let (low, high) = (before[axis], after[axis])
      guard low >= 0, high >= 0 else { throw KernelError("paddings must be non-negative") }
      if symmetric {
        guard low <= size, high <= size else {
          throw KernelError(
            "paddings must be no greater than the dimension size: \(low), \(high) greater than \(size)"
          )
        }
      } else {
        guard low < size, high < size else {
          throw KernelError(
            "paddings must be less than the dimension size: \(low), \(high) not less than \(size)")
        }
      }
      maps.append(
        (0..<(size + low + high)).map { position in
          let source = position - low
          if source < 0 { return symmetric ? -source - 1 : -source }
          if source >= size { return symmetric ? 2 * size - 1 - source : 2 * size - 2 - source }
          return source
        })
    }
    let outShape = maps.map(\.count)
    var output = try Tensor(shape: outShape)
    guard output.count > 0 else { return output }
    var inStrides = [Int](repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) {
      inStrides[axis] = inStrides[axis + 1] * shape[axis + 1]
    }
    input.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        var index = [Int](repeating: 0, count: rank)
        for position in 0..<target.count {
          var offset = 0
          for axis in 0..<rank { offset += maps[axis][index[axis]] * inStrides[axis] }
          target[position] = source[offset]
          RowMajorIndex.advance(&index, in: outShape)
        }
      }
    }
    return output
  }

  /// input (S) -> output (S permuted by `permutation`, a permutation of all axes)
  public static func transpose(_ input: Tensor, permutation: [Int]) throws(KernelError) -> Tensor {
    let rank = input.rank
    guard permutation.count == rank, permutation.sorted() == Array(0..<rank) else {
      throw KernelError("transpose needs a permutation of 0..<\(rank), got \(permutation)")
    }
    var inStrides = [Int](repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) {
      inStrides[axis] = inStrides[axis + 1] * input.shape[axis + 1]
    }
    let outShape = permutation.map { input.shape[$0] }
    let strides = permutation.map { inStrides[$0] }
    return gather(input, shape: outShape, start: 0, strides: strides)
  }

  /// `tf.nn.depth_to_space` (NHWC): x (N, H, W, C) -> (N, H*b, W*b, C/b^2), where
  /// output[n, h*b + i, w*b + j, c] = x[n, h, w, (i*b + j) * C/b^2 + c].
  public static func depthToSpace(_ input: Tensor, blockSize b: Int) throws(KernelError)
    -> Tensor
  {
    let s = input.shape
    guard s.count == 4, b >= 1, s[3] % (b * b) == 0 else {
      throw KernelError("depth_to_space needs NHWC channels divisible by \(b * b), got \(s)")
    }
    let depth = s[3] / (b * b)
    let blocks = try input.reshaped([s[0], s[1], s[2], b, b, depth])
    return try transpose(blocks, permutation: [0, 1, 3, 2, 4, 5])
      .reshaped([s[0], s[1] * b, s[2] * b, depth])
  }

  /// `tf.nn.space_to_depth` (NHWC): x (N, H, W, C) -> (N, H/b, W/b, C*b^2), the inverse of
  /// `depthToSpace`.
  public static func spaceToDepth(_ input: Tensor, blockSize b: Int) throws(KernelError)
    -> Tensor
  {
    let s = input.shape
    guard s.count == 4, b >= 1, s[1] % b == 0, s[2] % b == 0 else {
      throw KernelError("space_to_depth needs NHWC height and width divisible by \(b), got \(s)")
    }
    let blocks = try input.reshaped([s[0], s[1] / b, b, s[2] / b, b, s[3]])
    return try transpose(blocks, permutation: [0, 1, 3, 2, 4, 5])
      .reshaped([s[0], s[1] / b, s[2] / b, b * b * s[3]])
  }

  /// `tf.image.extract_patches` (NHWC): x (N, H, W, C) -> (N, outH, outW, kh*kw*C), each output
  /// pixel holding the window at its position row by row, pixel by pixel, channel by channel;
  /// positions in the padding (`padBefore` rows and columns, TensorFlow's `SAME`) read 0.
  public static func extractPatches(
    _ input: Tensor, size: [Int], strides: [Int], rates: [Int], padBefore: [Int],
    outputSize: [Int]
  ) -> Tensor {
    let s = input.shape
    let (batch, height, width, channels) = (s[0], s[1], s[2], s[3])
    let (kh, kw) = (size[0], size[1])
    let depth = kh * kw * channels
    return Tensor(uninitializedShape: [batch, outputSize[0], outputSize[1], depth]) { output in
      input.withUnsafeBufferPointer { source in
        var position = 0
        for n in 0..<batch {
          for oy in 0..<outputSize[0] {
            for ox in 0..<outputSize[1] {
              for i in 0..<kh {
                let y = oy * strides[0] + i * rates[0] - padBefore[0]
                for j in 0..<kw {
                  let x = ox * strides[1] + j * rates[1] - padBefore[1]
                  let inside = y >= 0 && y < height && x >= 0 && x < width
                  let base = ((n * height + y) * width + x) * channels
                  for c in 0..<channels {
                    output[position] = inside ? source[base + c] : 0
                    position += 1
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// `tf.where` on tensors of one shape: x where the condition is non-zero, else y.
  public static func select(_ condition: Tensor, _ x: Tensor, _ y: Tensor) -> Tensor {
    Tensor(uninitializedShape: condition.shape) { output in
      condition.withUnsafeBufferPointer { c in
        x.withUnsafeBufferPointer { a in
          y.withUnsafeBufferPointer { b in
            for index in output.indices { output[index] = c[index] != 0 ? a[index] : b[index] }
          }
        }
      }
    }
  }

  /// `tf.one_hot`: x (any shape, whole numbers) -> x's shape with `depth` inserted at `axis`.
  public static func oneHot(_ input: Tensor, depth: Int, axis: Int, on: Float, off: Float)
    throws(KernelError) -> Tensor
  {
    var shape = input.shape
    guard (0...shape.count).contains(axis), depth >= 0 else {
      throw KernelError("one_hot needs an axis in 0...\(shape.count) and a depth >= 0")
    }
    let outer = shape[..<axis].reduce(1, *)
    let inner = shape[axis...].reduce(1, *)
    shape.insert(depth, at: axis)
    return Tensor(uninitializedShape: shape) { output in
      input.withUnsafeBufferPointer { indices in
        for o in 0..<outer {
          for k in 0..<depth {
            for i in 0..<inner {
              let index = indices[o * inner + i]
              output[(o * depth + k) * inner + i] = index == Float(k) ? on : off
            }
          }
        }
      }
    }
  }

  /// `tf.gather` along `axis` with valid `indices`: the axis becomes `indices.count` long.
  public static func gather(_ input: Tensor, indices: [Int], axis: Int) throws(KernelError)
    -> Tensor
  {
    var shape = input.shape
    guard shape.indices.contains(axis), indices.allSatisfy({ (0..<shape[axis]).contains($0) })
    else {
      throw KernelError("gather indices \(indices) out of range for axis \(axis) of \(shape)")
    }
    let outer = shape[..<axis].reduce(1, *)
    let inner = shape[(axis + 1)...].reduce(1, *)
    let size = shape[axis]
    shape[axis] = indices.count
    return Tensor(uninitializedShape: shape) { output in
      input.withUnsafeBufferPointer { source in
        var position = 0
        for o in 0..<outer {
          for index in indices {
            let base = (o * size + index) * inner
            for i in 0..<inner {
              output[position] = source[base + i]
              position += 1
            }
          }
        }
      }
    }
  }

  /// A strided view copied out: output[i0, ..., ik] = input[start + sum(i_j * strides[j])].
  static func gather(_ input: Tensor, shape: [Int], start: Int, strides: [Int]) -> Tensor {
    let rank = shape.count
    return Tensor(uninitializedShape: shape) { output in
      guard output.count > 0 else { return }
      input.withUnsafeBufferPointer { source in
        var index = [Int](repeating: 0, count: rank)
        var offset = start
        for position in 0..<output.count {
          output[position] = source[offset]
          RowMajorIndex.advance(&index, offset: &offset, strides: strides, in: shape)
        }
      }
    }
  }

  /// One input axis of a slice: read `count` positions from `start` by `step`, or one position
  /// (`count` nil) and drop the axis.
  public struct SliceAxis: Sendable {
    public let start: Int
    public let step: Int
    public let count: Int?

    public init(start: Int, step: Int, count: Int?) {
      self.start = start
      self.step = step
      self.count = count
    }
  }

  /// `axes` has one entry per input axis; the result has the kept axes, then reshaped to
  /// `outputShape` (which adds the new axes of size 1). input (S) -> output (outputShape)
  public static func slice(_ input: Tensor, axes: [SliceAxis], outputShape: [Int])
    throws(KernelError) -> Tensor
  {
    let rank = input.rank
    guard axes.count == rank else {
      throw KernelError("a slice of \(axes.count) axes for a tensor of shape \(input.shape)")
    }
    var inStrides = [Int](repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) {
      inStrides[axis] = inStrides[axis + 1] * input.shape[axis + 1]
    }
    var start = 0
    var shape: [Int] = []
    var strides: [Int] = []
    for (axis, entry) in axes.enumerated() {
      let count = entry.count ?? 1
      guard
        count == 0
          || (entry.start >= 0 && entry.start < input.shape[axis]
            && entry.start + (count - 1) * entry.step >= 0
            && entry.start + (count - 1) * entry.step < input.shape[axis])
      else {
        throw KernelError("slice of axis \(axis) leaves the shape \(input.shape)")
      }
      start += entry.start * inStrides[axis]
      if entry.count != nil {
        shape.append(count)
        strides.append(entry.step * inStrides[axis])
      }
    }
    if shape.contains(0) { return try Tensor(shape: outputShape) }
    return try gather(input, shape: shape, start: start, strides: strides).reshaped(outputShape)
  }

  /// Batched matrix product with NumPy broadcasting of the batch axes.
  /// a (..., M, K), b (..., K, N) (after the optional transpositions) -> (..., M, N)
  public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool)
    throws(KernelError) -> Tensor
  {
    guard a.rank >= 2, b.rank >= 2 else {
      throw KernelError("matmul needs tensors of rank 2 or more, got \(a.shape) and \(b.shape)")
    }
    let (aRows, aColumns) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
    let (bRows, bColumns) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
    let m = transposeA ? aColumns : aRows
    let k = transposeA ? aRows : aColumns
    let n = transposeB ? bRows : bColumns
    guard k == (transposeB ? bColumns : bRows),
      let batch = ElementwiseKernel.broadcastShape(
        Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)))
    else {
      throw KernelError("matmul of incompatible shapes \(a.shape) and \(b.shape)")
    }
    let left = try ElementwiseKernel.broadcast(
      a, to: batch + [aRows, aColumns])
    let right = try ElementwiseKernel.broadcast(b, to: batch + [bRows, bColumns])
    let batches = batch.reduce(1, *)
    return Tensor(uninitializedShape: batch + [m, n]) { output in
      left.withUnsafeBufferPointer { x in
        right.withUnsafeBufferPointer { y in
          for sample in 0..<batches {
            let xBase = sample * aRows * aColumns
            let yBase = sample * bRows * bColumns
            for i in 0..<m {
              for j in 0..<n {
                var sum: Double = 0
                for p in 0..<k {
                  let u = transposeA ? x[xBase + p * aColumns + i] : x[xBase + i * aColumns + p]
                  let v = transposeB ? y[yBase + j * bColumns + p] : y[yBase + p * bColumns + j]
                  sum += Double(u) * Double(v)
                }
                output[sample * m * n + i * n + j] = Float(sum)
              }
            }
          }
        }
      }
    }
  }
}
