import CNNKernels

/// The forward pass of one `TensorFunction` on concrete tensors, with TensorFlow's numerics.
enum TensorFunctionStep {
  /// inputs (shapes Keras checked) -> output of `outputShape`
  static func run(_ function: TensorFunction, _ inputs: [Tensor], outputShape: [Int])
    throws(KernelError) -> Tensor
  {
    var first = inputs[0]
    let rank = first.rank
    func resolve(_ axis: Int, _ rank: Int) -> Int { axis < 0 ? axis + rank : axis }
    switch function {
    case .unary(let unary):
      if unary == .identity || unary == .stopGradient { return first }
      if let kernel = unary.kernel {
        TensorFunctionKernel.apply(kernel, &first)
      } else if let activation = unary.activation {
        try ActivationKernel.applyInPlace(activation, to: &first)
      }
      return first
    case .binary(let binary, let constant, let constantFirst):
      if let constant {
        TensorFunctionKernel.combine(
          &first, constant: Float(constant), binary.kernel, constantFirst: constantFirst)
        return first
      }
      return try TensorFunctionKernel.combine(first, inputs[1], binary.kernel)
    case .reduce(let reduction, let axes, _):
      let reduced = Set((axes ?? Array(0..<rank)).map { resolve($0, rank) })
      guard let kernel = reduction.kernel else {
        // tf.math.reduce_variance: reduce_mean(square(x - reduce_mean(x, keepdims=True))).
        let mean = TensorFunctionKernel.reduce(first, axes: reduced, .mean)
        try ElementwiseKernel.combine(&first, with: mean, .subtract)
        TensorFunctionKernel.apply(.square, &first)
        var variance = TensorFunctionKernel.reduce(first, axes: reduced, .mean)
        if reduction == .standardDeviation { TensorFunctionKernel.apply(.sqrt, &variance) }
        return try variance.reshaped(outputShape)
      }
      return try TensorFunctionKernel.reduce(first, axes: reduced, kernel).reshaped(outputShape)
    case .l2Normalize(let axes, let epsilon):
      return try TensorFunctionKernel.l2Normalize(
        first, axes: Set(axes.map { resolve($0, rank) }), epsilon: Float(epsilon))
    case .softmax(let axis):
      try ActivationKernel.applyInPlace(.softmax(axis: axis), to: &first)
      return first
    case .logSoftmax(let axis):
      try ActivationKernel.applyInPlace(.logSoftmax(axis: axis), to: &first)
      return first
    case .leakyRelu(let alpha):
      try ActivationKernel.applyInPlace(.relu(negativeSlope: Float(alpha)), to: &first)
      return first
    case .clip(let low, let high):
      TensorFunctionKernel.clip(&first, low: Float(low), high: Float(high))
      return first
    case .concat(let axis):
      return try ConcatenateKernel.concatenate(inputs, axis: resolve(axis, rank))
    case .stack(let axis):
      let expanded = resolve(axis, rank + 1)
      var parts: [Tensor] = []
      for input in inputs {
        var shape = input.shape
        shape.insert(1, at: expanded)
        parts.append(try input.reshaped(shape))
      }
      return try ConcatenateKernel.concatenate(parts, axis: expanded)
    case .expandDims, .squeeze, .reshape:
      return try first.reshaped(outputShape)
    case .transpose(let permutation):
      return try TensorFunctionKernel.transpose(first, permutation: permutation)
    case .pad(let paddings, let value):
      return try TensorFunctionKernel.pad(
        first, before: paddings.map { $0[0] }, after: paddings.map { $0[1] }, value: Float(value))
    case .reverse(let axes):
      return try TensorFunctionKernel.reverse(first, axes: axes)
    case .cumulative(let product, let axis):
      return try TensorFunctionKernel.cumulative(first, axis: axis, product: product)
    case .mirrorPad(let paddings, let symmetric):
      return try TensorFunctionKernel.mirrorPad(
        first, before: paddings.map { $0[0] }, after: paddings.map { $0[1] }, symmetric: symmetric)
    case .tile:
      // The multiples are the output's sizes over the input's (an axis of size 0 stays empty).
      if outputShape.contains(0) { return try Tensor(shape: outputShape) }
      let multiples = zip(outputShape, first.shape).map { $1 == 0 ? 1 : $0 / $1 }
      var tiled = first
      for (axis, multiple) in multiples.enumerated() where multiple != 1 {
        tiled = try ConcatenateKernel.concatenate(
          Array(repeating: tiled, count: multiple), axis: axis)
      }
      return tiled
    case .resize(let height, let width, let method):
      return try PreprocessingKernels.resize(
        first, size: [height, width], method: method,
        threads: KernelParallelism.defaultThreadCount)
    case .matmul(let transposeA, let transposeB):
      return try TensorFunctionKernel.matmul(
        first, inputs[1], transposeA: transposeA, transposeB: transposeB)
    case .slice(let slice):
      return try run(slice, first, outputShape: outputShape)
    case .constantOperand(let binary, let constant, let constantFirst):
      let c = try Tensor(shape: constant.shape, scalars: constant.values)
      return try TensorFunctionKernel.combine(
        constantFirst ? c : first, constantFirst ? first : c, binary.kernel)
    case .select(let x, let y):
      var operands = Array(inputs.dropFirst())
      let shape = outputShape
      let condition = try ElementwiseKernel.broadcast(first, to: shape)
      func operand(_ constant: Double?) throws(KernelError) -> Tensor {
        guard let constant else {
          return try ElementwiseKernel.broadcast(operands.removeFirst(), to: shape)
        }
        return try Tensor(shape: shape, repeating: Float(constant))
      }
      let chosen = try operand(x)
      let other = try operand(y)
      return TensorFunctionKernel.select(condition, chosen, other)
    case .oneHot(let depth, let axis, let on, let off):
      return try TensorFunctionKernel.oneHot(
        first, depth: depth, axis: axis < 0 ? rank : axis, on: Float(on), off: Float(off))
    case .gather(let indices, let axis, _):
      let resolved = resolve(axis, rank)
      let size = first.shape[resolved]
      return try TensorFunctionKernel.gather(
        first, indices: indices.map { $0 < 0 ? $0 + size : $0 }, axis: resolved
      ).reshaped(outputShape)
    case .depthToSpace(let block):
      return try TensorFunctionKernel.depthToSpace(first, blockSize: block)
    case .spaceToDepth(let block):
      return try TensorFunctionKernel.spaceToDepth(first, blockSize: block)
    case .pool(let mode, let size, let strides, let same):
      return try PoolingKernel.pool(
        first, mode: mode, poolSize: size, strides: strides,
        padding: PoolingKernel.padding(
          inputShape: first.shape, poolSize: size, strides: strides, same: same))
    case .extractPatches(let size, let strides, let rates, let same):
      let spatial = Array(first.shape[1...2])
      let padding =
        same
        ? SpatialPadding.same(
          inputSize: spatial, kernelSize: size, strides: strides, dilations: rates)
        : SpatialPadding.valid(rank: 2)
      return TensorFunctionKernel.extractPatches(
        first, size: size, strides: strides, rates: rates, padBefore: padding.before,
        outputSize: Array(outputShape[1...2]))
    case .shape:
      return try Tensor(shape: [first.rank], scalars: first.shape.map { Float($0) })
    case .constant(let constant):
      return try Tensor(shape: constant.shape, scalars: constant.values)
    case .dynamicReshape:
      return try first.reshaped(outputShape)
    case .broadcastTo:
      return try ElementwiseKernel.broadcast(first, to: outputShape)
    case .dynamicResize(_, let method):
      return try PreprocessingKernels.resize(
        first, size: Array(outputShape[1...2]), method: method,
        threads: KernelParallelism.defaultThreadCount)
    case .randomNormal(_, let mean, let deviation, let seed):
      // Seeded and deterministic: the same deviates on every run (TensorFlow draws new ones).
      var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)), stream: "normal")
      var output = try Tensor(shape: outputShape)
      output.withUnsafeMutableBufferPointer { values in
        for index in values.indices {
          values[index] = Float(mean + deviation * generator.normal())
        }
      }
      return output
    case .randomUniform(_, let minimum, let maximum, let seed):
      var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)), stream: "uniform")
      var output = try Tensor(shape: outputShape)
      output.withUnsafeMutableBufferPointer { values in
        for index in values.indices { values[index] = Float(generator.uniform(minimum, maximum)) }
      }
      return output
    }
  }

  /// x (concrete shape) -> x[slice]
  static func run(_ slice: TensorSlice, _ input: Tensor, outputShape: [Int]) throws(KernelError)
    -> Tensor
  {
    let steps: [TensorSlice.Step]
    do {
      steps = try slice.steps(for: TensorShape(input.shape.map { Optional($0) }), name: "slice")
    } catch {
      throw KernelError(error.message)
    }
    var axes: [TensorFunctionKernel.SliceAxis] = []
    for step in steps {
      switch step {
      case .keep(_, let start, let step, let count):
        axes.append(.init(start: start, step: step, count: count))
      case .drop(_, let index): axes.append(.init(start: index, step: 1, count: nil))
      case .insert: break
      }
    }
    return try TensorFunctionKernel.slice(input, axes: axes, outputShape: outputShape)
  }
}

extension TensorFunction.Unary {
  /// The Keras activation this function is (TensorFlow's `tf.nn.relu` is Keras' `relu`, ...).
  var activation: ActivationFunction? {
    switch self {
    case .relu: return .relu()
    case .relu6: return .relu(maxValue: 6)
    case .sigmoid: return .sigmoid
    case .tanh: return .tanh
    case .softplus: return .softplus
    case .softsign: return .softsign
    case .elu: return .elu()
    case .selu: return .selu
    case .swish: return .swish
    case .gelu: return .gelu()
    case .geluTanh: return .gelu(approximate: true)
    default: return nil
    }
  }

  /// The kernel of the functions that are not activations.
  var kernel: TensorFunctionKernel.Unary? {
    switch self {
    case .abs: return .abs
    case .sqrt: return .sqrt
    case .square: return .square
    case .exp: return .exp
    case .log: return .log
    case .log1p: return .log1p
    case .negative: return .negative
    case .sign: return .sign
    case .rsqrt: return .rsqrt
    case .reciprocal: return .reciprocal
    case .floor: return .floor
    case .ceil: return .ceil
    case .round: return .round
    case .sin: return .sin
    case .cos: return .cos
    case .relu, .relu6, .sigmoid, .tanh, .softplus, .softsign, .elu, .selu, .swish, .gelu,
      .geluTanh, .identity, .stopGradient:
      return nil
    }
  }
}

extension TensorFunction.Binary {
  var kernel: TensorFunctionKernel.Binary {
    switch self {
    case .add: return .add
    case .subtract: return .subtract
    case .multiply: return .multiply
    case .divide: return .divide
    case .maximum: return .maximum
    case .minimum: return .minimum
    case .power: return .power
    case .squaredDifference: return .squaredDifference
    case .floorDivide: return .floorDivide
    case .greater: return .greater
    case .less: return .less
    case .greaterEqual: return .greaterEqual
    case .lessEqual: return .lessEqual
    case .equal: return .equal
    case .notEqual: return .notEqual
    case .binaryCrossentropy: return .binaryCrossentropy
    case .binaryCrossentropyFromLogits: return .binaryCrossentropyFromLogits
    }
  }
}

extension TensorFunction.Reduction {
  /// The kernel's one-pass reduction; nil for the two-pass variance and standard deviation.
  var kernel: TensorFunctionKernel.Reduction? {
    switch self {
    case .sum: return .sum
    case .mean: return .mean
    case .max: return .max
    case .min: return .min
    case .prod: return .prod
    case .variance, .standardDeviation: return nil
    }
  }
}
