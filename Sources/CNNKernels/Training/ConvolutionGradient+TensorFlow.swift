/// The backward pass of a 1-D or 2-D convolution (one group, no dilation) as TensorFlow's CPU
/// kernels compute it under the Eigen engine (`fit`'s gradients in both Kerases; training takes
/// it for 2-D layers, `followsTensorFlow`):
///
/// - the kernel gradient is `Conv2DBackpropFilter`: one contraction with a row per (kh, kw, c) of
///   the patch, a column per filter and the output positions of the whole batch as its inner
///   index, summed in `TensorFlowContraction.order` (a short last block of filters and the rows
///   left over from groups of 6 in their own orders) and, past 256 positions, in
///   `ContractionPlan`'s pieces: `DenseKernel` over the transposed patches (X^T) by the output
///   gradient. Measured with `tf.raw_ops.Conv2DBackpropFilter` on 18-648 positions: every value;
/// - the input gradient is `Conv2DBackpropInput`, the transposed convolution of the output
///   gradient by the same kernel (`TransposedConvolutionKernel.tensorFlowProduct`);
/// - the bias gradient is `BiasAddGrad` (`biasGradient`), Keras 3's as well (its `ops.add` of
///   the bias trains to tf-keras' digits: script 1190).
extension ConvolutionGradient {
  /// The most values of X^T `tensorFlowBackward` holds at once (64 MiB); larger layers keep
  /// `backward`'s chains.
  public static let tensorFlowPatchLimit = 1 << 24

  /// Whether training takes `tensorFlowBackward` for a convolution of this kind: 2-D, one group,
  /// no dilation, X^T within `tensorFlowPatchLimit`. (A Conv1D keeps `backward`: its forward
  /// pass in training keeps the chains too, see `TrainingStep`.)
  public static func followsTensorFlow(
    input: [Int], kernel: [Int], outputPositions: Int, groups: Int, dilations: [Int]
  ) -> Bool {
    let rank = kernel.count - 2
    guard rank == 2, groups == 1, dilations.allSatisfy({ $0 == 1 }) else {
      return false
    }
    let taps = kernel.dropLast().reduce(1, *)
    let (product, overflow) = taps.multipliedReportingOverflow(by: outputPositions)
    return !overflow && product <= tensorFlowPatchLimit
  }

  /// input (N, spatial..., C), kernel (K..., C, F), outputGradient (N, spatial'..., F), the
  /// gradient of the convolution's linear output (after its activation's derivative).
  public static func tensorFlowBackward(
    input: Tensor, kernel: Tensor, strides: [Int], padding: SpatialPadding,
    outputGradient: Tensor, needsInputGradient: Bool, threads: Int
  ) throws(KernelError) -> Result {
    let rank = kernel.rank - 2
    let kernelSize = Array(kernel.shape.prefix(rank))
    let g = try WindowGeometry(
      inputShape: input.shape, kernelSize: kernelSize, strides: strides,
      dilations: Array(repeating: 1, count: rank), padding: padding)
    let channels = g.channels
    let filters = kernel.shape[rank + 1]
    guard kernel.shape[rank] == channels, outputGradient.shape == g.outputShape(channels: filters)
    else {
      throw KernelError(
        "kernel \(kernel.shape) and output gradient \(outputGradient.shape) do not fit an input of shape \(input.shape)"
      )
    }
    let positions = g.batch * g.output[0] * g.output[1] * g.output[2]
    let (kH, kW) = (g.kernel[1], g.kernel[2])
    let taps = kH * kW * channels
    // X^T: row (kh, kw, c) holds what that tap saw at every position (zero in the padding).
    var transposed = [Float](repeating: 0, count: taps * positions)
    input.scalars.withUnsafeBufferPointer { source in
      transposed.withUnsafeMutableBufferPointer { rows in
        var position = 0
        for n in 0..<g.batch {
          for oh in 0..<g.output[1] {
            for ow in 0..<g.output[2] {
              for kh in 0..<kH {
                let ih = oh * g.strides[1] - g.padBefore[1] + kh
                guard ih >= 0 && ih < g.input[1] else { continue }
                for kw in 0..<kW {
                  let iw = ow * g.strides[2] - g.padBefore[2] + kw
                  guard iw >= 0 && iw < g.input[2] else { continue }
                  let from = ((n * g.input[1] + ih) * g.input[2] + iw) * channels
                  let row = (kh * kW + kw) * channels
                  for c in 0..<channels {
                    rows[(row + c) * positions + position] = source[from + c]
                  }
                }
              }
              position += 1
            }
          }
        }
      }
    }
    let gradient = try PackedDenseWeights(
      kernel: Tensor(validShape: [positions, filters], scalars: outputGradient.scalars))
    let kernelGradient = try DenseKernel.apply(
      Tensor(validShape: [taps, positions], scalars: transposed), weights: gradient,
      threads: threads, engine: .eigen, order: .tensorFlowKernels)
    let bias = outputGradient.scalars.withUnsafeBufferPointer { dy in
      biasGradient(dy.baseAddress!, positions: positions, filters: filters)
    }
    var inputGradient: Tensor?
    if needsInputGradient {
      inputGradient = try TransposedConvolutionKernel.tensorFlowProduct(
        outputGradient, weights: PackedTransposedConvolutionWeights(kernel: kernel),
        strides: strides, outputSize: Array(input.shape.dropFirst().dropLast()),
        padBefore: padding.before, activation: .linear, threads: threads)
    }
    return Result(
      input: inputGradient,
      kernel: Tensor(validShape: kernel.shape, scalars: kernelGradient.scalars),
      bias: Tensor(validShape: [filters], scalars: bias))
  }

  /// The most values `BiasAddGrad` sums on one thread: past them (measured with 3-64 filters on
  /// ~/keras-ref's 2 threads, within a few values of the boundary) it sums the first
  /// ceil(positions / 2) positions and the others apart, each in order, then adds the halves.
  static let biasGradientSingleThreadLimit = 124_440

  /// dY (positions, filters) summed over the positions per filter as TensorFlow's
  /// `BiasAddGrad` sums it.
  static func biasGradient(_ dy: UnsafePointer<Float>, positions: Int, filters: Int) -> [Float] {
    func sum(_ rows: Range<Int>) -> [Float] {
      var total = [Float](repeating: 0, count: filters)
      for position in rows {
        for f in 0..<filters { total[f] += dy[position * filters + f] }
      }
      return total
    }
    guard positions * filters > biasGradientSingleThreadLimit else { return sum(0..<positions) }
    let half = (positions + 1) / 2
    let first = sum(0..<half)
    let second = sum(half..<positions)
    return (0..<filters).map { first[$0] + second[$0] }
  }

  /// The full gradient of a convolution's output that went through a tiled max pooling
  /// (`PooledOutputGradient`), masked by its fused ReLU: each pooled value at its window's winner,
  /// zero elsewhere (any channel count).
  public static func outputGradient(_ pooled: PooledOutputGradient, threads: Int) -> Tensor {
    let shape = pooled.outputShape
    let rank = pooled.poolSize.count
    let size = Array(repeating: 1, count: 3 - rank) + Array(shape[1...rank])
    let pool = Array(repeating: 1, count: 3 - rank) + pooled.poolSize
    let out = (0..<3).map { size[$0] / pool[$0] }
    let (batch, channels) = (shape[0], shape[rank + 1])
    let tapMask = Int(MaxPoolTraining.positiveFlag - 1)
    let positive = Int(MaxPoolTraining.positiveFlag)
    var result = [Float](repeating: 0, count: shape.reduce(1, *))
    var at = 0
    for n in 0..<batch {
      for od in 0..<out[0] {
        for oh in 0..<out[1] {
          for ow in 0..<out[2] {
            for c in 0..<channels {
              let code = Int(pooled.winners[at + c])
              let t = code & tapMask
              let (kd, kh, kw) = (t / (pool[1] * pool[2]), (t / pool[2]) % pool[1], t % pool[2])
              let (d, h, w) = (od * pool[0] + kd, oh * pool[1] + kh, ow * pool[2] + kw)
              let value = 0 + pooled.gradient.scalars[at + c]
              result[(((n * size[0] + d) * size[1] + h) * size[2] + w) * channels + c] =
                pooled.relu && code & positive == 0 ? 0 : value
            }
            at += channels
          }
        }
      }
    }
    return Tensor(validShape: shape, scalars: result)
  }

}
