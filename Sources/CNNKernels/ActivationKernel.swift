import Foundation

/// Applies an `ActivationFunction` elementwise (or along an axis for the softmax family).
public enum ActivationKernel {
  /// input (any shape) -> output (same shape); `engine`: whose softmax (`TensorFlowEngine`).
  public static func apply(
    _ function: ActivationFunction, to input: Tensor,
    threads: Int = KernelParallelism.defaultThreadCount, engine: TensorFlowEngine = .eigen
  ) throws(KernelError) -> Tensor {
    if function == .linear { return input }
    var output = input
    try applyInPlace(function, to: &output, threads: threads, engine: engine)
    return output
  }

  /// In place: a forward pass that owns the tensor writes no new buffer (a shared buffer is
  /// copied first, as for any value type).
  /// tensor (any shape) -> tensor (same shape)
  public static func applyInPlace(
    _ function: ActivationFunction, to tensor: inout Tensor,
    threads: Int = KernelParallelism.defaultThreadCount, engine: TensorFlowEngine = .eigen
  ) throws(KernelError) {
    switch function {
    case .linear:
      return
    case .softmax(let axis):
      try softmax(&tensor, axis: axis, logarithm: false, threads: threads, engine: engine)
    case .logSoftmax(let axis):
      try softmax(&tensor, axis: axis, logarithm: true, threads: threads, engine: engine)
    case .sigmoid:
      // TensorFlow's Sigmoid op: its result depends on each value's place in the tensor.
      tensor.withUnsafeMutableBufferPointer { TensorFlowSigmoid.eigen($0) }
    case .softplus, .exponential, .swish, .mish:
      // TensorFlow's Softplus, Exp and Sigmoid kernels are Eigen's approximations, whose packets
      // and scalar tails differ: each value as its place in the whole tensor gives it (the eager
      // `tf.math.softplus`, `tf.exp`, `tf.nn.silu` compute the same).
      let x = tensor.scalars
      let y: [Float]
      switch function {
      case .softplus: y = EigenMath.softplus(x)
      case .exponential: y = EigenMath.exp(x)
      // tf.nn.silu: x * sigmoid(1.0 * x).
      case .swish: y = zip(x, EigenMath.logistic(x)).map { $0 * $1 }
      // x * tanh(softplus(x)), three kernels.
      default: y = zip(x, EigenMath.tanh(EigenMath.softplus(x))).map { $0 * $1 }
      }
      tensor.withUnsafeMutableBufferPointer { buffer in
        for index in buffer.indices { buffer[index] = y[index] }
      }
    case .relu(let slope, let maxValue, let threshold)
    where threshold == 0 && !(slope != 0 && maxValue == nil):
      // TensorFlow's Relu op (relu6 and backend.relu's clipping and slope around it) depends on
      // each value's place too: Eigen's 8-float packets keep NaN and turn -0.0 into 0.0, while
      // the values after the tensor's last whole packet take the scalar max, which keeps -0.0.
      let transform = Self.relu(negativeSlope: slope, maxValue: maxValue, threshold: threshold)
      let whole = tensor.count / EigenMath.lanes * EigenMath.lanes
      tensor.withUnsafeMutableBufferPointer { buffer in
        for index in buffer.indices {
          let x = buffer[index]
          let y = transform(x)
          buffer[index] = index >= whole && x == 0 && x.sign == .minus ? x : y
        }
      }
    default:
      let transform = scalarFunction(function)
      let count = tensor.count
      tensor.withUnsafeMutableBufferPointer { buffer in
        guard let values = buffer.baseAddress else { return }
        KernelParallelism.forEachSlice(count: count, threads: threads, minimumPerThread: 1 << 15) {
          range in
          for index in range { values[index] = transform(values[index]) }
        }
      }
    }
  }

  /// The elementwise definition, following TensorFlow's kernels for each tf-keras activation.
  static func scalarFunction(_ function: ActivationFunction) -> @Sendable (Float) -> Float {
    switch function {
    case .linear, .softmax, .logSoftmax:
      return { $0 }
    case .relu(let slope, let maxValue, let threshold):
      return relu(negativeSlope: slope, maxValue: maxValue, threshold: threshold)
    case .leakyReLU(let alpha):
      return { $0 > 0 ? $0 : $0 * alpha }
    case .sigmoid:
      return sigmoid
    case .tanh:
      return { EigenMath.tanh($0) }
    case .elu(let alpha):
      // tf.nn.elu, then tf.where(x > 0, res, alpha * res) when alpha != 1.
      return { x in
        let res = x < 0 ? expm1(x) : x
        return alpha == 1 || x > 0 ? res : alpha * res
      }
    case .selu:
      let scale: Float = 1.0507009873554804934193349852946
      let scaleAlpha: Float = 1.7580993408473768599402175208123
      return { x in x < 0 ? scaleAlpha * expm1(x) : scale * x }
    case .gelu(let approximate):
      if approximate {
        let coefficient: Float = 0.7978845608028654  // sqrt(2 / pi)
        return { x in 0.5 * x * (1 + EigenMath.tanh(coefficient * (x + 0.044715 * (x * x * x)))) }
      }
      // 0.5 * x * (1 + erf(x / sqrt(2))), written with erfc as TensorFlow does: it keeps precision
      // for large negative x where 1 + erf(x) cancels.
      return { x in 0.5 * x * erfc(-x * 0.7071067811865476) }
    case .swish:
      return { x in x * sigmoid(x) }
    case .softplus:
      return softplus
    case .softsign:
      return { x in x / (abs(x) + 1) }
    case .hardSigmoid:
      // Multiply, then add, then clip: three roundings as in backend.hard_sigmoid.
      return { x in
        let y = x * 0.2 + 0.5
        return y < 0 ? 0 : (y > 1 ? 1 : y)
      }
    case .hardSigmoidReLU6:
      return hardSigmoidReLU6
    case .hardSwish:
      // x * (relu6(x + 3) / 6), in the order of Keras 3's ops.hard_silu.
      return { x in x * hardSigmoidReLU6(x) }
    case .celu(let alpha):
      return { x in max(x, 0) + alpha * expm1(min(x, 0) / alpha) }
    case .hardTanh:
      return { x in x < -1 ? -1 : (x > 1 ? 1 : x) }
    case .hardShrink(let threshold):
      return { x in abs(x) > threshold ? x : 0 }
    case .softShrink(let threshold):
      return { x in x > threshold ? x - threshold : (x < -threshold ? x + threshold : 0) }
    case .sparsePlus:
      return { x in
        if x <= -1 { return 0 }
        if x < 1 {
          let shifted = x + 1
          return 0.25 * (shifted * shifted)
        }
        return x
      }
    case .sparseSigmoid:
      return { x in x <= -1 ? 0 : (x >= 1 ? 1 : 0.5 * (x + 1)) }
    case .composed(let program):
      return { program.value($0) }
    case .squareplus(let b):
      return { x in (x + (x * x + b).squareRoot()) / 2 }
    case .tanhShrink:
      return { x in x - EigenMath.tanh(x) }
    case .logSigmoid:
      // TensorFlow's log_sigmoid: -softplus(-x).
      return { x in -softplus(-x) }
    case .exponential:
      return { Foundation.exp($0) }
    case .mish:
      return { x in x * EigenMath.tanh(softplus(x)) }
    }
  }

  /// backend.relu: leaky_relu when only the slope is set; otherwise
  /// x' = threshold != 0 ? x * (x > threshold) : (max_value == 6 ? relu6(x) : relu(x)),
  /// clipped to [0, max_value], minus slope * relu(threshold - x).
  static func relu(negativeSlope slope: Float, maxValue: Float?, threshold: Float)
    -> @Sendable (Float) -> Float
  {
    if slope != 0 && maxValue == nil && threshold == 0 {
      return { $0 > 0 ? $0 : $0 * slope }
    }
    return { x in
      var y: Float
      if threshold != 0 {
        y = x * (x > threshold ? 1 : 0)  // keeps TensorFlow's -0 for negative inputs
      } else {
        y = x.isNaN || x > 0 ? x : 0  // TensorFlow's Relu keeps NaN
      }
      if let maxValue, y > maxValue { y = maxValue }  // the clip keeps NaN as well
      if slope != 0 {
        let negative = threshold != 0 ? -x + threshold : -x
        y -= slope * (negative > 0 ? negative : 0)
      }
      return y
    }
  }

  /// TensorFlow's `Relu` (and `Relu6` with `maxValue` 6) over a whole tensor: NaN stays NaN, and
  /// -0.0 becomes 0.0 in Eigen's packets of `lanes` values but keeps its sign in the values after
  /// the last whole packet, which take the scalar max.
  public static func tensorFlowRelu(_ values: [Double], lanes: Int, maxValue: Double?) -> [Double] {
    let whole = values.count / lanes * lanes
    return values.enumerated().map { index, x in
      if x.isNaN { return x }
      if x == 0 && x.sign == .minus && index >= whole { return x }
      let y = x > 0 ? x : 0
      if let maxValue, y > maxValue { return maxValue }
      return y
    }
  }

  /// Keras 3's `hard_sigmoid` and `hard_swish` inside a `tf.function` (predict, evaluate):
  /// TensorFlow's graph optimizer turns the division by the constant 6 into a product with
  /// float32(1 / 6) there (never eagerly). False, leaving the tensor alone, for other functions.
  public static func applyKeras3GraphForm(
    _ function: ActivationFunction, to tensor: inout Tensor
  ) -> Bool {
    let sixth = Float(1.0 / 6.0)
    func relu6(_ x: Float) -> Float {  // relu6(x + 3)
      let shifted = x + 3
      return shifted < 0 ? 0 : (shifted > 6 ? 6 : shifted)
    }
    let form: (Float) -> Float
    switch function {
    case .hardSigmoidReLU6: form = { x in relu6(x) * sixth }
    // `x * (relu6(x + 3) * c)`, whose constant the optimizer moves first: (x * c) * relu6(x + 3).
    case .hardSwish: form = { x in (x * sixth) * relu6(x) }
    default: return false
    }
    tensor.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices { buffer[index] = form(buffer[index]) }
    }
    return true
  }

  /// Keras 3's hard_sigmoid: relu6(x + 3) / 6, rounded after the addition and the division.
  @Sendable static func hardSigmoidReLU6(_ x: Float) -> Float {
    let shifted = x + 3
    return (shifted < 0 ? 0 : (shifted > 6 ? 6 : shifted)) / 6
  }

  @Sendable public static func sigmoid(_ x: Float) -> Float {
    // 1 / (1 + exp(-x)) without overflow warnings: exp(-x) -> inf gives exactly 0.
    x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
  }

  /// TensorFlow's softplus: x above -log(eps) - 2, exp(x) below log(eps) + 2, log1p(exp(x)) between.
  @Sendable static func softplus(_ x: Float) -> Float {
    let threshold = Foundation.log(Float.ulpOfOne) + 2
    if x > -threshold { return x }
    if x < threshold { return Foundation.exp(x) }
    return log1p(Foundation.exp(x))
  }

  /// tensor (outer, A, inner) viewed around `axis` -> same shape, in place: exp(x - max) * (1 / sum),
  /// or x - max - log(sum) for log-softmax, per (outer, inner) line (TensorFlow's formulas).
  static func softmax(
    _ tensor: inout Tensor, axis: Int, logarithm: Bool, threads: Int, engine: TensorFlowEngine
  ) throws(KernelError) {
    guard tensor.rank >= 2 else {
      throw KernelError(
        "Cannot apply softmax to a tensor that is 1D. Received input shape \(tensor.shape)")
    }
    let axis = axis < 0 ? axis + tensor.rank : axis
    guard (0..<tensor.rank).contains(axis) else {
      throw KernelError("softmax axis is out of range for shape \(tensor.shape)")
    }
    let length = tensor.shape[axis]
    let inner = tensor.shape[(axis + 1)...].reduce(1, *)
    let outer = tensor.shape[..<axis].reduce(1, *)
    if !logarithm && inner == 1 && engine == .eigen {
      // TensorFlow's Softmax op over the whole tensor (eager calls, `predict` and `fit` alike):
      // its values depend on their places in the tensor and their rows' places among the rows.
      tensor = Tensor(
        validShape: tensor.shape, scalars: EigenSoftmax.rows(tensor.scalars, rowLength: length))
      return
    }
    tensor.withUnsafeMutableBufferPointer { buffer in
      guard let values = buffer.baseAddress else { return }
      KernelParallelism.forEachSlice(
        count: outer * inner, threads: threads, minimumPerThread: max(1, 1 << 14 / max(1, length))
      ) { lines in
        for line in lines {
          let start = (line / inner) * length * inner + line % inner
          if !logarithm && inner == 1 {
            // With oneDNN on, TensorFlow's Softmax op hands float32 rows to oneDNN
            // (`OneDNNSoftmax`), in eager calls and inside `predict` and `fit` alike.
            let row = OneDNNSoftmax.softmax(
              Array(UnsafeBufferPointer(start: values + start, count: length)))
            for k in 0..<length { values[start + k] = row[k] }
            continue
          }
          var maximum = -Float.infinity
          for k in 0..<length { maximum = max(maximum, values[start + k * inner]) }
          var sum = 0.0
          for k in 0..<length {
            let shifted = values[start + k * inner] - maximum
            let e = Foundation.exp(shifted)
            sum += Double(e)
            values[start + k * inner] = logarithm ? shifted : e
          }
          if logarithm {
            let logSum = Foundation.log(Float(sum))
            for k in 0..<length { values[start + k * inner] -= logSum }
          } else {
            let inverse = 1 / Float(sum)
            for k in 0..<length { values[start + k * inner] *= inverse }
          }
        }
      }
    }
  }
}
