/// A TensorFlow / `keras.backend` / `keras.ops` function applied to Keras tensors
/// (`tf.math.abs`, `tf.math.reduce_mean(axis=[1, 2], keepdims=True)`, `tf.concat`, `x[:, 0]`):
/// what it computes and the static shape TensorFlow infers for it. `TensorFunctionLayer` wraps one
/// as the `TFOpLambda` (tf-keras) or operation (Keras 3) of a graph; the forward pass runs it
/// through `TensorFunctionKernel`.
public enum TensorFunction: Sendable, Equatable {
  /// Element-wise functions of one tensor.
  public enum Unary: String, Sendable, CaseIterable {
    case abs, sqrt, square, exp, log, log1p, negative, sign, rsqrt, reciprocal, floor, ceil, round
    /// TensorFlow's float32 `Sin` / `Cos` (`EigenMath.sin`, `EigenMath.cos`).
    case sin, cos
    case identity
    /// `tf.stop_gradient`: the value itself, with no gradient into its input.
    case stopGradient
    case relu, relu6, sigmoid, tanh, softplus, softsign, elu, selu, swish, gelu
    /// TensorFlow's `gelu(x, approximate=True)`: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
    case geluTanh
  }

  /// Element-wise functions of two operands (NumPy broadcasting), one of which may be a number.
  public enum Binary: String, Sendable, CaseIterable {
    case add, subtract, multiply, divide, maximum, minimum, power, squaredDifference
    /// Python's `//` on tensors (`tf.math.floordiv`): floor(a / b), which has no gradient.
    case floorDivide
    /// Comparisons (`x > 0` is `tf.math.greater`): 1 where true, 0 where false (TensorFlow's bool
    /// tensors, held as float32 here).
    case greater, less, greaterEqual, lessEqual
    /// `tf.equal` / `tf.not_equal`: 1 where the elements are (not) equal, 0 elsewhere.
    case equal, notEqual
    /// `K.binary_crossentropy(target, output, from_logits=)` element by element (the first
    /// operand is the target), as `keras.losses.binary_crossentropy` calls it.
    case binaryCrossentropy, binaryCrossentropyFromLogits
  }

  public enum Reduction: String, Sendable, CaseIterable {
    case sum, mean, max, min, prod
    /// TensorFlow's `reduce_variance` / `reduce_std`: the mean of squared deviations from the mean.
    case variance, standardDeviation
  }

  case unary(Unary)
  /// `constant` replaces the missing tensor operand (`tf.maximum(x, 1e-7)`); `constantFirst` when
  /// it comes first (`tf.pow(2.0, x)`).
  case binary(Binary, constant: Double?, constantFirst: Bool)
  /// `axes` nil reduces every axis (a scalar, shape `()`).
  case reduce(Reduction, axes: [Int]?, keepDims: Bool)
  /// `x / sqrt(max(sum(x**2, axes), epsilon))`.
  case l2Normalize(axes: [Int], epsilon: Double)
  case softmax(axis: Int)
  case logSoftmax(axis: Int)
  /// `tf.nn.leaky_relu(x, alpha=0.2)`.
  case leakyRelu(alpha: Double)
  case clip(min: Double, max: Double)
  case concat(axis: Int)
  case stack(axis: Int)
  case expandDims(axis: Int)
  case squeeze(axes: [Int])
  /// The full target shape, batch included; `-1` at most once.
  case reshape([Int])
  /// A permutation of all axes, batch included.
  case transpose([Int])
  /// `tf.tile(x, multiples)`: one multiple per axis, batch included; a multiple may be a tensor
  /// computed from shapes (`[tf.shape(x)[0], 1, 1]`: tensor input 0 is x, the others hold the
  /// multiples, see `ShapeEntry`).
  case tile([ShapeEntry])
  /// `tf.pad(x, paddings, constant_values=c)` (mode CONSTANT): (before, after) per axis.
  case pad([[Int]], value: Double)
  /// `tf.pad(x, paddings, "REFLECT")` / `"SYMMETRIC"` (`keras.ops.pad(mode="reflect")`): the
  /// padded positions mirror the input at each edge, without (REFLECT) or with (SYMMETRIC) the
  /// edge value itself.
  case mirrorPad([[Int]], symmetric: Bool)
  /// `tf.reverse(x, axes)` / Keras 3's `ops.flip(x, axis)`: the order of the values along each
  /// axis reversed (axes resolved, batch included).
  case reverse(axes: [Int])
  /// Keras 3's `ops.cumsum(x, axis)` / `ops.cumprod(x, axis)` (TensorFlow's `Cumsum` /
  /// `Cumprod`): running sums or products along one axis (resolved, batch included), each partial
  /// result rounded to float32 in order.
  case cumulative(product: Bool, axis: Int)
  /// `tf.image.resize(x, (height, width), method)`: `bilinear` or `nearest`, as `ResizeKernel`.
  case resize(height: Int, width: Int, method: String)
  case matmul(transposeA: Bool, transposeB: Bool)
  /// `x[...]`: see `TensorSlice`.
  case slice(TensorSlice)
  /// `x op c` for a constant tensor `c` (an eager tensor such as a position embedding looked up
  /// for `tf.range(...)`), broadcast as NumPy does; `c op x` when `constantFirst`.
  case constantOperand(Binary, ConstantTensor, constantFirst: Bool)
  /// A constant tensor (`tf.range(...)` inside a custom layer's `call`) made a value of the
  /// graph, so that a layer with weights can be called on it (a position `Embedding` whose table
  /// is the custom layer's): its one tensor input only places it in the graph.
  case constant(ConstantTensor)
  /// `tf.nn.depth_to_space(x, block_size)` (NHWC): each pixel's channels become a block x block
  /// square of pixels.
  case depthToSpace(blockSize: Int)
  /// `tf.nn.space_to_depth(x, block_size)` (NHWC): the inverse of `depthToSpace`.
  case spaceToDepth(blockSize: Int)
  /// `tf.image.extract_patches(x, sizes=[1, kh, kw, 1], strides=..., rates=..., padding=...)`
  /// (NHWC): every window's pixels as the channels of one output pixel.
  case extractPatches(size: [Int], strides: [Int], rates: [Int], same: Bool)
  /// `tf.nn.max_pool(x, ksize, strides, padding)` / `tf.nn.avg_pool` (NHWC, 2-D windows).
  case pool(PoolingKernel.Mode, size: [Int], strides: [Int], same: Bool)
  /// `tf.where(condition, x, y)`: x where the condition is non-zero, else y, all three
  /// broadcast; `x` / `y` nil when that operand is a tensor input (after the condition), a number
  /// otherwise.
  case select(x: Double?, y: Double?)
  /// `tf.one_hot(indices, depth)` / `keras.ops.one_hot`: a new axis of `depth` holding `on` at
  /// the index and `off` elsewhere (an index outside `0..<depth` gives only `off`).
  case oneHot(depth: Int, axis: Int, on: Double, off: Double)
  /// `tf.gather(x, [i, j, ...], axis=a)` / `keras.ops.take`: the listed positions of one axis;
  /// `scalar` for a single index, which removes the axis.
  case gather(indices: [Int], axis: Int, scalar: Bool)
  /// `tf.shape(x)`: the sizes of `x`'s axes as a vector (int32 in TensorFlow, whole numbers here).
  case shape
  /// `tf.reshape(x, [batch, -1, 48])` where some sizes are tensors computed from shapes
  /// (`tf.shape(x)[0]`): tensor input 0 is `x`, the others hold the sizes (see `ShapeEntry`).
  case dynamicReshape([ShapeEntry])
  /// `keras.ops.broadcast_to(x, shape)` / `tf.broadcast_to`: x repeated, NumPy's way, along the
  /// axes where it has size 1 or that it lacks on the left; sizes may be tensors computed from
  /// shapes (tensor input 0 is x, the others hold the sizes, see `ShapeEntry`).
  case broadcastTo([ShapeEntry])
  /// `tf.image.resize(x, tf.shape(skip)[1:3], method)`: a size that holds tensors (tensor input 0
  /// is the image, the others the sizes, see `ShapeEntry`).
  case dynamicResize([ShapeEntry], method: String)
  /// `tf.random.normal(shape)` / `K.random_normal(shape)` for a shape that holds tensors: seeded,
  /// deterministic deviates (not TensorFlow's); every tensor input is a size.
  case randomNormal([ShapeEntry], mean: Double, standardDeviation: Double, seed: Int)
  /// `tf.random.uniform(shape, minval, maxval)` / `K.random_uniform(shape, ...)` for a shape that
  /// holds tensors: seeded, deterministic values in [minimum, maximum) (not TensorFlow's).
  case randomUniform([ShapeEntry], minimum: Double, maximum: Double, seed: Int)

  /// The values of a constant tensor operand, row-major.
  public struct ConstantTensor: Sendable, Equatable {
    public let shape: [Int]
    public let values: [Float]
    /// Whether a `tf.function` holds the operand as a constant of its graph (a NumPy array),
    /// which Grappler folds (`x / c` becomes `x * (1 / c)`), rather than as a captured eager
    /// tensor (`tf.constant(...)` made outside), which it cannot (measured with both Kerases).
    public let isGraphConstant: Bool

    public init(shape: [Int], values: [Float], isGraphConstant: Bool = false) {
      self.shape = shape
      self.values = values
      self.isGraphConstant = isGraphConstant
    }
  }

  /// One size of a shape given as a list that mixes numbers and tensors.
  public enum ShapeEntry: Sendable, Equatable {
    /// A number (`-1`: inferred, as `tf.reshape` reads it).
    case size(Int)
    /// The value of the scalar tensor input number `input`.
    case scalar(input: Int)
    /// Every element of the vector tensor input number `input` (`tf.reshape(x, tf.shape(y))`).
    case vector(input: Int)
  }

  /// How many tensor inputs the function takes (nil: any number, as `tf.concat`).
  public var tensorCount: Int? {
    switch self {
    case .binary(_, let constant, _): return constant == nil ? 2 : 1
    case .matmul: return 2
    case .concat, .stack: return nil
    case .dynamicReshape(let entries), .dynamicResize(let entries, _),
      .broadcastTo(let entries), .tile(let entries):
      return 1 + ShapeEntry.tensorCount(entries)
    case .select(let x, let y): return 1 + (x == nil ? 1 : 0) + (y == nil ? 1 : 0)
    case .randomNormal(let entries, _, _, _), .randomUniform(let entries, _, _, _):
      return ShapeEntry.tensorCount(entries)
    default: return 1
    }
  }

  /// TensorFlow's static shape of the result; the batch axis is axis 0 like any other.
  public func outputShape(_ inputs: [TensorShape], name: String) throws(KerasError) -> TensorShape {
    let first = inputs[0]
    let rank = first.rank
    func axis(_ value: Int, rank: Int) throws(KerasError) -> Int {
      let resolved = value < 0 ? value + rank : value
      guard (0..<rank).contains(resolved) else {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): axis \(value) is out of bounds for a tensor of rank \(rank)"
        )
      }
      return resolved
    }
    switch self {
    case .reverse(let axes):
      for a in axes { _ = try axis(a, rank: rank) }
      return first
    case .cumulative(_, let a):
      _ = try axis(a, rank: rank)
      return first
    case .unary, .l2Normalize, .softmax, .logSoftmax, .leakyRelu, .clip:
      if case .l2Normalize(let axes, _) = self { for a in axes { _ = try axis(a, rank: rank) } }
      if case .softmax(let a) = self { _ = try axis(a, rank: rank) }
      if case .logSoftmax(let a) = self { _ = try axis(a, rank: rank) }
      return first
    case .binary:
      return try TensorFunction.broadcast(inputs, name: name)
    case .select:
      return try TensorFunction.broadcast(inputs, name: name)
    case .constant(let constant):
      return TensorShape(constant.shape.map { Optional($0) })
    case .constantOperand(_, let constant, let constantFirst):
      let other = TensorShape(constant.shape.map { Optional($0) })
      return try TensorFunction.broadcast(
        constantFirst ? [other, first] : [first, other], name: name)
    case .reduce(_, let axes, let keepDims):
      guard let axes else {
        return TensorShape(keepDims ? Array(repeating: 1, count: rank) : [])
      }
      var reduced = Set<Int>()
      for a in axes { reduced.insert(try axis(a, rank: rank)) }
      var dimensions: [Int?] = []
      for (index, size) in first.dimensions.enumerated() {
        if reduced.contains(index) {
          if keepDims { dimensions.append(1) }
        } else {
          dimensions.append(size)
        }
      }
      return TensorShape(dimensions)
    case .concat(let value):
      let resolved = try axis(value, rank: rank)
      var dimensions = first.dimensions
      for other in inputs.dropFirst() {
        guard other.rank == rank else {
          throw .value(
            "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): Shape must be rank \(rank) but is rank \(other.rank)"
          )
        }
        for index in 0..<rank {
          if index == resolved {
            if let a = dimensions[index], let b = other.dimensions[index] {
              dimensions[index] = a + b
            } else {
              dimensions[index] = nil
            }
          } else if let a = dimensions[index], let b = other.dimensions[index], a != b {
            throw .value(
              "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): Dimension \(index) in both shapes must be equal, but are \(a) and \(b). Shapes are \(first) and \(other)."
            )
          } else if dimensions[index] == nil {
            dimensions[index] = other.dimensions[index]
          }
        }
      }
      return TensorShape(dimensions)
    case .stack(let value):
      let resolved = try axis(value, rank: rank + 1)
      for other in inputs.dropFirst() where other.rank != rank {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): Shapes \(first) and \(other) are incompatible"
        )
      }
      var dimensions = first.dimensions
      dimensions.insert(inputs.count, at: resolved)
      return TensorShape(dimensions)
    case .expandDims(let value):
      let resolved = try axis(value, rank: rank + 1)
      var dimensions = first.dimensions
      dimensions.insert(1, at: resolved)
      return TensorShape(dimensions)
    case .squeeze(let axes):
      var removed = Set<Int>()
      for a in axes {
        let resolved = try axis(a, rank: rank)
        if let size = first.dimensions[resolved], size != 1 {
          throw .value(
            "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): Can not squeeze dim[\(resolved)], expected a dimension of 1, got \(size)"
          )
        }
        removed.insert(resolved)
      }
      return TensorShape(
        first.dimensions.enumerated().filter { !removed.contains($0.offset) }.map(\.element))
    case .reshape(let target):
      func error(_ message: String) -> KerasError {
        .value("Exception encountered when calling layer \"\(name)\" (type TFOpLambda): \(message)")
      }
      if let bad = target.first(where: { $0 < -1 }) {
        throw error("Dimension size must be >= -1, but got \(bad)")
      }

      // Sizes from the cell: products are checked (a product that does not fit is ConvBook's
      // refusal, never a wrapped number).
      func product(_ sizes: [Int]) throws(KerasError) -> Int {
        var result = 1
        for size in sizes {
          let (next, overflow) = result.multipliedReportingOverflow(by: size)
          guard !overflow else {
            throw KerasError.limitation(
              "ConvBook cannot reshape to \(TensorShape.tuple(target)): the number of elements does not fit in 64 bits"
            )
          }
          result = next
        }
        return result
      }
      let known = first.dimensions.allSatisfy { $0 != nil }
      // TensorFlow infers no size for two -1s of an input it does not fully know.
      if known, target.filter({ $0 == -1 }).count > 1 {
        throw error("Only one input size may be -1, not both 0 and 1")
      }
      let total = try product(first.dimensions.map { $0 ?? 1 })
      let fixed = try product(target.filter { $0 != -1 })
      if known, !target.contains(-1) ? fixed != total : (fixed == 0 || total % fixed != 0) {
        throw error(
          "Cannot reshape a tensor with \(total) elements to shape \(TensorShape.tuple(target))")
      }
      return TensorShape(
        target.map { size in size == -1 ? (known && fixed > 0 ? total / fixed : nil) : size })
    case .pad(let paddings, _), .mirrorPad(let paddings, _):
      // (TensorFlow's shape function does not check a mirror padding against the sizes; the
      // kernel does, as `MirrorPad` does when it runs.)
      guard paddings.count == rank,
        paddings.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0 >= 0 } })
      else {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): paddings must be a matrix with 2 columns and \(rank) rows of sizes >= 0"
        )
      }
      var dimensions: [Int?] = []
      for (size, pair) in zip(first.dimensions, paddings) {
        guard let size else {
          dimensions.append(nil)
          continue
        }
        let (padded, overflow) = size.addingReportingOverflow(pair[0])
        let (total, overflowAgain) = padded.addingReportingOverflow(pair[1])
        guard !overflow, !overflowAgain else {
          throw .limitation("ConvBook cannot pad an axis beyond 2^63 elements")
        }
        dimensions.append(total)
      }
      return TensorShape(dimensions)
    case .transpose(let permutation):
      guard permutation.count == rank, permutation.sorted() == Array(0..<rank) else {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): transpose expects a vector of size \(rank). But input(1) is a vector of size \(permutation.count)"
        )
      }
      return TensorShape(permutation.map { first.dimensions[$0] })
    case .resize(let height, let width, _):
      guard rank == 4 else {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): 'images' must have either 3 or 4 dimensions."
        )
      }
      return TensorShape([first.dimensions[0], height, width, first.dimensions[3]])
    case .matmul(let transposeA, let transposeB):
      let second = inputs[1]
      guard rank >= 2, second.rank >= 2 else {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): matmul needs tensors of rank 2 or more"
        )
      }
      var a = first.dimensions
      var b = second.dimensions
      if transposeA { a.swapAt(a.count - 1, a.count - 2) }
      if transposeB { b.swapAt(b.count - 1, b.count - 2) }
      if let inner = a[a.count - 1], let other = b[b.count - 2], inner != other {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): Matrix size-incompatible: In[0]: \(first), In[1]: \(second)"
        )
      }
      let batch = try TensorFunction.broadcast(
        [TensorShape(Array(a.dropLast(2))), TensorShape(Array(b.dropLast(2)))], name: name)
      return TensorShape(batch.dimensions + [a[a.count - 2], b[b.count - 1]])
    case .slice(let slice):
      return try slice.outputShape(first, name: name)
    case .oneHot(let depth, let value, _, _):
      let resolved = value == -1 ? rank : try axis(value, rank: rank + 1)
      guard depth >= 0 else {
        throw .value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): depth must be non-negative, got: \(depth)"
        )
      }
      var dimensions = first.dimensions
      dimensions.insert(depth, at: resolved)
      return TensorShape(dimensions)
    case .gather(let indices, let value, let scalar):
      // (Indices outside the axis fail when the model runs, as in TensorFlow.)
      let resolved = try axis(value, rank: rank)
      var dimensions = first.dimensions
      if scalar {
        dimensions.remove(at: resolved)
      } else {
        dimensions[resolved] = indices.count
      }
      return TensorShape(dimensions)
    case .depthToSpace, .spaceToDepth, .extractPatches, .shape, .dynamicReshape, .dynamicResize,
      .randomNormal, .randomUniform, .pool, .broadcastTo, .tile:
      return try outputShape(inputs, values: inputs.map { _ in nil }, name: name)
    }
  }

  /// TensorFlow's static broadcasting of full shapes (batch axis included).
  public static func broadcast(_ inputs: [TensorShape], name: String) throws(KerasError)
    -> TensorShape
  {
    var shape = inputs[0]
    for input in inputs.dropFirst() {
      guard let broadcast = shape.broadcast(with: input) else {
        let (i, j) = Self.firstMismatch(shape, input)
        throw KerasError.value(
          "Exception encountered when calling layer \"\(name)\" (type TFOpLambda): Dimensions must be equal, but are \(i) and \(j) for shapes \(inputs[0]) and \(input)"
        )
      }
      shape = broadcast
    }
    return shape
  }

  /// The first pair of sizes (from the left, aligned at the last axis) that cannot broadcast.
  private static func firstMismatch(_ a: TensorShape, _ b: TensorShape) -> (Int, Int) {
    let rank = max(a.rank, b.rank)
    let first = Array(repeating: 1, count: rank - a.rank) + a.dimensions
    let second = Array(repeating: 1, count: rank - b.rank) + b.dimensions
    for case (let i?, let j?) in zip(first, second) where i != j && i != 1 && j != 1 {
      return (i, j)
    }
    return (0, 0)
  }
}
