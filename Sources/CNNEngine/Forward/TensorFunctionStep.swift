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
      if unary == .identity { return first }
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
      return try TensorFunctionKernel.reduce(first, axes: reduced, reduction.kernel)
        .reshaped(outputShape)
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
    case .tile(let multiples):
      if multiples.contains(0) { return try Tensor(shape: outputShape) }
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
    case .relu, .relu6, .sigmoid, .tanh, .softplus, .softsign, .elu, .selu, .swish, .gelu,
      .identity:
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
    }
  }
}

extension TensorFunction.Reduction {
  var kernel: TensorFunctionKernel.Reduction {
    switch self {
    case .sum: return .sum
    case .mean: return .mean
    case .max: return .max
    case .min: return .min
    case .prod: return .prod
    }
  }
}
