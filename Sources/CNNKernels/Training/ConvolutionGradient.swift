/// The backward pass of Keras `Conv1D` / `Conv2D` / `Conv3D` with strides, dilation, explicit
/// padding and groups (beside `ConvolutionKernel`, its forward pass), built from that same fast
/// kernel and its register tiles:
///
/// - the input gradient is a stride-1 convolution of the output gradient, spread out by the
///   strides (zeros between its values), with the kernel flipped in space and its two channel axes
///   swapped within each group, and padding chosen so that the result has the input's size;
/// - the kernel gradient is the packed GEMM dW (taps x C/groups, F) = X^T dY over the P = N x
///   output positions: X^T holds, row by row, the input values one (tap, channel) saw at every
///   position (zero in the padding), dY is packed into 16-filter blocks of (P, 16) like forward
///   weights, and `ConvolutionMicrokernel`'s 6x16 tile accumulates 6 rows x 16 filters at a time;
/// - the bias gradient sums dY over the P positions.
///
/// With `reluOutput` (the forward output of a convolution that ended in a plain ReLU), the output
/// gradient is first masked by output > 0, the ReLU's derivative, in the same pass that packs it.
///
/// Every value is one sum over positions in order (one FMA chain), whichever thread computes it,
/// so results do not depend on the thread count. A `GradientWorkspace` keeps the large buffers
/// from one training step to the next.
public enum ConvolutionGradient {
  public struct Result {
    public var input: Tensor?
    public var kernel: Tensor
    public var bias: Tensor
  }

  /// The gradient of a convolution's output when that output went only through a max pooling
  /// whose windows tile it (pool size = strides, no padding: Keras' default `MaxPooling2D()`):
  /// the pooling's output gradient and the winners its forward pass recorded
  /// (`MaxPoolTraining`), which the convolution's backward pass routes to each window's winner
  /// itself, in the pass that packs it, instead of reading a mostly-zero gradient of its whole
  /// output that the pooling's backward pass wrote (and the output again for the ReLU).
  public struct PooledOutputGradient {
    /// The gradient of the pooling's output, (N, pooled spatial..., F).
    public var gradient: Tensor
    public var poolSize: [Int]
    /// `MaxPoolTraining.forward`'s winner bytes, one per pooled value.
    public var winners: [UInt8]
    /// The convolution's output shape (the pooling's input), (N, spatial'..., F).
    public var outputShape: [Int]
    /// The convolution ended in a plain ReLU (fused: its derivative is output > 0); else linear.
    public var relu: Bool

    public init(
      gradient: Tensor, poolSize: [Int], winners: [UInt8], outputShape: [Int], relu: Bool
    ) {
      self.gradient = gradient
      self.poolSize = poolSize
      self.winners = winners
      self.outputShape = outputShape
      self.relu = relu
    }
  }

  /// input (N, spatial..., C), kernel (K..., C/groups, F), outputGradient (N, spatial'..., F)
  public static func backward(
    input: Tensor, kernel: Tensor, groups: Int, strides: [Int], dilations: [Int],
    padding: SpatialPadding, outputGradient: Tensor, reluOutput: Tensor? = nil,
    needsInputGradient: Bool, threads: Int, workspace: GradientWorkspace = GradientWorkspace()
  ) throws(KernelError) -> Result {
    try backward(
      input: input, kernel: kernel, groups: groups, strides: strides, dilations: dilations,
      padding: padding, outputGradient: outputGradient, reluOutput: reluOutput, pooled: nil,
      needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
  }

  /// The same backward pass with the output gradient given as a tiled max pooling's
  /// (`PooledOutputGradient`): bitwise the values of `PoolingGradient.backward` followed by
  /// `backward` (with the ReLU output when `relu`), without the intermediate gradient.
  public static func backward(
    input: Tensor, kernel: Tensor, groups: Int, strides: [Int], dilations: [Int],
    padding: SpatialPadding, pooled: PooledOutputGradient, needsInputGradient: Bool,
    threads: Int, workspace: GradientWorkspace = GradientWorkspace()
  ) throws(KernelError) -> Result {
    let shape = pooled.outputShape
    let rank = pooled.poolSize.count
    guard MaxPoolTraining.applies(inputShape: shape, poolSize: pooled.poolSize) else {
      throw KernelError("an output of \(shape) pooled by \(pooled.poolSize) has no winners")
    }
    let pooledShape =
      [shape[0]] + (0..<rank).map({ shape[1 + $0] / pooled.poolSize[$0] }) + [shape.last!]
    guard pooled.gradient.shape == pooledShape, pooled.winners.count == pooled.gradient.count
    else {
      throw KernelError(
        "pooled gradient \(pooled.gradient.shape) with \(pooled.winners.count) winners does not fit an output of \(shape) pooled by \(pooled.poolSize)"
      )
    }
    let filters = shape.last!
    guard groups >= 1, filters % groups == 0, (filters / groups) % 8 == 0 else {
      // Groups of filters that the packing's 8-lane halves do not cover: the pooling's gradient
      // in full first (already masked by the ReLU), then the plain pass.
      outputGradient(pooled, threads: threads, into: &workspace.pooledGradient)
      return try backward(
        input: input, kernel: kernel, groups: groups, strides: strides, dilations: dilations,
        padding: padding, outputGradient: workspace.pooledGradient, reluOutput: nil, pooled: nil,
        needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
    }
    return try backward(
      input: input, kernel: kernel, groups: groups, strides: strides, dilations: dilations,
      padding: padding, outputGradient: Tensor(validShape: shape, scalars: []),
      reluOutput: nil, pooled: pooled, needsInputGradient: needsInputGradient, threads: threads,
      workspace: workspace)
  }

  /// The value a window's winner receives: its pooled gradient (plus zero, as the pooling's
  /// backward pass adds it onto zero), or zero where a fused ReLU blocks it.
  @inline(__always)
  static func routedValue(_ share: SIMD8<Float>, winners: SIMD8<Int32>, relu: Bool)
    -> SIMD8<Float>
  {
    let zero = SIMD8<Float>(repeating: 0)
    let value = zero + share
    guard relu else { return value }
    let positive = winners & Int32(MaxPoolTraining.positiveFlag)
    return zero.replacing(with: value, where: positive .!= SIMD8<Int32>(repeating: 0))
  }

  /// The winner bytes of 8 lanes as tap indices and flags.
  @inline(__always)
  static func loadWinners(_ pointer: UnsafePointer<UInt8>) -> SIMD8<Int32> {
    SIMD8<Int32>(
      truncatingIfNeeded: UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<UInt8>.self))
  }

  /// input (N, spatial..., C), kernel (K..., C/groups, F), outputGradient (N, spatial'..., F)
  /// (with `pooled`, the convolution's output: only its shape is read)
  private static func backward(
    input: Tensor, kernel: Tensor, groups: Int, strides: [Int], dilations: [Int],
    padding: SpatialPadding, outputGradient: Tensor, reluOutput: Tensor?,
    pooled: PooledOutputGradient?, needsInputGradient: Bool, threads: Int,
    workspace: GradientWorkspace
  ) throws(KernelError) -> Result {
    let rank = kernel.rank - 2
    let kernelSize = Array(kernel.shape.prefix(rank))
    let g = try WindowGeometry(
      inputShape: input.shape, kernelSize: kernelSize, strides: strides, dilations: dilations,
      padding: padding)
    let channels = g.channels
    let filters = kernel.shape[rank + 1]
    guard groups >= 1, channels % groups == 0, filters % groups == 0,
      kernel.shape[rank] * groups == channels
    else {
      throw KernelError(
        "kernel \(kernel.shape) with \(groups) group(s) does not fit an input of \(channels) channels"
      )
    }
    let perGroupIn = channels / groups
    let perGroupOut = filters / groups
    let positions = g.batch * g.output[0] * g.output[1] * g.output[2]
    if let pooled, pooled.outputShape != g.outputShape(channels: filters) {
      throw KernelError(
        "pooled output \(pooled.outputShape) does not fit a convolution output of \(g.outputShape(channels: filters))"
      )
    }
    guard pooled != nil || outputGradient.count == positions * filters else {
      throw KernelError(
        "output gradient \(outputGradient.shape) does not fit a convolution output of \(g.outputShape(channels: filters))"
      )
    }
    if let reluOutput, reluOutput.count != outputGradient.count {
      throw KernelError("ReLU output \(reluOutput.shape) does not fit \(outputGradient.shape)")
    }
    let width = PackedConvolutionWeights.blockWidth
    let blocksPerGroup = (perGroupOut + width - 1) / width
    let blocks = groups * blocksPerGroup

    // dY masked by the ReLU (when fused) in its own layout, for the input gradient, and packed
    // into blocks (block, P, 16) for the kernel gradient; the bias gradient on the way.
    var biasGradient = [Float](repeating: 0, count: filters)
    let masked = (reluOutput != nil || pooled != nil) && needsInputGradient
    if masked {
      workspace.maskedGradient.prepareForOverwrite(shape: outputGradient.shape)
    }
    workspace.packedGradient.prepareForOverwrite(shape: [blocks * positions * width])
    if let pooled {
      packPooled(
        pooled, perGroupOut: perGroupOut, blocksPerGroup: blocksPerGroup, threads: threads,
        masked: masked, workspace: workspace, bias: &biasGradient)
    } else {
      outputGradient.scalars.withUnsafeBufferPointer { dy in
        (reluOutput ?? outputGradient).scalars.withUnsafeBufferPointer { y in
          workspace.packedGradient.withUnsafeMutableBufferPointer { packed in
            workspace.maskedGradient.withUnsafeMutableBufferPointer { maskedOut in
              biasGradient.withUnsafeMutableBufferPointer { bias in
                let dy = dy.baseAddress!
                let y = y.baseAddress!
                let packed = packed.baseAddress!
                let useMask = reluOutput != nil
                // Block by block, positions in order: each filter's bias sum runs over the
                // positions in order, in a SIMD lane for full blocks. Blocks are independent, so
                // threads take whole blocks.
                KernelParallelism.forEachSlice(
                  count: blocks, threads: threads,
                  minimumPerThread: max(1, (1 << 16) / max(1, positions * width))
                ) { items in
                  if perGroupOut % width == 0 && items.count > 1 {
                    // Full blocks: one pass over the positions for all of them, so that dY and
                    // the ReLU output are read once (each block's sums still run in order).
                    packFullBlocks(
                      items, dy: dy, y: useMask ? y : nil, positions: positions,
                      filters: filters, perGroupOut: perGroupOut, blocksPerGroup: blocksPerGroup,
                      packed: packed, masked: masked ? maskedOut.baseAddress : nil,
                      bias: bias.baseAddress!)
                    return
                  }
                  for item in items {
                    let group = item / blocksPerGroup
                    let block = item % blocksPerGroup
                    let first = group * perGroupOut + block * width
                    let lanes = min(width, perGroupOut - block * width)
                    var target = packed + (group * blocksPerGroup + block) * positions * width
                    var row = dy + first
                    var rowY = y + first
                    var rowMasked = maskedOut.baseAddress.map { $0 + first }
                    if lanes == width {
                      let zero = SIMD8<Float>(repeating: 0)
                      var sum0 = zero
                      var sum1 = zero
                      for _ in 0..<positions {
                        var low = SIMDMemory.load(row)
                        var high = SIMDMemory.load(row + 8)
                        if useMask {
                          low = zero.replacing(with: low, where: SIMDMemory.load(rowY) .> zero)
                          high = zero.replacing(
                            with: high, where: SIMDMemory.load(rowY + 8) .> zero)
                        }
                        if masked, let out = rowMasked {
                          SIMDMemory.store(low, out)
                          SIMDMemory.store(high, out + 8)
                          rowMasked = out + filters
                        }
                        sum0 += low
                        sum1 += high
                        SIMDMemory.store(low, target)
                        SIMDMemory.store(high, target + 8)
                        target += width
                        row += filters
                        rowY += filters
                      }
                      for lane in 0..<8 {
                        bias[first + lane] = sum0[lane]
                        bias[first + 8 + lane] = sum1[lane]
                      }
                    } else {
                      for _ in 0..<positions {
                        for lane in 0..<lanes {
                          let value = !useMask || rowY[lane] > 0 ? row[lane] : 0
                          if masked, let out = rowMasked { out[lane] = value }
                          bias[first + lane] += value
                          target[lane] = value
                        }
                        // Lanes past a group's last filter stay zero.
                        (target + lanes).update(repeating: 0, count: width - lanes)
                        if masked, let out = rowMasked { rowMasked = out + filters }
                        target += width
                        row += filters
                        rowY += filters
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }

    }
    var kernelGradient = [Float](repeating: 0, count: kernel.count)
    if g.strides[2] == 1 && perGroupIn >= 6 {
      kernelGradientChannelMajor(
        input, geometry: g, groups: groups, filters: filters, positions: positions,
        workspace: workspace, threads: threads, into: &kernelGradient)
    } else {
      kernelGradientByColumns(
        input, geometry: g, groups: groups, filters: filters, positions: positions,
        workspace: workspace, threads: threads, into: &kernelGradient)
    }

    var inputGradient: Tensor?
    if needsInputGradient {
      inputGradient = try inputGradientByConvolution(
        input: input, kernel: kernel, geometry: g, groups: groups, strides: strides,
        dilations: dilations, padding: padding,
        outputGradient: masked ? workspace.maskedGradient : outputGradient, threads: threads,
        workspace: workspace)
    }
    return Result(
      input: inputGradient, kernel: Tensor(validShape: kernel.shape, scalars: kernelGradient),
      bias: Tensor(validShape: [filters], scalars: biasGradient))
  }

  /// The packing pass of `backward` for a pooled output gradient: block by block (threads take
  /// whole blocks), positions in order, dY of each position is the pooled gradient of its window
  /// at the window's winner and zero elsewhere, masked by the ReLU: the values and sums of
  /// `PoolingGradient.backward`'s tiled path followed by the dense packing, bit for bit. Each
  /// window's winner and value are expanded once per row of windows, for the block's filters.
  /// `biasHalf` >= 0: each filter's sum restarts from zero at that position and the two halves
  /// are added at the end (`BiasAddGrad`'s two threads, `tensorFlowBackward`).
  static func packPooled(
    _ pooled: PooledOutputGradient, perGroupOut: Int, blocksPerGroup: Int, threads: Int,
    masked: Bool, workspace: GradientWorkspace, bias: inout [Float], biasHalf: Int = -1
  ) {
    let width = PackedConvolutionWeights.blockWidth
    let shape = pooled.outputShape
    let rank = pooled.poolSize.count
    let lead = 3 - rank
    // Three spatial axes, leading ones of size 1.
    let size = Array(repeating: 1, count: lead) + Array(shape[1...rank])
    let pool = Array(repeating: 1, count: lead) + pooled.poolSize
    let (batch, filters) = (shape[0], shape[rank + 1])
    let (sD, sH, sW) = (size[0], size[1], size[2])
    let (kD, kH, kW) = (pool[0], pool[1], pool[2])
    let (oD, oH, oW) = (sD / kD, sH / kH, sW / kW)
    let positions = batch * sD * sH * sW
    let groups = filters / perGroupOut
    let blocks = groups * blocksPerGroup
    let relu = pooled.relu
    let tapMask = Int32(MaxPoolTraining.positiveFlag - 1)
    pooled.winners.withUnsafeBufferPointer { winners in
      pooled.gradient.scalars.withUnsafeBufferPointer { dy in
        workspace.packedGradient.withUnsafeMutableBufferPointer { packed in
          workspace.maskedGradient.withUnsafeMutableBufferPointer { maskedOut in
            bias.withUnsafeMutableBufferPointer { bias in
              let (winners, dy, packed) = (
                winners.baseAddress!, dy.baseAddress!, packed.baseAddress!
              )
              let maskedOut = masked ? maskedOut.baseAddress : nil
              let bias = bias.baseAddress!
              KernelParallelism.forEachSlice(
                count: blocks, threads: threads,
                minimumPerThread: max(1, (1 << 16) / max(1, positions * width))
              ) { items in
                // Per window of the current row of windows and half block: the winning tap
                // and the value it receives.
                let winnerTap = UnsafeMutablePointer<SIMD8<Int32>>.allocate(
                  capacity: max(1, 2 * oW))
                let winnerValue = UnsafeMutablePointer<SIMD8<Float>>.allocate(
                  capacity: max(1, 2 * oW))
                // Per column: its window and its tap column within it (no divisions below).
                let columnWindow = UnsafeMutablePointer<Int>.allocate(capacity: max(1, sW))
                let columnTap = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, sW))
                defer {
                  winnerTap.deallocate()
                  winnerValue.deallocate()
                  columnWindow.deallocate()
                  columnTap.deallocate()
                }
                for w in 0..<sW {
                  columnWindow[w] = w / kW < oW ? w / kW : -1
                  columnTap[w] = Int32(w % kW)
                }
                let zero = SIMD8<Float>(repeating: 0)
                for item in items {
                  let group = item / blocksPerGroup
                  let block = item % blocksPerGroup
                  let first = group * perGroupOut + block * width
                  let halves = min(width, perGroupOut - block * width) / 8
                  var target = packed + item * positions * width
                  var sum0 = zero
                  var sum1 = zero
                  var (half0, half1) = (zero, zero)
                  var position = 0
                  for n in 0..<batch {
                    for d in 0..<sD {
                      let (od, kd) = (d / kD, d % kD)
                      for h in 0..<sH {
                        let (oh, kh) = (h / kH, h % kH)
                        let covered = od < oD && oh < oH
                        if covered && kh == 0 {
                          for ow in 0..<oW {
                            let at = (((n * oD + od) * oH + oh) * oW + ow) * filters + first
                            for half in 0..<halves {
                              let codes = loadWinners(winners + at + 8 * half)
                              winnerTap[2 * ow + half] = codes & tapMask
                              winnerValue[2 * ow + half] = routedValue(
                                SIMDMemory.load(dy + at + 8 * half), winners: codes, relu: relu)
                            }
                          }
                        }
                        let rowTap = Int32((kd * kH + kh) * kW)
                        var out = maskedOut.map {
                          $0 + ((n * sD + d) * sH + h) * sW * filters + first
                        }
                        for w in 0..<sW {
                          if position == biasHalf {
                            (half0, half1) = (sum0, sum1)
                            (sum0, sum1) = (zero, zero)
                          }
                          position += 1
                          var low = zero
                          var high = zero
                          let ow = columnWindow[w]
                          if covered && ow >= 0 {
                            let t = SIMD8<Int32>(repeating: rowTap + columnTap[w])
                            low = zero.replacing(
                              with: winnerValue[2 * ow], where: winnerTap[2 * ow] .== t)
                            if halves == 2 {
                              high = zero.replacing(
                                with: winnerValue[2 * ow + 1], where: winnerTap[2 * ow + 1] .== t)
                            }
                          }
                          if let to = out {
                            SIMDMemory.store(low, to)
                            if halves == 2 { SIMDMemory.store(high, to + 8) }
                            out = to + filters
                          }
                          sum0 += low
                          sum1 += high
                          SIMDMemory.store(low, target)
                          SIMDMemory.store(high, target + 8)
                          target += width
                        }
                      }
                    }
                  }
                  if biasHalf >= 0 {
                    sum0 = half0 + sum0
                    sum1 = half1 + sum1
                  }
                  for lane in 0..<8 {
                    bias[first + lane] = sum0[lane]
                    if halves == 2 { bias[first + 8 + lane] = sum1[lane] }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Packs the full 16-filter blocks `items` of dY (masked by `y` > 0 when given) into `packed`
  /// (block, P, 16), also writing the masked dY in its own layout when `masked` is given, and
  /// sums each filter over the positions in order into `bias`: position by position for all
  /// the blocks at once.
  private static func packFullBlocks(
    _ items: Range<Int>, dy: UnsafePointer<Float>, y: UnsafePointer<Float>?, positions: Int,
    filters: Int, perGroupOut: Int, blocksPerGroup: Int, packed: UnsafeMutablePointer<Float>,
    masked: UnsafeMutablePointer<Float>?, bias: UnsafeMutablePointer<Float>
  ) {
    let width = PackedConvolutionWeights.blockWidth
    let zero = SIMD8<Float>(repeating: 0)
    let count = items.count
    let firsts = UnsafeMutablePointer<Int>.allocate(capacity: count)
    let sums = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: 2 * count)
    defer {
      firsts.deallocate()
      sums.deallocate()
    }
    for k in 0..<count {
      let item = items.lowerBound + k
      firsts[k] = (item / blocksPerGroup) * perGroupOut + (item % blocksPerGroup) * width
    }
    sums.initialize(repeating: zero, count: 2 * count)
    for p in 0..<positions {
      let rowOffset = p * filters
      for k in 0..<count {
        let at = rowOffset + firsts[k]
        var low = SIMDMemory.load(dy + at)
        var high = SIMDMemory.load(dy + at + 8)
        if let y {
          low = zero.replacing(with: low, where: SIMDMemory.load(y + at) .> zero)
          high = zero.replacing(with: high, where: SIMDMemory.load(y + at + 8) .> zero)
        }
        if let masked {
          SIMDMemory.store(low, masked + at)
          SIMDMemory.store(high, masked + at + 8)
        }
        sums[2 * k] += low
        sums[2 * k + 1] += high
        let target = packed + ((items.lowerBound + k) * positions + p) * width
        SIMDMemory.store(low, target)
        SIMDMemory.store(high, target + 8)
      }
    }
    for k in 0..<count {
      for lane in 0..<8 {
        bias[firsts[k] + lane] = sums[2 * k][lane]
        bias[firsts[k] + 8 + lane] = sums[2 * k + 1][lane]
      }
    }
  }

  /// The kernel gradient through X^T gathered per (tap, channel) row: any strides, and channels
  /// too few to fill a 6-row tile within one tap (a chunk of rows spans several taps).
  private static func kernelGradientByColumns(
    _ input: Tensor, geometry g: WindowGeometry, groups: Int, filters: Int, positions: Int,
    workspace: GradientWorkspace, threads: Int, into kernelGradient: inout [Float]
  ) {
    let width = PackedConvolutionWeights.blockWidth
    let perGroupIn = g.channels / groups
    let perGroupOut = filters / groups
    let blocksPerGroup = (perGroupOut + width - 1) / width
    let rows = g.kernel[0] * g.kernel[1] * g.kernel[2] * perGroupIn
    // X^T per group: (groups, taps x C/groups, P).
    workspace.columns.prepareForOverwrite(shape: [groups * rows * positions])
    workspace.columns.withUnsafeMutableBufferPointer { columns in
      for group in 0..<groups {
        gatherColumns(
          input, geometry: g, firstChannel: group * perGroupIn, channels: perGroupIn,
          threads: threads, into: columns.baseAddress! + group * rows * positions)
      }
    }

    // The GEMM, in items of (group, unit of `blocksPerTile` blocks, up to 6 rows).
    let avx512 = ConvolutionMicrokernel.useAVX512
    let blocksPerUnit = avx512 ? 2 : 1
    let unitsPerGroup = (blocksPerGroup + blocksPerUnit - 1) / blocksPerUnit
    let split = TileRows(count: rows, avx512: avx512)
    let tilesPerUnit = split.tiles
    let zeros = [Float](repeating: 0, count: 2 * width)
    workspace.columns.scalars.withUnsafeBufferPointer { columns in
      workspace.packedGradient.scalars.withUnsafeBufferPointer { packed in
        kernelGradient.withUnsafeMutableBufferPointer { result in
          zeros.withUnsafeBufferPointer { zeros in
            let (columns, packed, result, zeros) = (
              columns.baseAddress!, packed.baseAddress!, result.baseAddress!, zeros.baseAddress!
            )
            var segment = ConvolutionMicrokernel.Segment(input: 0, weight: 0, length: positions)
            withUnsafePointer(to: &segment) { segment in
              KernelParallelism.forEachSlice(
                count: groups * unitsPerGroup * tilesPerUnit, threads: threads,
                minimumPerThread: max(1, (1 << 18) / max(1, 6 * 16 * blocksPerUnit * positions))
              ) { items in
                for item in items {
                  let unit = item / tilesPerUnit
                  let tile = item % tilesPerUnit
                  let group = unit / unitsPerGroup
                  let block = (unit % unitsPerGroup) * blocksPerUnit
                  let blockCount = min(blocksPerUnit, blocksPerGroup - block)
                  let lanes = min(width, perGroupOut - (block + blockCount - 1) * width)
                  let weights = packed + (group * blocksPerGroup + block) * positions * width
                  let groupColumns = columns + group * rows * positions
                  let column = group * perGroupOut + block * width
                  let (first, tileRows) = split.tile(tile)
                  ConvolutionMicrokernel.tile(
                    segments: segment, segmentCount: 1, rows: tileRows,
                    pixel: groupColumns + first * positions, pixelStride: positions,
                    weights: weights, blockStride: positions * width, blocks: blockCount,
                    bias: zeros, clamp: nil, lanes: lanes,
                    output: result + first * filters + column, outputStride: filters,
                    avx512: avx512)
                }
              }
            }
          }
        }
      }
    }

  }

  /// The input copied channel-major and zero-padded into `workspace.columns`, (C, N, Dp, Hp, Wp):
  /// the values one (tap, channel) saw along an output row (unit width strides) are a contiguous
  /// run, and the channels of one tap sit a channel plane (N x Dp x Hp x Wp values) apart. The
  /// padded extents (Dp, Hp, Wp) and the plane; nil when it is empty.
  static func channelMajorCopy(
    _ input: Tensor, geometry g: WindowGeometry, workspace: GradientWorkspace, threads: Int
  ) -> (padded: [Int], plane: Int)? {
    let channels = g.channels
    // Padded extents: the input after padBefore, and every tap of the last window.
    var padded = [1, 1, 1]
    for axis in 0..<3 {
      let reach =
        (g.output[axis] - 1) * g.strides[axis] + (g.kernel[axis] - 1) * g.dilations[axis] + 1
      padded[axis] = max(g.input[axis] + g.padBefore[axis], reach)
    }
    let (pD, pH, pW) = (padded[0], padded[1], padded[2])
    let plane = g.batch * pD * pH * pW
    guard plane > 0 else { return nil }
    // Without padding every value of the copy is written below: nothing to clear.
    let unpadded = g.padBefore == [0, 0, 0] && padded == g.input
    workspace.columns.prepareForOverwrite(shape: [channels * plane])
    input.scalars.withUnsafeBufferPointer { source in
      workspace.columns.withUnsafeMutableBufferPointer { target in
        let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
        let (source, target) = (source.baseAddress!, target.baseAddress!)
        let sampleValues = inD * inH * inW * channels
        let paddedSample = pD * pH * pW
        // Samples are disjoint runs of every channel plane: threads take whole samples.
        KernelParallelism.forEachSlice(
          count: g.batch, threads: threads,
          minimumPerThread: max(1, (1 << 15) / max(1, sampleValues))
        ) { samples in
          for n in samples {
            if !unpadded {
              for c in 0..<channels {
                (target + c * plane + n * paddedSample).update(repeating: 0, count: paddedSample)
              }
            }
            let sample = source + n * sampleValues
            for d in 0..<inD {
              for h in 0..<inH {
                let row =
                  target
                  + ((n * pD + d + g.padBefore[0]) * pH + h + g.padBefore[1]) * pW + g.padBefore[2]
                // Channel by channel along the input row (which stays in L1): each channel's
                // run is written in one contiguous stretch.
                let line = sample + (d * inH + h) * inW * channels
                for c in 0..<channels {
                  let to = row + c * plane
                  var x = line + c
                  for w in 0..<inW {
                    to[w] = x.pointee
                    x += channels
                  }
                }
              }
            }
          }
        }
      }
    }
    return (padded, plane)
  }

  /// The kernel gradient for unit width strides and at least 6 channels per group, without X^T:
  /// the input is copied once channel-major and zero-padded, (C, N, Dp, Hp, Wp), so the values one
  /// (tap, channel) saw along an output row are a contiguous run, one microkernel segment per
  /// output row, and 6 channels of one tap sit a channel plane apart: a 6-row tile.
  private static func kernelGradientChannelMajor(
    _ input: Tensor, geometry g: WindowGeometry, groups: Int, filters: Int, positions: Int,
    workspace: GradientWorkspace, threads: Int, into kernelGradient: inout [Float]
  ) {
    let width = PackedConvolutionWeights.blockWidth
    let channels = g.channels
    let perGroupIn = channels / groups
    let perGroupOut = filters / groups
    let blocksPerGroup = (perGroupOut + width - 1) / width
    let taps = g.kernel[0] * g.kernel[1] * g.kernel[2]
    guard positions > 0,
      let copy = channelMajorCopy(input, geometry: g, workspace: workspace, threads: threads)
    else { return }
    let (plane, pD, pH, pW) = (copy.plane, copy.padded[0], copy.padded[1], copy.padded[2])
    // Segments per tap: one per output row (n, od, oh), its positions' packed gradient rows.
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let perTap = g.batch * outD * outH
    var segments: [ConvolutionMicrokernel.Segment] = []
    segments.reserveCapacity(taps * perTap)
    for tap in 0..<taps {
      let kw = tap % g.kernel[2]
      let kh = (tap / g.kernel[2]) % g.kernel[1]
      let kd = tap / (g.kernel[2] * g.kernel[1])
      var p = 0
      for n in 0..<g.batch {
        for od in 0..<outD {
          for oh in 0..<outH {
            let d = od * g.strides[0] + kd * g.dilations[0]
            let h = oh * g.strides[1] + kh * g.dilations[1]
            segments.append(
              ConvolutionMicrokernel.Segment(
                input: ((n * pD + d) * pH + h) * pW + kw * g.dilations[2], weight: p * width,
                length: outW))
            p += outW
          }
        }
      }
    }
    // Items of (group, unit of `blocksPerTile` blocks, tap, up to 6 channels).
    let avx512 = ConvolutionMicrokernel.useAVX512
    let blocksPerUnit = avx512 ? 2 : 1
    let unitsPerGroup = (blocksPerGroup + blocksPerUnit - 1) / blocksPerUnit
    let split = TileRows(count: perGroupIn, avx512: avx512)
    let tilesPerTap = split.tiles
    let zeros = [Float](repeating: 0, count: 2 * width)
    workspace.columns.scalars.withUnsafeBufferPointer { columns in
      workspace.packedGradient.scalars.withUnsafeBufferPointer { packed in
        kernelGradient.withUnsafeMutableBufferPointer { result in
          zeros.withUnsafeBufferPointer { zeros in
            segments.withUnsafeBufferPointer { segments in
              let (columns, packed, result, zeros, segments) = (
                columns.baseAddress!, packed.baseAddress!, result.baseAddress!,
                zeros.baseAddress!, segments.baseAddress!
              )
              KernelParallelism.forEachSlice(
                count: groups * unitsPerGroup * taps * tilesPerTap, threads: threads,
                minimumPerThread: max(1, (1 << 18) / max(1, 6 * 16 * blocksPerUnit * positions))
              ) { items in
                for item in items {
                  let unit = item / (taps * tilesPerTap)
                  let tap = (item / tilesPerTap) % taps
                  let tile = item % tilesPerTap
                  let group = unit / unitsPerGroup
                  let block = (unit % unitsPerGroup) * blocksPerUnit
                  let blockCount = min(blocksPerUnit, blocksPerGroup - block)
                  let lanes = min(width, perGroupOut - (block + blockCount - 1) * width)
                  let weights = packed + (group * blocksPerGroup + block) * positions * width
                  let column = group * perGroupOut + block * width
                  let (c, tileRows) = split.tile(tile)
                  ConvolutionMicrokernel.tile(
                    segments: segments + tap * perTap, segmentCount: perTap, rows: tileRows,
                    pixel: columns + (group * perGroupIn + c) * plane, pixelStride: plane,
                    weights: weights, blockStride: positions * width, blocks: blockCount,
                    bias: zeros, clamp: nil, lanes: lanes,
                    output: result + (tap * perGroupIn + c) * filters + column,
                    outputStride: filters, avx512: avx512)
                }
              }
            }
          }
        }
      }
    }
  }

  /// X^T for channels `firstChannel..<firstChannel + channels`: row (tap, c) holds the value that
  /// tap saw in channel c at each of the P output positions, zero where it falls in the padding.
  /// (taps x channels, P) -> `columns`
  private static func gatherColumns(
    _ input: Tensor, geometry g: WindowGeometry, firstChannel: Int, channels: Int, threads: Int,
    into columns: UnsafeMutablePointer<Float>
  ) {
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let total = g.channels
    let positions = g.batch * outD * outH * outW
    let taps = g.kernel[0] * g.kernel[1] * g.kernel[2]
    input.scalars.withUnsafeBufferPointer { source in
      // Taps fill disjoint rows: threads take whole taps.
      KernelParallelism.forEachSlice(
        count: taps, threads: threads,
        minimumPerThread: max(1, (1 << 15) / max(1, channels * positions))
      ) { tapRange in
        for tap in tapRange {
          let kw = tap % g.kernel[2]
          let kh = (tap / g.kernel[2]) % g.kernel[1]
          let kd = tap / (g.kernel[2] * g.kernel[1])
          let (dd, dh, dw) = (kd * g.dilations[0], kh * g.dilations[1], kw * g.dilations[2])
          let rows = columns + tap * channels * positions
          // The output columns whose input column lies inside the input: [owFirst, owEnd), a run
          // (input columns grow with ow); the others read the padding.
          var owFirst = 0
          while owFirst < outW && g.start(owFirst, axis: 2) + dw < 0 { owFirst += 1 }
          var owEnd = owFirst
          while owEnd < outW && g.start(owEnd, axis: 2) + dw < inW { owEnd += 1 }
          let firstOffset = owFirst < owEnd ? (g.start(owFirst, axis: 2) + dw) * total : 0
          let step = g.strides[2] * total
          // Output row by output row, channel by channel: the writes run along a row of X^T.
          var p = 0
          for n in 0..<g.batch {
            let sample = source.baseAddress! + n * inD * inH * inW * total + firstChannel
            for od in 0..<outD {
              let id = g.start(od, axis: 0) + dd
              for oh in 0..<outH {
                let ih = g.start(oh, axis: 1) + dh
                if id >= 0 && id < inD && ih >= 0 && ih < inH {
                  let line = sample + (id * inH + ih) * inW * total
                  for c in 0..<channels {
                    let target = rows + c * positions + p
                    target.update(repeating: 0, count: owFirst)
                    (target + owEnd).update(repeating: 0, count: outW - owEnd)
                    if step == 1 {
                      copyRun(from: line + c + firstOffset, to: target + owFirst, owEnd - owFirst)
                    } else {
                      var from = line + c + firstOffset
                      for ow in owFirst..<owEnd {
                        target[ow] = from.pointee
                        from += step
                      }
                    }
                  }
                } else {
                  for c in 0..<channels {
                    (rows + c * positions + p).update(repeating: 0, count: outW)
                  }
                }
                p += outW
              }
            }
          }
        }
      }
    }
  }

  /// Copies a short run (an output row of X^T, tens of values) without a library call per run.
  @inline(__always)
  private static func copyRun(
    from source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, _ count: Int
  ) {
    var i = 0
    while i + 8 <= count {
      SIMDMemory.store(SIMDMemory.load(source + i), target + i)
      i += 8
    }
    while i < count {
      target[i] = source[i]
      i += 1
    }
  }

  /// dX as the convolution of the stride-spread output gradient with the flipped, channel-swapped
  /// kernel (see the type's comment).
  private static func inputGradientByConvolution(
    input: Tensor, kernel: Tensor, geometry g: WindowGeometry, groups: Int, strides: [Int],
    dilations: [Int], padding: SpatialPadding, outputGradient: Tensor, threads: Int,
    workspace: GradientWorkspace
  ) throws(KernelError) -> Tensor {
    let rank = g.spatialRank
    let lead = 3 - rank
    let channels = g.channels
    let filters = outputGradient.shape[outputGradient.rank - 1]
    if g.output.contains(0) {
      return try Tensor(shape: input.shape, repeating: 0)
    }
    // The full convolution's padding: the kernel's reach less the forward padding before, what
    // the input extends past the last window after.
    var before: [Int] = []
    var after: [Int] = []
    for axis in 0..<rank {
      let a = lead + axis
      let reach = g.dilations[a] * (g.kernel[a] - 1)
      before.append(reach - padding.before[axis])
      after.append(g.input[a] + padding.before[axis] - 1 - (g.output[a] - 1) * g.strides[a])
    }
    // The output gradient spread out by the strides, (N, (O-1)*s+1 ..., F), and along W already
    // padded with zeros: then every output column is an interior column of the convolution
    // below, computed in full register tiles instead of pixel by pixel at the borders.
    let padW =
      (before[rank - 1] >= 0 && after[rank - 1] >= 0) ? (before[rank - 1], after[rank - 1]) : (0, 0)
    var spread = [1, 1, 1]
    for axis in 0..<3 { spread[axis] = (g.output[axis] - 1) * g.strides[axis] + 1 }
    let paddedW = spread[2] + padW.0 + padW.1
    let spreadShape = [g.batch] + Array(spread.suffix(rank).dropLast()) + [paddedW, filters]
    let spreadGradient: Tensor
    if g.strides == [1, 1, 1] && padW == (0, 0) {
      spreadGradient = outputGradient
    } else {
      before[rank - 1] -= padW.0
      after[rank - 1] -= padW.1
      workspace.spread.prepareForOverwrite(shape: spreadShape)
      let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
      let unitStrides = g.strides == [1, 1, 1]
      outputGradient.scalars.withUnsafeBufferPointer { source in
        workspace.spread.withUnsafeMutableBufferPointer { target in
          let (source, target) = (source.baseAddress!, target.baseAddress!)
          if !unitStrides { target.update(repeating: 0, count: spreadShape.reduce(1, *)) }
          // Output rows (n, od, oh) are disjoint runs of the spread buffer: threads take rows.
          // With unit strides every spread row is one output row between its W padding, so
          // only the padding is cleared.
          KernelParallelism.forEachSlice(
            count: g.batch * outD * outH, threads: threads,
            minimumPerThread: max(1, (1 << 15) / max(1, paddedW * filters))
          ) { rows in
            for r in rows {
              let oh = r % outH
              let od = (r / outH) % outD
              let n = r / (outH * outD)
              var p = r * outW
              let start =
                ((n * spread[0] + od * g.strides[0]) * spread[1] + oh * g.strides[1]) * paddedW
              if unitStrides {
                (target + start * filters).update(repeating: 0, count: padW.0 * filters)
                (target + (start + padW.0 + outW) * filters).update(
                  repeating: 0, count: padW.1 * filters)
              }
              let row = start + padW.0
              if g.strides[2] == 1 {
                (target + row * filters).update(from: source + p * filters, count: outW * filters)
              } else {
                for ow in 0..<outW {
                  (target + (row + ow * g.strides[2]) * filters).update(
                    from: source + p * filters, count: filters)
                  p += 1
                }
              }
            }
          }
        }
      }
      spreadGradient = workspace.spread
    }
    // Flipped kernel with channel axes swapped per group: (K..., F/groups, C).
    let perGroupIn = channels / groups
    let perGroupOut = filters / groups
    let taps = g.kernel[0] * g.kernel[1] * g.kernel[2]
    var flipped = [Float](repeating: 0, count: kernel.count)
    kernel.scalars.withUnsafeBufferPointer { source in
      flipped.withUnsafeMutableBufferPointer { target in
        let (source, target) = (source.baseAddress!, target.baseAddress!)
        for tap in 0..<taps {
          let kw = tap % g.kernel[2]
          let kh = (tap / g.kernel[2]) % g.kernel[1]
          let kd = tap / (g.kernel[2] * g.kernel[1])
          let mirrored =
            ((g.kernel[0] - 1 - kd) * g.kernel[1] + (g.kernel[1] - 1 - kh)) * g.kernel[2]
            + (g.kernel[2] - 1 - kw)
          for group in 0..<groups {
            for c in 0..<perGroupIn {
              let from = source + (tap * perGroupIn + c) * filters + group * perGroupOut
              let to = target + mirrored * perGroupOut * channels + group * perGroupIn + c
              for f in 0..<perGroupOut { to[f * channels] = from[f] }
            }
          }
        }
      }
    }
    let kernelShape = Array(kernel.shape.prefix(rank)) + [perGroupOut, channels]
    let packed = try PackedConvolutionWeights(
      kernel: Tensor(validShape: kernelShape, scalars: flipped), bias: nil, groups: groups)
    try ConvolutionKernel.convolve(
      spreadGradient, weights: packed, strides: Array(repeating: 1, count: rank),
      dilations: dilations, padding: SpatialPadding(before: before, after: after),
      threads: threads, into: &workspace.inputGradient)
    let result = workspace.inputGradient
    guard result.shape == input.shape else {
      throw KernelError(
        "convolution input gradient has shape \(result.shape), expected \(input.shape)")
    }
    return result
  }
}
