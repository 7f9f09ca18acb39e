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
/// - the bias gradient is `BiasAddGrad` (`packWithBiasGradient`), Keras 3's as well (its `ops.add` of
///   the bias trains to tf-keras' digits: script 1190).
///
/// Speed (every value summed in the same order as above): X^T and dY's 16-filter blocks are
/// written through pointers into the layer's `GradientWorkspace` (threads take whole images or
/// whole blocks), the bias sums run in SIMD lanes while dY is packed, and the GEMM's rows left
/// over from groups of 6 sum 16 filters at once (`TensorFlowContraction.plannedSum16`).
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
  /// `workspace`: X^T and the packed dY stay there from one training step to the next.
  public static func tensorFlowBackward(
    input: Tensor, kernel: Tensor, strides: [Int], padding: SpatialPadding,
    outputGradient: Tensor, needsInputGradient: Bool, threads: Int,
    workspace: GradientWorkspace = GradientWorkspace()
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
    let taps = g.kernel[1] * g.kernel[2] * channels
    // X^T: row (kh, kw, c) holds what that tap saw at every position (zero in the padding).
    workspace.columns.prepareForOverwrite(shape: [taps, positions])
    input.scalars.withUnsafeBufferPointer { source in
      workspace.columns.withUnsafeMutableBufferPointer { rows in
        guard let source = source.baseAddress, let rows = rows.baseAddress else { return }
        transposedPatches(source, geometry: g, positions: positions, threads: threads, into: rows)
      }
    }
    // dY in 16-filter blocks (block, P, 16), the GEMM's right operand, and the bias sums.
    let width = PackedConvolutionWeights.blockWidth
    let blocks = (filters + width - 1) / width
    workspace.packedGradient.prepareForOverwrite(shape: [blocks * positions * width])
    var bias = [Float](repeating: 0, count: filters)
    outputGradient.scalars.withUnsafeBufferPointer { dy in
      workspace.packedGradient.withUnsafeMutableBufferPointer { packed in
        bias.withUnsafeMutableBufferPointer { bias in
          guard let dy = dy.baseAddress, let packed = packed.baseAddress,
            let bias = bias.baseAddress
          else { return }
          packWithBiasGradient(
            dy, positions: positions, filters: filters, threads: threads, packed: packed,
            bias: bias)
        }
      }
    }
    let gradient = PackedDenseWeights(
      packedBlocks: workspace.packedGradient.scalars, inputUnits: positions, units: filters)
    let kernelGradient = try DenseKernel.apply(
      Tensor(validShape: [taps, positions], scalars: workspace.columns.scalars),
      weights: gradient, threads: threads, engine: .eigen, order: .tensorFlowKernels)
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

  /// X^T of a 1-D or 2-D convolution without dilation, (taps, P): row (kh, kw, c) holds what
  /// that tap saw at each of the P output positions, zero in the padding. Every value written;
  /// threads take whole images (disjoint runs of every row). Along an output row a tap's inputs
  /// are a strided run of the input row, which stays in L1 while its taps are copied.
  static func transposedPatches(
    _ source: UnsafePointer<Float>, geometry g: WindowGeometry, positions: Int, threads: Int,
    into rows: UnsafeMutablePointer<Float>
  ) {
    let (inH, inW) = (g.input[1], g.input[2])
    let (outH, outW) = (g.output[1], g.output[2])
    let (kH, kW) = (g.kernel[1], g.kernel[2])
    let (strideH, strideW) = (g.strides[1], g.strides[2])
    let (padH, padW) = (g.padBefore[1], g.padBefore[2])
    let channels = g.channels
    guard positions > 0, kH * kW * channels > 0 else { return }
    // Per kw: the output columns whose input column lies inside the input, [first, end).
    let runs = UnsafeMutablePointer<(first: Int, end: Int)>.allocate(capacity: kW)
    defer { runs.deallocate() }
    for kw in 0..<kW {
      var first = 0
      while first < outW && first * strideW - padW + kw < 0 { first += 1 }
      var end = first
      while end < outW && end * strideW - padW + kw < inW { end += 1 }
      runs[kw] = (first, end)
    }
    let step = strideW * channels
    KernelParallelism.forEachSlice(
      count: g.batch, threads: threads,
      minimumPerThread: max(1, (1 << 15) / max(1, outH * outW * kH * kW * channels))
    ) { images in
      for n in images {
        for oh in 0..<outH {
          let position = (n * outH + oh) * outW
          for kh in 0..<kH {
            let ih = oh * strideH - padH + kh
            let tapRows = rows + kh * kW * channels * positions + position
            guard ih >= 0 && ih < inH else {
              for row in 0..<kW * channels {
                (tapRows + row * positions).update(repeating: 0, count: outW)
              }
              continue
            }
            let line = source + (n * inH + ih) * inW * channels
            for kw in 0..<kW {
              let (first, end) = runs[kw]
              for c in 0..<channels {
                let to = tapRows + (kw * channels + c) * positions
                if first > 0 { to.update(repeating: 0, count: first) }
                if end < outW { (to + end).update(repeating: 0, count: outW - end) }
                guard first < end else { continue }
                var from = line + (first * strideW - padW + kw) * channels + c
                for ow in first..<end {
                  to[ow] = from.pointee
                  from += step
                }
              }
            }
          }
        }
      }
    }
  }

  /// The most values `BiasAddGrad` sums on one thread: past them (measured with 3-64 filters on
  /// ~/keras-ref's 2 threads, within a few values of the boundary) it sums the first
  /// ceil(positions / 2) positions and the others apart, each in order, then adds the halves.
  static let biasGradientSingleThreadLimit = 124_440

  /// dY (P, F) packed into 16-filter blocks (block, P, 16), zero past the last filter, and
  /// `BiasAddGrad`'s sums into `bias` (F values): each filter summed over the positions in order
  /// from zero, in a SIMD lane; past `biasGradientSingleThreadLimit` values the first
  /// ceil(P / 2) positions and the others apart, then the two halves added. Threads take whole
  /// blocks.
  static func packWithBiasGradient(
    _ dy: UnsafePointer<Float>, positions: Int, filters: Int, threads: Int,
    packed: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>
  ) {
    let width = PackedConvolutionWeights.blockWidth
    let blocks = (filters + width - 1) / width
    let half = positions * filters > biasGradientSingleThreadLimit ? (positions + 1) / 2 : -1
    KernelParallelism.forEachSlice(
      count: blocks, threads: threads,
      minimumPerThread: max(1, (1 << 16) / max(1, positions * width))
    ) { items in
      let zero = SIMD8<Float>(repeating: 0)
      for block in items {
        let first = block * width
        let lanes = min(width, filters - first)
        var target = packed + block * positions * width
        var row = dy + first
        var (low, high) = (zero, zero)
        var (firstLow, firstHigh) = (zero, zero)
        for p in 0..<positions {
          if p == half {
            (firstLow, firstHigh) = (low, high)
            (low, high) = (zero, zero)
          }
          let a: SIMD8<Float>
          let b: SIMD8<Float>
          if lanes == width {
            a = SIMDMemory.load(row)
            b = SIMDMemory.load(row + 8)
          } else {
            a = lanes >= 8 ? SIMDMemory.load(row) : SIMDMemory.loadPartial(row, count: lanes)
            b = lanes > 8 ? SIMDMemory.loadPartial(row + 8, count: lanes - 8) : zero
          }
          low += a
          high += b
          SIMDMemory.store(a, target)
          SIMDMemory.store(b, target + 8)
          target += width
          row += filters
        }
        if half >= 0 {
          low = firstLow + low
          high = firstHigh + high
        }
        for lane in 0..<lanes { bias[first + lane] = lane < 8 ? low[lane] : high[lane - 8] }
      }
    }
  }

  /// The full gradient of a convolution's output that went through a tiled max pooling
  /// (`PooledOutputGradient`), masked by its fused ReLU: each pooled value at its window's winner,
  /// zero elsewhere (any channel count).
  public static func outputGradient(_ pooled: PooledOutputGradient, threads: Int) -> Tensor {
    var result = Tensor.empty
    outputGradient(pooled, threads: threads, into: &result)
    return result
  }

  /// `outputGradient` into `result`'s storage (kept from one training step to the next).
  public static func outputGradient(
    _ pooled: PooledOutputGradient, threads: Int, into result: inout Tensor
  ) {
    let shape = pooled.outputShape
    let rank = pooled.poolSize.count
    let size = Array(repeating: 1, count: 3 - rank) + Array(shape[1...rank])
    let pool = Array(repeating: 1, count: 3 - rank) + pooled.poolSize
    let out = (0..<3).map { size[$0] / pool[$0] }
    let (batch, channels) = (shape[0], shape[rank + 1])
    result.prepareForOverwrite(shape: shape)
    guard channels % 8 == 0, pooled.gradient.count == batch * out.reduce(1, *) * channels,
      pooled.winners.count == pooled.gradient.count
    else {
      result.withUnsafeMutableBufferPointer { target in
        target.update(repeating: 0)
        scatterEachValue(pooled, size: size, pool: pool, out: out, into: target)
      }
      return
    }
    let (sD, sH, sW) = (size[0], size[1], size[2])
    let (kD, kH, kW) = (pool[0], pool[1], pool[2])
    let (oD, oH, oW) = (out[0], out[1], out[2])
    let tapMask = Int32(MaxPoolTraining.positiveFlag - 1)
    let relu = pooled.relu
    let rowValues = sW * channels
    result.withUnsafeMutableBufferPointer { target in
      pooled.gradient.scalars.withUnsafeBufferPointer { dy in
        pooled.winners.withUnsafeBufferPointer { winners in
          guard let target = target.baseAddress, let dy = dy.baseAddress,
            let winners = winners.baseAddress
          else { return }
          // Every value written once: a window's taps get its value where the tap won, zero
          // elsewhere; rows and columns past the last whole window zero. Threads take images.
          KernelParallelism.forEachSlice(
            count: batch, threads: threads,
            minimumPerThread: max(1, (1 << 15) / max(1, sD * sH * rowValues))
          ) { images in
            let zero = SIMD8<Float>(repeating: 0)
            for n in images {
              for d in 0..<sD {
                let (od, kd) = (d / kD, d % kD)
                for h in 0..<sH {
                  let (oh, kh) = (h / kH, h % kH)
                  let row = target + ((n * sD + d) * sH + h) * rowValues
                  guard od < oD && oh < oH else {
                    row.update(repeating: 0, count: rowValues)
                    continue
                  }
                  let rowTap = Int32((kd * kH + kh) * kW)
                  for ow in 0..<oW {
                    let at = (((n * oD + od) * oH + oh) * oW + ow) * channels
                    for kw in 0..<kW {
                      let tap = SIMD8<Int32>(repeating: rowTap + Int32(kw))
                      let to = row + (ow * kW + kw) * channels
                      var c = 0
                      while c < channels {
                        let codes = loadWinners(winners + at + c)
                        let value = routedValue(
                          SIMDMemory.load(dy + at + c), winners: codes, relu: relu)
                        SIMDMemory.store(
                          zero.replacing(with: value, where: codes & tapMask .== tap), to + c)
                        c += 8
                      }
                    }
                  }
                  let covered = oW * kW * channels
                  (row + covered).update(repeating: 0, count: rowValues - covered)
                }
              }
            }
          }
        }
      }
    }
  }

  /// `outputGradient` value by value onto zeros (channel counts the SIMD path does not cover).
  private static func scatterEachValue(
    _ pooled: PooledOutputGradient, size: [Int], pool: [Int], out: [Int],
    into result: UnsafeMutableBufferPointer<Float>
  ) {
    let shape = pooled.outputShape
    let rank = pooled.poolSize.count
    let (batch, channels) = (shape[0], shape[rank + 1])
    let tapMask = Int(MaxPoolTraining.positiveFlag - 1)
    let positive = Int(MaxPoolTraining.positiveFlag)
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
  }

}
