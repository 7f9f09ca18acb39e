import CNNKernels
import Foundation

/// The backward pass of a `TensorFunction` (tf-keras' `TFOpLambda` / `SlicingOpLambda`, Keras 3's
/// operations, and the steps of a traced `Lambda`), following TensorFlow's registered gradients:
///
/// - element-wise functions: their derivative at the input (`abs`: the sign, 0 at 0; `sqrt`:
///   `0.5 / y`; `relu`: where the output is positive; `sign`, `floor`, `ceil`, `round`: zero);
/// - two-operand functions broadcast as NumPy does, and an operand's gradient is summed over the
///   positions it was repeated to (`maximum` sends a tie to its first operand, `greater_equal`);
/// - reductions spread the gradient back over the reduced axes (`max`/`min` share it equally
///   between tied positions, as TensorFlow does);
/// - `l2_normalize`, `softmax`, `log_softmax`, `clip` (nothing outside the bounds), `leaky_relu`;
/// - functions that only move values (`concat`, `stack`, `reshape`, `expand_dims`, `squeeze`,
///   `transpose`, `tile`, `pad`, slicing) send each output position's gradient back to the input
///   position it was copied from: the forward pass is run once on inputs holding their own
///   positions, which says where every value came from.
///
/// `matmul` and `resize` (linear maps) send the gradient back through their transposes. What has
/// no backward pass here (`resize` by area, as in TensorFlow) is refused by
/// `refusal`, naming the function.
enum TensorFunctionGradient {
  /// Why ConvBook cannot train through `function`, or nil when it can.
  static func refusal(_ function: TensorFunction) -> String? {
    switch function {
    case .unary, .binary, .constantOperand, .select, .l2Normalize, .softmax, .logSoftmax,
      .leakyRelu, .clip:
      return nil
    case .reduce: return nil
    case .concat, .stack, .expandDims, .squeeze, .reshape, .transpose, .tile, .pad, .mirrorPad,
      .reverse, .slice,
      .depthToSpace, .spaceToDepth, .extractPatches, .shape, .dynamicReshape, .randomNormal,
      .randomUniform,
      .oneHot, .gather, .constant, .broadcastTo:
      return nil
    case .resize(_, _, let method), .dynamicResize(_, let method):
      // TensorFlow has no gradient for ResizeArea either.
      return method == "area" ? "resize with method='area'" : nil
    case .matmul: return nil
    case .cumulative(let product, _): return product ? "keras.ops.cumprod" : nil
    case .pool(let mode, _, _, _):
      return mode == .max ? "tf.nn.max_pool" : "tf.nn.avg_pool"
    }
  }

  /// The gradient of each tensor input from the output's gradient.
  static func backward(
    _ function: TensorFunction, gradient g: [Float], inputs: [Tensor], outputShape: [Int]
  ) throws(KernelError) -> [[Float]] {
    let x = inputs[0].scalars
    func output() throws(KernelError) -> [Float] {
      try TensorFunctionStep.run(function, inputs, outputShape: outputShape).scalars
    }
    switch function {
    case .pool:
      // Refused before training starts (`refusal`).
      throw KernelError("no backward pass of TensorFlow's pooling functions")
    case .cumulative(let product, let axis):
      guard !product else { throw KernelError("no backward pass of keras.ops.cumprod here") }
      // Each input value adds to every later running sum: the gradient summed from the end.
      var gradient = try Tensor(shape: inputs[0].shape, scalars: g)
      gradient = try TensorFunctionKernel.reverse(gradient, axes: [axis])
      gradient = try TensorFunctionKernel.cumulative(gradient, axis: axis, product: false)
      return [try TensorFunctionKernel.reverse(gradient, axes: [axis]).scalars]
    case .unary(let unary):
      return [try unaryBackward(unary, g, x: x, y: unary.usesOutput ? output() : [])]
    case .binary(let binary, let constant, let constantFirst):
      if let constant {
        let c = Float(constant)
        return [
          g.indices.map {
            constantBackward(binary, g[$0], x: x[$0], c: c, constantFirst: constantFirst)
          }
        ]
      }
      return binaryBackward(binary, g, inputs[0], inputs[1], outputShape: outputShape)
    case .select(let xConstant, let yConstant):
      // The condition gets none; x the gradient where it was chosen, y elsewhere.
      let condition = try ElementwiseKernel.broadcast(inputs[0], to: outputShape).scalars
      var result: [[Float]] = [[Float](repeating: 0, count: inputs[0].count)]
      var next = 1
      for (constant, chosen) in [(xConstant, true), (yConstant, false)] where constant == nil {
        let input = inputs[next]
        next += 1
        let picked = g.indices.map { (condition[$0] != 0) == chosen ? g[$0] : 0 }
        result.append(
          sum(
            picked, MergeTraining.broadcastIndices(from: input.shape, to: outputShape),
            count: input.count))
      }
      return result
    case .constantOperand(let binary, let constant, let constantFirst):
      let c = try Tensor(shape: constant.shape, scalars: constant.values)
      let parts = binaryBackward(
        binary, g, constantFirst ? c : inputs[0], constantFirst ? inputs[0] : c,
        outputShape: outputShape)
      return [constantFirst ? parts[1] : parts[0]]
    case .reduce(let reduction, let axes, _):
      return [try reduceBackward(reduction, axes: axes, g, input: inputs[0])]
    case .l2Normalize(let axes, let epsilon):
      return [l2NormalizeBackward(g, input: inputs[0], axes: axes, epsilon: Float(epsilon))]
    case .softmax(let axis), .logSoftmax(let axis):
      var log = false
      if case .logSoftmax = function { log = true }
      var y = inputs[0]
      try ActivationKernel.applyInPlace(.softmax(axis: axis), to: &y)
      return [softmaxBackward(g, softmax: y, axis: axis, log: log)]
    case .leakyRelu(let alpha):
      let slope = Float(alpha)
      return [g.indices.map { x[$0] > 0 ? g[$0] : g[$0] * slope }]
    case .clip(let low, let high):
      let (a, b) = (Float(low), Float(high))
      return [g.indices.map { x[$0] < a || x[$0] > b ? 0 : g[$0] }]
    case .concat, .stack, .expandDims, .squeeze, .reshape, .transpose, .tile, .slice, .mirrorPad,
      .reverse, .depthToSpace, .spaceToDepth, .extractPatches, .gather:
      // (Patches read padding as 0, which marks "no position".)
      return try movementBackward(function, g, inputs: inputs, outputShape: outputShape)
    case .dynamicReshape:
      // The sizes are whole numbers computed from shapes: no gradient flows into them.
      return [g] + inputs.dropFirst().map { [Float](repeating: 0, count: $0.count) }
    case .broadcastTo:
      // Each value of x gets the sum of the gradient over the positions it was repeated to.
      let map = MergeTraining.broadcastIndices(from: inputs[0].shape, to: outputShape)
      return [sum(g, map, count: inputs[0].count)]
        + inputs.dropFirst().map { [Float](repeating: 0, count: $0.count) }
    case .shape, .randomNormal, .randomUniform, .oneHot, .constant:
      // (One-hot reads whole-number indices, which have no gradient.)
      // Values that depend on no input value (sizes, random deviates).
      return inputs.map { [Float](repeating: 0, count: $0.count) }
    case .pad(let paddings, _):
      // Padded positions come from no input: pad with 0, which marks "no position" below.
      return try movementBackward(
        .pad(paddings, value: 0), g, inputs: inputs, outputShape: outputShape)
    case .resize(_, _, let method), .dynamicResize(_, let method):
      return [try resizeBackward(g, input: inputs[0], outputShape: outputShape, method: method)]
        + inputs.dropFirst().map { [Float](repeating: 0, count: $0.count) }
    case .matmul(let transposeA, let transposeB):
      return try matmulBackward(
        g, inputs[0], inputs[1], outputShape: outputShape, transposeA: transposeA,
        transposeB: transposeB)
    }
  }

  // MARK: Linear maps

  /// `op(a) · op(b)`: the gradient of op(a) is g · op(b)ᵀ, of op(b) op(a)ᵀ · g (as the matrices
  /// each input holds), summed over the batch axes broadcasting repeated.
  private static func matmulBackward(
    _ g: [Float], _ a: Tensor, _ b: Tensor, outputShape: [Int], transposeA: Bool,
    transposeB: Bool
  ) throws(KernelError) -> [[Float]] {
    let gradient = try Tensor(shape: outputShape, scalars: g)
    let da =
      transposeA
      ? try TensorFunctionKernel.matmul(b, gradient, transposeA: transposeB, transposeB: true)
      : try TensorFunctionKernel.matmul(gradient, b, transposeA: false, transposeB: !transposeB)
    let db =
      transposeB
      ? try TensorFunctionKernel.matmul(gradient, a, transposeA: true, transposeB: transposeA)
      : try TensorFunctionKernel.matmul(a, gradient, transposeA: !transposeA, transposeB: false)
    return [
      sum(da.scalars, MergeTraining.broadcastIndices(from: a.shape, to: da.shape), count: a.count),
      sum(db.scalars, MergeTraining.broadcastIndices(from: b.shape, to: db.shape), count: b.count),
    ]
  }

  /// `tf.image.resize` is linear and separable: output = Rh · image · Rwᵀ per sample and
  /// channel, so the image's gradient is Rhᵀ · g · Rw. Each axis' matrix is read off the forward
  /// kernel run on one-hot columns (an axis resized while the other stays 1 wide).
  private static func resizeBackward(
    _ g: [Float], input: Tensor, outputShape: [Int], method: String
  ) throws(KernelError) -> [Float] {
    let (batch, height, width, channels) = (
      input.shape[0], input.shape[1], input.shape[2], input.shape[3]
    )
    let (outHeight, outWidth) = (outputShape[1], outputShape[2])
    /// matrix[o * size + i]: how much input position i adds to output position o along one axis.
    func axisMatrix(size: Int, output: Int, alongHeight: Bool) throws(KernelError) -> [Float] {
      var oneHot = [Float](repeating: 0, count: size * size)
      for i in 0..<size { oneHot[i * size + i] = 1 }
      let shape = alongHeight ? [1, size, 1, size] : [1, 1, size, size]
      let resized = try PreprocessingKernels.resize(
        try Tensor(shape: shape, scalars: oneHot),
        size: alongHeight ? [output, 1] : [1, output], method: method, threads: 1)
      return resized.scalars
    }
    let rows = try axisMatrix(size: height, output: outHeight, alongHeight: true)
    let columns = try axisMatrix(size: width, output: outWidth, alongHeight: false)
    // Along the width first: (N, OH, W, C), then along the height: (N, H, W, C).
    var partial = [Float](repeating: 0, count: batch * outHeight * width * channels)
    for n in 0..<batch {
      for o in 0..<outHeight {
        for p in 0..<outWidth {
          let source = ((n * outHeight + o) * outWidth + p) * channels
          for j in 0..<width {
            let weight = columns[p * width + j]
            if weight == 0 { continue }
            let target = ((n * outHeight + o) * width + j) * channels
            for c in 0..<channels { partial[target + c] += weight * g[source + c] }
          }
        }
      }
    }
    var result = [Float](repeating: 0, count: input.count)
    for n in 0..<batch {
      for o in 0..<outHeight {
        for i in 0..<height {
          let weight = rows[o * height + i]
          if weight == 0 { continue }
          for j in 0..<width {
            let source = ((n * outHeight + o) * width + j) * channels
            let target = ((n * height + i) * width + j) * channels
            for c in 0..<channels { result[target + c] += weight * partial[source + c] }
          }
        }
      }
    }
    return result
  }

  // MARK: Element-wise

  private static func unaryBackward(
    _ unary: TensorFunction.Unary, _ g: [Float], x: [Float], y: [Float]
  ) throws(KernelError) -> [Float] {
    func map(_ derivative: (Int) -> Float) -> [Float] { g.indices.map { g[$0] * derivative($0) } }
    switch unary {
    case .identity: return g
    case .stopGradient: return [Float](repeating: 0, count: g.count)
    case .negative: return g.map { -$0 }
    case .abs: return map { x[$0] > 0 ? 1 : x[$0] < 0 ? -1 : 0 }
    case .square: return map { 2 * x[$0] }
    case .sqrt: return g.indices.map { g[$0] * 0.5 / y[$0] }
    case .rsqrt: return map { -0.5 * y[$0] * y[$0] * y[$0] }
    case .reciprocal: return map { -y[$0] * y[$0] }
    case .exp: return map { y[$0] }
    // TensorFlow's SinGrad and CosGrad: the gradient times cos(x), times -sin(x).
    case .sin:
      let cosine = EigenMath.cos(x)
      return g.indices.map { g[$0] * cosine[$0] }
    case .cos:
      let sine = EigenMath.sin(x)
      return g.indices.map { g[$0] * -sine[$0] }
    case .log: return g.indices.map { g[$0] / x[$0] }
    case .log1p: return g.indices.map { g[$0] / (1 + x[$0]) }
    case .sign, .floor, .ceil, .round: return [Float](repeating: 0, count: g.count)
    case .relu: return map { y[$0] > 0 ? 1 : 0 }
    case .relu6: return map { x[$0] > 0 && x[$0] < 6 ? 1 : 0 }
    case .sigmoid: return map { y[$0] * (1 - y[$0]) }
    case .tanh: return map { 1 - y[$0] * y[$0] }
    case .softplus: return map { 1 / (1 + expf(-x[$0])) }
    case .softsign: return map { 1 / ((1 + abs(x[$0])) * (1 + abs(x[$0]))) }
    // TensorFlow's own gradients: EluGrad and SeluGrad from the outputs, SiLU's and exact GELU's
    // from the inputs.
    case .elu: return map { x[$0] > 0 ? 1 : y[$0] + 1 }
    case .selu:
      let scale: Float = 1.0507009873554804934193349852946
      let alpha: Float = 1.6732632423543772848170429916717
      return map { x[$0] > 0 ? scale : y[$0] + scale * alpha }
    case .swish:
      return map { index in
        let sigmoid = 1 / (1 + expf(-x[index]))
        return sigmoid * (1 + x[index] * (1 - sigmoid))
      }
    case .gelu:
      let inverseRootTwo: Float = 0.70710678118654752440
      let inverseRootTwoPi: Float = 0.39894228040143267794
      return map { index in
        let v = x[index]
        return 0.5 * (1 + erff(v * inverseRootTwo)) + v * inverseRootTwoPi * expf(-0.5 * v * v)
      }
    case .geluTanh:
      let rootTwoOverPi: Float = 0.7978845608028654
      return map { index in
        let v = x[index]
        let t = EigenMath.tanh(rootTwoOverPi * (v + 0.044715 * v * v * v))
        return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * rootTwoOverPi * (1 + 3 * 0.044715 * v * v)
      }
    }
  }

  /// `x op c` (or `c op x`) with respect to x.
  private static func constantBackward(
    _ binary: TensorFunction.Binary, _ g: Float, x: Float, c: Float, constantFirst: Bool
  ) -> Float {
    switch binary {
    case .add: return g
    case .subtract: return constantFirst ? -g : g
    case .multiply: return g * c
    case .divide: return constantFirst ? -g * c / (x * x) : g / c
    // TensorFlow's selector: the first operand wins ties.
    case .maximum: return (constantFirst ? c < x : x >= c) ? g : 0
    case .minimum: return (constantFirst ? c > x : x <= c) ? g : 0
    case .power:
      if constantFirst { return c > 0 ? g * powf(c, x) * logf(c) : 0 }
      return g * c * powf(x, c - 1)
    case .squaredDifference: return g * 2 * (x - c)
    case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual, .floorDivide: return 0
    case .binaryCrossentropy, .binaryCrossentropyFromLogits:
      let (t, y) = constantFirst ? (c, x) : (x, c)
      let (dt, dy) = crossentropyBackward(binary, g, target: t, output: y)
      return constantFirst ? dy : dt
    }
  }

  /// The gradients of `K.binary_crossentropy(t, y)` with respect to the target and the output
  /// (zero for a probability outside the clip range, as `tf.clip_by_value`'s gradient is).
  private static func crossentropyBackward(
    _ binary: TensorFunction.Binary, _ g: Float, target t: Float, output y: Float
  ) -> (Float, Float) {
    if binary == .binaryCrossentropyFromLogits {
      let sigmoid = 1 / (1 + expf(-y))
      return (-g * y, g * (sigmoid - t))
    }
    let epsilon: Float = 1e-7
    let p = min(max(y, epsilon), 1 - epsilon)
    let dt = -g * (logf(p + epsilon) - logf(1 - p + epsilon))
    let inside = y > epsilon && y < 1 - epsilon
    let dy = inside ? -g * (t / (p + epsilon) - (1 - t) / (1 - p + epsilon)) : 0
    return (dt, dy)
  }

  private static func binaryBackward(
    _ binary: TensorFunction.Binary, _ g: [Float], _ a: Tensor, _ b: Tensor, outputShape: [Int]
  ) -> [[Float]] {
    let mapA = MergeTraining.broadcastIndices(from: a.shape, to: outputShape)
    let mapB = MergeTraining.broadcastIndices(from: b.shape, to: outputShape)
    let xa = mapA.map { $0.map { a.scalars[$0] } } ?? a.scalars
    let xb = mapB.map { $0.map { b.scalars[$0] } } ?? b.scalars
    var da = [Float](repeating: 0, count: g.count)
    var db = [Float](repeating: 0, count: g.count)
    for i in g.indices {
      let (u, v) = (xa[i], xb[i])
      switch binary {
      case .add: (da[i], db[i]) = (g[i], g[i])
      case .subtract: (da[i], db[i]) = (g[i], -g[i])
      case .multiply: (da[i], db[i]) = (g[i] * v, g[i] * u)
      case .divide: (da[i], db[i]) = (g[i] / v, -g[i] * u / (v * v))
      case .maximum: (da[i], db[i]) = u >= v ? (g[i], 0) : (0, g[i])
      case .minimum: (da[i], db[i]) = u <= v ? (g[i], 0) : (0, g[i])
      case .power:
        let p = powf(u, v)
        (da[i], db[i]) = (g[i] * v * powf(u, v - 1), u > 0 ? g[i] * p * logf(u) : 0)
      case .squaredDifference:
        let d = g[i] * 2 * (u - v)
        (da[i], db[i]) = (d, -d)
      case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual, .floorDivide:
        (da[i], db[i]) = (0, 0)
      case .binaryCrossentropy, .binaryCrossentropyFromLogits:
        (da[i], db[i]) = crossentropyBackward(binary, g[i], target: u, output: v)
      }
    }
    return [sum(da, mapA, count: a.count), sum(db, mapB, count: b.count)]
  }

  /// An output-shaped gradient summed onto the positions broadcasting read.
  private static func sum(_ values: [Float], _ map: [Int]?, count: Int) -> [Float] {
    guard let map else { return values }
    var result = [Float](repeating: 0, count: count)
    for (flat, index) in map.enumerated() { result[index] += values[flat] }
    return result
  }

  // MARK: Reductions

  /// For each input position, the flat index of the reduced output it belongs to.
  private static func reductionMap(shape: [Int], axes: [Int]?) -> (map: [Int], groups: Int) {
    let rank = shape.count
    let reduced = Set((axes ?? Array(0..<rank)).map { $0 < 0 ? $0 + rank : $0 })
    var kept = shape
    for axis in reduced where axis < rank { kept[axis] = 1 }
    return (
      MergeTraining.broadcastIndices(from: kept, to: shape) ?? Array(0..<kept.reduce(1, *)),
      kept.reduce(1, *)
    )
  }

  private static func reduceBackward(
    _ reduction: TensorFunction.Reduction, axes: [Int]?, _ g: [Float], input: Tensor
  ) throws(KernelError) -> [Float] {
    let x = input.scalars
    let (map, groups) = reductionMap(shape: input.shape, axes: axes)
    let size = Float(max(1, x.count / max(1, groups)))
    switch reduction {
    case .sum: return map.map { g[$0] }
    case .mean: return map.map { g[$0] / size }
    case .max, .min:
      var extreme = [Float](
        repeating: reduction == .max ? -.infinity : .infinity, count: groups)
      for (i, group) in map.enumerated() {
        extreme[group] =
          reduction == .max ? Swift.max(extreme[group], x[i]) : Swift.min(extreme[group], x[i])
      }
      var ties = [Float](repeating: 0, count: groups)
      for (i, group) in map.enumerated() where x[i] == extreme[group] { ties[group] += 1 }
      return map.indices.map { x[$0] == extreme[map[$0]] ? g[map[$0]] / ties[map[$0]] : 0 }
    case .variance, .standardDeviation:
      var mean = [Float](repeating: 0, count: groups)
      for (i, group) in map.enumerated() { mean[group] += x[i] }
      for k in mean.indices { mean[k] /= size }
      var scale = g.map { 2 * $0 / size }
      if reduction == .standardDeviation {
        var variance = [Float](repeating: 0, count: groups)
        for (i, group) in map.enumerated() {
          variance[group] += (x[i] - mean[group]) * (x[i] - mean[group])
        }
        for k in scale.indices { scale[k] /= 2 * (variance[k] / size).squareRoot() }
      }
      return map.indices.map { scale[map[$0]] * (x[$0] - mean[map[$0]]) }
    case .prod:
      // TensorFlow's ProdGrad: each value's gradient is the product of the others in its group,
      // as exclusive products from the left and from the right (right for zeros too).
      var members = [[Int]](repeating: [], count: groups)
      for (i, group) in map.enumerated() { members[group].append(i) }
      var result = [Float](repeating: 0, count: x.count)
      for (group, indices) in members.enumerated() {
        var left: Float = 1
        var lefts = [Float](repeating: 1, count: indices.count)
        for (k, i) in indices.enumerated() {
          lefts[k] = left
          left *= x[i]
        }
        var right: Float = 1
        for (k, i) in indices.enumerated().reversed() {
          result[i] = g[group] * lefts[k] * right
          right *= x[i]
        }
      }
      return result
    }
  }

  // MARK: Normalizations

  /// `x * rsqrt(max(sum(x^2), eps))`: `inv * (g - x inv^2 sum(g x))`, or `g * inv` at the floor
  /// (the maximum's gradient goes to epsilon there).
  private static func l2NormalizeBackward(
    _ g: [Float], input: Tensor, axes: [Int], epsilon: Float
  ) -> [Float] {
    let x = input.scalars
    let (map, groups) = reductionMap(shape: input.shape, axes: axes)
    var squares = [Float](repeating: 0, count: groups)
    var dots = [Float](repeating: 0, count: groups)
    for (i, group) in map.enumerated() {
      squares[group] += x[i] * x[i]
      dots[group] += g[i] * x[i]
    }
    return map.indices.map { i in
      let group = map[i]
      let inverse = 1 / Swift.max(squares[group], epsilon).squareRoot()
      guard squares[group] >= epsilon else { return g[i] * inverse }
      return inverse * (g[i] - x[i] * inverse * inverse * dots[group])
    }
  }

  /// softmax: `y (g - sum(g y))`; log_softmax: `g - y sum(g)`, along `axis`.
  private static func softmaxBackward(_ g: [Float], softmax y: Tensor, axis: Int, log: Bool)
    -> [Float]
  {
    let (map, groups) = reductionMap(shape: y.shape, axes: [axis])
    let s = y.scalars
    var totals = [Float](repeating: 0, count: groups)
    for (i, group) in map.enumerated() { totals[group] += log ? g[i] : g[i] * s[i] }
    return map.indices.map { i in
      log ? g[i] - s[i] * totals[map[i]] : s[i] * (g[i] - totals[map[i]])
    }
  }

  // MARK: Moving values

  /// Positions are held as floats: exact up to 2^24.
  static let largestMovedCount = 1 << 24

  private static func movementBackward(
    _ function: TensorFunction, _ g: [Float], inputs: [Tensor], outputShape: [Int]
  ) throws(KernelError) -> [[Float]] {
    var offsets: [Int] = []
    var total = 0
    var marked: [Tensor] = []
    for input in inputs {
      offsets.append(total)
      let start = total
      marked.append(
        try Tensor(shape: input.shape, scalars: (0..<input.count).map { Float(start + $0 + 1) }))
      total += input.count
    }
    guard total < largestMovedCount else {
      throw KernelError(
        "ConvBook trains through tensor functions that move values on at most \(largestMovedCount) values"
      )
    }
    let sources = try TensorFunctionStep.run(function, marked, outputShape: outputShape).scalars
    var result = inputs.map { [Float](repeating: 0, count: $0.count) }
    for (position, source) in sources.enumerated() where source >= 1 {
      let flat = Int(source) - 1
      let k = offsets.lastIndex { $0 <= flat }!
      result[k][flat - offsets[k]] += g[position]
    }
    return result
  }
}

extension TensorFunction.Unary {
  /// Whether the derivative is cheaper from the output (`exp`, `sqrt`, `sigmoid`, ...).
  fileprivate var usesOutput: Bool {
    switch self {
    case .sqrt, .rsqrt, .reciprocal, .exp, .relu, .sigmoid, .tanh, .elu, .selu: return true
    default: return false
    }
  }
}
