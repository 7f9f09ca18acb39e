/// Keras `Conv1DTranspose` / `Conv2DTranspose` / `Conv3DTranspose` (TensorFlow's conv_transpose).
///
/// Computed as a gather: output position o along an axis receives in[i] * w[k] for every tap with
/// i*s + k*d - pad_before = o. Each output value is one thread's FMA chain over its taps in
/// (kd, kh, kw, c) order, so results do not depend on the thread count.
public enum TransposedConvolutionKernel {
  /// The two paddings Keras accepts for transposed convolutions.
  public enum PaddingMode: Sendable, Equatable {
    case valid, same
  }

  /// Keras `conv_utils.deconv_output_length`.
  /// Without output padding: valid -> n*s + max(k' - s, 0), same -> n*s. With output padding p:
  /// (n - 1)*s + k' - 2*pad + p where pad = k'/2 for same and 0 for valid; k' = d*(k-1) + 1.
  public static func outputLength(
    input: Int, kernel: Int, stride: Int, dilation: Int = 1, padding: PaddingMode,
    outputPadding: Int? = nil
  ) -> Int {
    let extent = (kernel - 1) * dilation + 1
    guard let outputPadding else {
      return padding == .valid ? input * stride + max(extent - stride, 0) : input * stride
    }
    let pad = padding == .same ? extent / 2 : 0
    return (input - 1) * stride + extent - 2 * pad + outputPadding
  }

  /// TensorFlow's pad_before for a transposed convolution producing `output` values: the padding the
  /// matching forward convolution of `output` values would use (valid 0; same
  /// max((n - 1)*s + k' - output, 0) / 2, floored).
  public static func padBefore(
    input: Int, output: Int, kernel: Int, stride: Int, dilation: Int = 1, padding: PaddingMode
  ) -> Int {
    guard padding == .same else { return 0 }
    let extent = (kernel - 1) * dilation + 1
    return max((input - 1) * stride + extent - output, 0) / 2
  }

  /// The Keras layer: output size from `deconv_output_length`, padding as TensorFlow derives it.
  /// input (N, spatial..., C_in), kernel (K..., F, C_in) packed -> output (N, spatial'..., F)
  public static func convolve(
    _ input: Tensor, weights: PackedTransposedConvolutionWeights, strides: [Int],
    dilations: [Int]? = nil,
    padding: PaddingMode, outputPadding: [Int]? = nil, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    let rank = weights.kernelSize.count
    let dilations = dilations ?? Array(repeating: 1, count: rank)
    guard input.rank == rank + 2, strides.count == rank, dilations.count == rank,
      outputPadding.map({ $0.count == rank }) ?? true
    else {
      throw KernelError(
        "a \(rank)D transposed convolution needs a rank-\(rank + 2) input and \(rank) strides, dilations and "
          + "output paddings, got input \(input.shape)")
    }
    var outputSize: [Int] = []
    var pads: [Int] = []
    for axis in 0..<rank {
      let size = outputLength(
        input: input.shape[axis + 1], kernel: weights.kernelSize[axis], stride: strides[axis],
        dilation: dilations[axis], padding: padding, outputPadding: outputPadding?[axis])
      outputSize.append(size)
      pads.append(
        padBefore(
          input: input.shape[axis + 1], output: size, kernel: weights.kernelSize[axis],
          stride: strides[axis],
          dilation: dilations[axis], padding: padding))
    }
    return try convolve(
      input, weights: weights, strides: strides, dilations: dilations, outputSize: outputSize,
      padBefore: pads,
      activation: activation, threads: threads)
  }

  /// Explicit form: any output size and pad_before per axis.
  /// input (N, spatial..., C_in), kernel (K..., F, C_in) packed -> output (N, outputSize..., F)
  public static func convolve(
    _ input: Tensor, weights: PackedTransposedConvolutionWeights, strides: [Int], dilations: [Int],
    outputSize: [Int], padBefore: [Int], activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    let w = weights.packed
    let rank = w.spatialRank
    guard input.rank == rank + 2, strides.count == rank, dilations.count == rank,
      outputSize.count == rank,
      padBefore.count == rank
    else {
      throw KernelError(
        "a \(rank)D transposed convolution got input \(input.shape) and mismatched parameters")
    }
    guard strides.allSatisfy({ $0 >= 1 }), dilations.allSatisfy({ $0 >= 1 }),
      outputSize.allSatisfy({ $0 >= 0 })
    else {
      throw KernelError(
        "strides \(strides), dilations \(dilations) and output size \(outputSize) are invalid")
    }
    guard input.shape[rank + 1] == w.inputChannelsPerGroup else {
      throw KernelError(
        "input has \(input.shape[rank + 1]) channels but the kernel expects \(w.inputChannelsPerGroup)"
      )
    }
    let lead = 3 - rank
    var inSize = [1, 1, 1]
    var outSize = [1, 1, 1]
    var kernel = [1, 1, 1]
    var stride = [1, 1, 1]
    var dilation = [1, 1, 1]
    var pad = [0, 0, 0]
    for axis in 0..<rank {
      inSize[lead + axis] = input.shape[axis + 1]
      outSize[lead + axis] = outputSize[axis]
      kernel[lead + axis] = w.kernelSize[axis]
      stride[lead + axis] = strides[axis]
      dilation[lead + axis] = dilations[axis]
      pad[lead + axis] = padBefore[axis]
    }
    // For each axis and output position, the (tap, input index) pairs that reach it, taps ascending.
    var reach: [[[(tap: Int, index: Int)]]] = []
    for axis in 0..<3 {
      var perOutput: [[(tap: Int, index: Int)]] = []
      for o in 0..<outSize[axis] {
        var list: [(tap: Int, index: Int)] = []
        for k in 0..<kernel[axis] {
          let numerator = o + pad[axis] - k * dilation[axis]
          if numerator >= 0 && numerator % stride[axis] == 0
            && numerator / stride[axis] < inSize[axis]
          {
            list.append((k, numerator / stride[axis]))
          }
        }
        perOutput.append(list)
      }
      reach.append(perOutput)
    }
    let batch = input.shape[0]
    let channels = w.inputChannelsPerGroup
    let filters = w.filters
    let rows = batch * outSize[0] * outSize[1]
    let blocks = w.blocksPerGroup
    let clamp = activation.bounds
    let width = PackedConvolutionWeights.blockWidth
    let taps = kernel.reduce(1, *)
    return Tensor(uninitializedShape: [batch] + outputSize + [filters]) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        w.packed.withUnsafeBufferPointer { packed in
          w.packedBias.withUnsafeBufferPointer { bias in
            KernelParallelism.forEachSlice(count: rows * blocks, threads: threads) { items in
              let segments = UnsafeMutablePointer<ConvolutionMicrokernel.Segment>.allocate(
                capacity: max(1, taps))
              defer { segments.deallocate() }
              for item in items {
                let row = item / blocks
                let block = item % blocks
                let oh = row % outSize[1]
                let od = (row / outSize[1]) % outSize[0]
                let n = row / (outSize[1] * outSize[0])
                let base = source.baseAddress! + n * inSize[0] * inSize[1] * inSize[2] * channels
                for ow in 0..<outSize[2] {
                  var count = 0
                  for (kd, id) in reach[0][od] {
                    for (kh, ih) in reach[1][oh] {
                      for (kw, iw) in reach[2][ow] {
                        segments[count] = .init(
                          input: ((id * inSize[1] + ih) * inSize[2] + iw) * channels,
                          weight: ((kd * kernel[1] + kh) * kernel[2] + kw) * channels * width,
                          length: channels)
                        count += 1
                      }
                    }
                  }
                  ConvolutionMicrokernel.tile1x16(
                    segments: segments, segmentCount: count, base: base, pixelOffset: 0,
                    weights: packed.baseAddress! + block * w.blockStride,
                    bias: bias.baseAddress! + block * width,
                    clamp: clamp, lanes: min(width, filters - block * width),
                    output: output.baseAddress! + (row * outSize[2] + ow) * filters + block * width)
                }
              }
            }
          }
        }
      }
    }
  }
}
