/// Keras `Conv1DTranspose` / `Conv2DTranspose` / `Conv3DTranspose` (TensorFlow's conv_transpose).
///
/// Computed as a gather: output position o along an axis receives in[i] * w[k] for every tap with
/// i*s + k*d - pad_before = o. Each output value is one thread's FMA chain over its taps in
/// (kd, kh, kw, c) order, so results do not depend on the thread count.
///
/// With `order: .tensorFlowKernels` (the Eigen engine) a 1-D or 2-D layer without dilation is
/// computed as TensorFlow's CPU `Conv2DBackpropInput` computes it (`Conv2DCustomBackpropInputOp`:
/// a `Conv1DTranspose` is a 2-D one of height 1): per image, its H x W pixels (rows) times the
/// kernel as a (C_in, KH x KW x F) matrix, summed as TensorFlow's contraction sums a MatMul
/// (`DenseKernel`, `TensorFlowContraction.order` with rows = the image's pixels), then `Col2im`:
/// every product added, from zero, to the output value it reaches, pixels in row-major order and
/// taps in (kh, kw) order; then the bias (a BiasAdd of its own), then the activation. Measured
/// with seeded layers of 1-128 channels, 1-64 filters, kernels 2-5, strides 1-3, both paddings:
/// every value (up to 256 channels; past that the product sums in `ContractionPlan`'s pieces as a
/// MatMul of the image's rows).
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
    threads: Int = KernelParallelism.defaultThreadCount, order: ContractionOrder = .chains
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
      activation: activation, threads: threads, order: order)
  }

  /// Explicit form: any output size and pad_before per axis.
  /// input (N, spatial..., C_in), kernel (K..., F, C_in) packed -> output (N, outputSize..., F)
  public static func convolve(
    _ input: Tensor, weights: PackedTransposedConvolutionWeights, strides: [Int], dilations: [Int],
    outputSize: [Int], padBefore: [Int], activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, order: ContractionOrder = .chains
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
    if order == .tensorFlowKernels, rank <= 2, dilations.allSatisfy({ $0 == 1 }) {
      return try tensorFlowProduct(
        input, weights: weights, strides: strides, outputSize: outputSize,
        padBefore: padBefore, activation: activation, threads: threads)
    }
    let inSize = aligned(Array(input.shape[1...rank]), to: 3, fill: 1)
    let outSize = aligned(outputSize, to: 3, fill: 1)
    let kernel = aligned(w.kernelSize, to: 3, fill: 1)
    let stride = aligned(strides, to: 3, fill: 1)
    let dilation = aligned(dilations, to: 3, fill: 1)
    let pad = aligned(padBefore, to: 3, fill: 0)
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

  /// `values` (one per spatial axis) as the last of `count` axes, the leading ones `fill`.
  static func aligned(_ values: [Int], to count: Int, fill: Int) -> [Int] {
    Array(repeating: fill, count: count - values.count) + values
  }

  /// The `.tensorFlowKernels` form (see the type's comment): 1-D or 2-D, no dilation, arguments
  /// checked by the caller.
  static func tensorFlowProduct(
    _ input: Tensor, weights: PackedTransposedConvolutionWeights, strides: [Int],
    outputSize: [Int], padBefore: [Int], activation: FusedActivation, threads: Int
  ) throws(KernelError) -> Tensor {
    let rank = strides.count
    let inSize = aligned(Array(input.shape[1...rank]), to: 2, fill: 1)
    let outSize = aligned(outputSize, to: 2, fill: 1)
    let kernel = aligned(weights.kernelSize, to: 2, fill: 1)
    let stride = aligned(strides, to: 2, fill: 1)
    let pad = aligned(padBefore, to: 2, fill: 0)
    let batch = input.shape[0]
    let channels = weights.inputChannels
    let filters = weights.filters
    let pixels = inSize[0] * inSize[1]
    let outPixels = outSize[0] * outSize[1]
    let width = kernel[0] * kernel[1] * filters
    let clamp = activation.bounds
    var output = [Float](repeating: 0, count: batch * outPixels * filters)
    guard !output.isEmpty else {
      return Tensor(validShape: [batch] + outputSize + [filters], scalars: output)
    }
    guard pixels > 0 else {
      return Tensor(validShape: [batch] + outputSize + [filters], scalars: output)
    }
    guard input.count == batch * pixels * channels else {
      throw KernelError("input \(input.shape) does not fit \(channels) channels")
    }
    // Threads take whole images (each image's MatMul on one thread, its Col2im into its own
    // part of the output): one parallel pass instead of one per image.
    var failure: KernelError?
    let failures = UnsafeMutablePointer<KernelError?>.allocate(capacity: batch)
    failures.initialize(repeating: nil, count: batch)
    defer {
      failures.deinitialize(count: batch)
      failures.deallocate()
    }
    input.scalars.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { out in
        guard let source = source.baseAddress, let out = out.baseAddress else { return }
        KernelParallelism.forEachSlice(
          count: batch, threads: threads,
          minimumPerThread: max(1, (1 << 16) / max(1, pixels * channels * width))
        ) { images in
          // One image's products at a time, in the same storage for the thread's images.
          var products = Tensor.empty
          for image in images {
            let rows = Tensor(
              validShape: [pixels, channels],
              scalars: Array(
                UnsafeBufferPointer(
                  start: source + image * pixels * channels,
                  count: pixels * channels)))
            do throws(KernelError) {
              try DenseKernel.apply(
                rows, weights: weights.columns, threads: 1, engine: .eigen,
                order: .tensorFlowKernels, into: &products)
            } catch {
              failures[image] = error
              continue
            }
            products.scalars.withUnsafeBufferPointer { column in
              guard let column = column.baseAddress else { return }
              let target = out + image * outPixels * filters
              for ih in 0..<inSize[0] {
                for iw in 0..<inSize[1] {
                  let source = column + (ih * inSize[1] + iw) * width
                  for kh in 0..<kernel[0] {
                    let oh = ih * stride[0] - pad[0] + kh
                    guard oh >= 0 && oh < outSize[0] else { continue }
                    for kw in 0..<kernel[1] {
                      let ow = iw * stride[1] - pad[1] + kw
                      guard ow >= 0 && ow < outSize[1] else { continue }
                      let from = source + (kh * kernel[1] + kw) * filters
                      let to = target + (oh * outSize[1] + ow) * filters
                      for f in 0..<filters { to[f] += from[f] }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    for image in 0..<batch where failure == nil { failure = failures[image] }
    if let failure { throw failure }
    if weights.bias != nil || clamp != nil {
      let bias = weights.bias
      for index in output.indices {
        var value = output[index]
        if let bias { value += bias[index % filters] }
        output[index] = FusedActivation.clamped(value, clamp)
      }
    }
    return Tensor(validShape: [batch] + outputSize + [filters], scalars: output)
  }
}
