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
/// - the bias gradient is `BiasAddGrad` (`packWithBiasGradient`, `packPooled`), Keras 3's as
///   well (its `ops.add` of the bias trains to tf-keras' digits: script 1190).
///
/// Speed (every value summed in the same order as above): dY's 16-filter blocks and the bias
/// sums in one pass, in SIMD lanes, straight from a tiled max pooling's gradient and winners
/// when there is one; with unit width strides and 6 channels or more the tiles read the
/// input's channel-major copy instead of X^T (`channelMajorFilterGradient`), else X^T is
/// written through pointers; the buffers stay in the layer's `GradientWorkspace`; the GEMM's
/// rows left over from groups of 6 sum 16 filters at once (`TensorFlowContraction.plannedSum16`).
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
    try tensorFlowBackward(
      input: input, kernel: kernel, strides: strides, padding: padding,
      outputGradient: outputGradient, pooled: nil, needsInputGradient: needsInputGradient,
      threads: threads, workspace: workspace)
  }

  /// The same with the output gradient given as a tiled max pooling's (`PooledOutputGradient`):
  /// packed straight from the pooled values and winners (`packPooled`, which writes dY in full
  /// only for the input gradient) where the filters come in 8s, else expanded first
  /// (`outputGradient`). The values of `outputGradient` followed by the plain pass.
  public static func tensorFlowBackward(
    input: Tensor, kernel: Tensor, strides: [Int], padding: SpatialPadding,
    pooled: PooledOutputGradient, needsInputGradient: Bool, threads: Int,
    workspace: GradientWorkspace = GradientWorkspace()
  ) throws(KernelError) -> Result {
    let shape = pooled.outputShape
    let rank = pooled.poolSize.count
    let pooledShape =
      shape.count == rank + 2
      ? [shape[0]] + (0..<rank).map({ shape[1 + $0] / pooled.poolSize[$0] }) + [shape[rank + 1]]
      : []
    if MaxPoolTraining.applies(inputShape: shape, poolSize: pooled.poolSize),
      pooled.gradient.shape == pooledShape, pooled.winners.count == pooled.gradient.count
    {
      return try tensorFlowBackward(
        input: input, kernel: kernel, strides: strides, padding: padding,
        outputGradient: Tensor(validShape: shape, scalars: []), pooled: pooled,
        needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
    }
    outputGradient(pooled, threads: threads, into: &workspace.pooledGradient)
    return try tensorFlowBackward(
      input: input, kernel: kernel, strides: strides, padding: padding,
      outputGradient: workspace.pooledGradient, pooled: nil,
      needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
  }

  /// `outputGradient` (with `pooled`: only its shape is read; `pooled` fits `packPooled`).
  private static func tensorFlowBackward(
    input: Tensor, kernel: Tensor, strides: [Int], padding: SpatialPadding,
    outputGradient: Tensor, pooled: PooledOutputGradient?, needsInputGradient: Bool,
    threads: Int, workspace: GradientWorkspace
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
    // dY in 16-filter blocks (block, P, 16), the GEMM's right operand, and the bias sums.
    let width = PackedConvolutionWeights.blockWidth
    let blocks = (filters + width - 1) / width
    workspace.packedGradient.prepareForOverwrite(shape: [blocks * positions * width])
    var bias = [Float](repeating: 0, count: filters)
    // dY in full for the input gradient: the given one, or the one `packPooled` writes.
    var fullGradient = outputGradient
    if let pooled {
      if needsInputGradient {
        workspace.maskedGradient.prepareForOverwrite(shape: outputGradient.shape)
      }
      packPooled(
        pooled, perGroupOut: filters, blocksPerGroup: blocks, threads: threads,
        masked: needsInputGradient, workspace: workspace, bias: &bias,
        biasHalf: positions * filters > biasGradientSingleThreadLimit ? (positions + 1) / 2 : -1)
      if needsInputGradient { fullGradient = workspace.maskedGradient }
    } else {
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
    }
    let gradient = PackedDenseWeights(
      packedBlocks: workspace.packedGradient.scalars, inputUnits: positions, units: filters)
    let kernelGradient: [Float]
    if g.strides[2] == 1 && channels >= 6 && filters >= 2 {
      kernelGradient = channelMajorFilterGradient(
        input, geometry: g, filters: filters, positions: positions, packed: gradient,
        workspace: workspace, threads: threads)
    } else {
      // X^T: row (kh, kw, c) holds what that tap saw at every position (zero in the padding).
      workspace.columns.prepareForOverwrite(shape: [taps, positions])
      input.scalars.withUnsafeBufferPointer { source in
        workspace.columns.withUnsafeMutableBufferPointer { rows in
          guard let source = source.baseAddress, let rows = rows.baseAddress else { return }
          transposedPatches(
            source, geometry: g, positions: positions, threads: threads, into: rows)
        }
      }
      kernelGradient = try DenseKernel.apply(
        Tensor(validShape: [taps, positions], scalars: workspace.columns.scalars),
        weights: gradient, threads: threads, engine: .eigen, order: .tensorFlowKernels
      ).scalars
    }
    var inputGradient: Tensor?
    if needsInputGradient {
      inputGradient = try TransposedConvolutionKernel.tensorFlowProduct(
        fullGradient, weights: PackedTransposedConvolutionWeights(kernel: kernel),
        strides: strides, outputSize: Array(input.shape.dropFirst().dropLast()),
        padBefore: padding.before, activation: .linear, threads: threads)
    }
    return Result(
      input: inputGradient,
      kernel: Tensor(validShape: kernel.shape, scalars: kernelGradient),
      bias: Tensor(validShape: [filters], scalars: bias))
  }

  /// Rows `wanted` (all by default) of X^T of a 1-D or 2-D convolution without dilation,
  /// (taps, P): row (kh, kw, c) holds what that tap saw at each of the P output positions, zero
  /// in the padding; the first wanted row at `rows`. Every value written; threads take whole
  /// images (disjoint runs of every row). Along an output row a tap's inputs are a strided run
  /// of the input row, which stays in L1 while its taps are copied.
  static func transposedPatches(
    _ source: UnsafePointer<Float>, geometry g: WindowGeometry, positions: Int,
    rows wanted: Range<Int>? = nil, threads: Int, into rows: UnsafeMutablePointer<Float>
  ) {
    let (inH, inW) = (g.input[1], g.input[2])
    let (outH, outW) = (g.output[1], g.output[2])
    let (kH, kW) = (g.kernel[1], g.kernel[2])
    let (strideH, strideW) = (g.strides[1], g.strides[2])
    let (padH, padW) = (g.padBefore[1], g.padBefore[2])
    let channels = g.channels
    guard positions > 0, kH * kW * channels > 0 else { return }
    let wanted = wanted ?? 0..<kH * kW * channels
    guard !wanted.isEmpty else { return }
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
            let firstRow = kh * kW * channels
            let tapRows = rows + position - wanted.lowerBound * positions
            guard ih >= 0 && ih < inH else {
              for row in firstRow..<firstRow + kW * channels where wanted.contains(row) {
                (tapRows + row * positions).update(repeating: 0, count: outW)
              }
              continue
            }
            let line = source + (n * inH + ih) * inW * channels
            for kw in 0..<kW {
              let (first, end) = runs[kw]
              for c in 0..<channels where wanted.contains(firstRow + kw * channels + c) {
                let to = tapRows + (firstRow + kw * channels + c) * positions
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

  /// `Conv2DBackpropFilter`'s contraction (X^T by dY in `DenseKernel`'s TensorFlow order, the
  /// same sum for every value) without X^T, for unit width strides, 6 channels or more and 2
  /// filters or more: the tiles read the input's channel-major copy (`channelMajorCopy`), 6
  /// channels of one tap at a time, a segment per output row, in the plan's pieces (each piece's
  /// segments clipped once for every tile); the rows left over from groups of 6 of the whole
  /// contraction (1 to 3) from their own X^T rows, as `DenseKernel.tensorFlowRows` sums them.
  /// `packed`: dY in 16-filter blocks (block, P, 16). (taps x C, F) values.
  static func channelMajorFilterGradient(
    _ input: Tensor, geometry g: WindowGeometry, filters: Int, positions: Int,
    packed: PackedDenseWeights, workspace: GradientWorkspace, threads: Int
  ) -> [Float] {
    typealias Segment = ConvolutionMicrokernel.Segment
    let width = PackedConvolutionWeights.blockWidth
    let channels = g.channels
    let (kH, kW) = (g.kernel[1], g.kernel[2])
    let (outH, outW) = (g.output[1], g.output[2])
    let taps = kH * kW
    let rows = taps * channels
    var result = [Float](repeating: 0, count: rows * filters)
    guard positions > 0, g.output[0] == 1, g.kernel[0] == 1,
      let copy = channelMajorCopy(input, geometry: g, workspace: workspace, threads: threads)
    else { return result }
    let (plane, pD, pH, pW) = (copy.plane, copy.padded[0], copy.padded[1], copy.padded[2])
    // Output row (n, oh) reads its tap's run at (n, oh * stride + kh, kw) of a channel's plane:
    // the tap's (kh, kw) goes into the tile's base pointer, the segments serve every tap.
    var segments: [Segment] = []
    segments.reserveCapacity(g.batch * outH)
    for n in 0..<g.batch {
      for oh in 0..<outH {
        segments.append(
          Segment(
            input: (n * pD * pH + oh * g.strides[1]) * pW, weight: segments.count * outW * width,
            length: outW))
      }
    }
    // The plan's pieces as DenseKernel cuts the contraction, each piece's segments clipped.
    let plan =
      positions > TensorFlowContraction.blockDepth
      ? TensorFlowContraction.plan(rows: rows, columns: filters, depth: positions)
      : ContractionPlan.whole(positions)
    var pieces: [Segment] = []
    var starts: [Int] = [0]
    for range in plan.shards.joined() {
      for segment in segments {
        let first = segment.weight / width
        let start = max(first, range.lowerBound)
        let end = min(first + segment.length, range.upperBound)
        guard start < end else { continue }
        pieces.append(
          Segment(
            input: segment.input + (start - first), weight: (start - range.lowerBound) * width,
            length: end - start))
      }
      starts.append(pieces.count)
    }
    let blocks = (filters + width - 1) / width
    let shortLast = TensorFlowContraction.inShortLastBlock(
      column: filters - 1, columns: filters)
    let avx512 = ConvolutionMicrokernel.useAVX512
    let split = TileRows(count: channels, avx512: avx512)
    let whole = plan.isWhole
    workspace.columns.scalars.withUnsafeBufferPointer { columns in
      packed.packed.packed.withUnsafeBufferPointer { packed in
        result.withUnsafeMutableBufferPointer { result in
          segments.withUnsafeBufferPointer { segments in
            pieces.withUnsafeBufferPointer { pieces in
              starts.withUnsafeBufferPointer { starts in
                guard let columns = columns.baseAddress, let packed = packed.baseAddress,
                  let result = result.baseAddress, let segments = segments.baseAddress
                else { return }
                let pieceList = pieces.baseAddress.map { ($0, starts.baseAddress!) }
                KernelParallelism.forEachSlice(
                  count: blocks * taps * split.tiles, threads: threads,
                  minimumPerThread: max(1, (1 << 18) / max(1, 6 * width * positions))
                ) { items in
                  let zeros = UnsafeMutablePointer<Float>.allocate(capacity: width)
                  let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 3 * 6 * width)
                  // Unused with `pieces`.
                  let clipped = UnsafeMutablePointer<Segment>.allocate(capacity: 1)
                  zeros.initialize(repeating: 0, count: width)
                  defer {
                    zeros.deallocate()
                    scratch.deallocate()
                    clipped.deallocate()
                  }
                  for item in items {
                    let block = item / (taps * split.tiles)
                    let tap = (item / split.tiles) % taps
                    let (c, tileRows) = split.tile(item % split.tiles)
                    let (kh, kw) = (tap / kW, tap % kW)
                    let last = block == blocks - 1
                    let order: LastBlockOrder =
                      last && shortLast ? .pairs(taps: positions) : .chain
                    let pixel = columns + c * plane + kh * pW + kw
                    let weights = packed + block * positions * width
                    let lanes = min(width, filters - block * width)
                    let output = result + (tap * channels + c) * filters + block * width
                    if whole {
                      ConvolutionMicrokernel.tile(
                        segments: segments, segmentCount: outH * g.batch, rows: tileRows,
                        pixel: pixel, pixelStride: plane, weights: weights,
                        blockStride: positions * width, blocks: 1, bias: zeros, clamp: nil,
                        lanes: lanes, output: output, outputStride: filters, avx512: avx512,
                        order: order)
                    } else {
                      ConvolutionMicrokernel.plannedTile(
                        plan: plan, segments: segments, segmentCount: 0, rows: tileRows,
                        pixel: pixel, pixelStride: plane, weights: weights,
                        blockStride: positions * width, blocks: 1, bias: zeros, clamp: nil,
                        lanes: lanes, output: output, outputStride: filters, avx512: avx512,
                        order: order, clipped: clipped, scratch: scratch, zeros: zeros,
                        pieces: pieceList)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    // The rows left over from groups of 6 in TensorFlow's own orders.
    let left = rows % 6
    guard (1...3).contains(left) else { return result }
    var leftRows = [Float](repeating: 0, count: left * positions)
    input.scalars.withUnsafeBufferPointer { source in
      leftRows.withUnsafeMutableBufferPointer { target in
        guard let source = source.baseAddress, let target = target.baseAddress else { return }
        transposedPatches(
          source, geometry: g, positions: positions, rows: rows - left..<rows, threads: 1,
          into: target)
      }
    }
    leftRows.withUnsafeBufferPointer { leftRows in
      result.withUnsafeMutableBufferPointer { result in
        guard let leftRows = leftRows.baseAddress, let result = result.baseAddress else { return }
        DenseKernel.tensorFlowRows(
          leftRows, rows: rows - left..<rows,
          order: { row, column, _ in
            TensorFlowContraction.order(row: row, rows: rows, column: column, columns: filters)
          }, weights: packed, activation: .linear, plan: plan, output: result)
      }
    }
    return result
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
  /// zero elsewhere (any channel count), into `result`'s storage (kept from one training step to
  /// the next).
  static func outputGradient(
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
