/// Keras `Conv1D` / `Conv2D` / `Conv3D` (with `groups`) as an implicit GEMM over channels-last input:
/// no im2col buffer, packed weights, 6-pixel x 16-filter register tiles, rows split across threads.
public enum ConvolutionKernel {
  /// input (N, [D, [H,]] W, C), kernel (K..., C/groups, F) packed -> output (N, [OD, [OH,]] OW, F)
  ///
  /// `strides` and `dilations` have one entry per spatial axis; `padding` is explicit (see
  /// `SpatialPadding.same` / `.causal`). Results are bitwise identical for every `threads` value.
  public static func convolve(
    _ input: Tensor, weights: PackedConvolutionWeights, strides: [Int], dilations: [Int],
    padding: SpatialPadding, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, order: ContractionOrder = .chains
  ) throws(KernelError) -> Tensor {
    var output = Tensor.empty
    try convolve(
      input, weights: weights, strides: strides, dilations: dilations, padding: padding,
      activation: activation,
      threads: threads, order: order, into: &output)
    return output
  }

  /// Same as `convolve`, writing into `output`'s storage when it already has the right size: large
  /// fresh allocations are page-faulted in at 4 KiB a time, which costs as much as a small layer.
  /// input (N, spatial..., C), kernel (K..., C/groups, F) packed -> output (N, spatial'..., F)
  public static func convolve(
    _ input: Tensor, weights: PackedConvolutionWeights, strides: [Int], dilations: [Int],
    padding: SpatialPadding, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, order: ContractionOrder = .chains,
    into output: inout Tensor
  ) throws(KernelError) {
    let geometry = try validatedGeometry(
      input: input.shape, weights: weights, strides: strides, dilations: dilations, padding: padding
    )
    output.prepareForOverwrite(shape: geometry.outputShape(channels: weights.filters))
    let plan = order == .tensorFlowKernels ? tensorFlowPlan(geometry, weights: weights) : nil
    output.withUnsafeMutableBufferPointer { destination in
      run(
        input, weights: weights, geometry: geometry, activation: activation, threads: threads,
        order: order, plan: plan, output: destination)
      guard order == .tensorFlowKernels else { return }
      tensorFlowLastRows(
        input, weights: weights, geometry: geometry, activation: activation, plan: plan,
        output: destination.baseAddress!)
    }
  }

  /// The output positions TensorFlow's GEMM of a 1-D or 2-D convolution (a row per position of
  /// the whole call, `N x OH x OW`, a column per filter) does not sum in the tiles' chains
  /// (`RowBlocking.exceptionalRows`: the last 1 to 3 of an sgemm call's rows left over from
  /// groups of 6, lone rows of Eigen's blocks): recomputed from their whole patches (padding as
  /// zeros, taps in (kh, kw, c) order) in `RowBlocking`'s order, then the bias and the
  /// activation's clamp. Measured on seeded 1x1 and 3x3 convolutions of 4-50 positions left over
  /// from 1-3 and 1x1 convolutions past 72 positions (r2_conv1x1, script 1250). One group of two
  /// filters or more, no dilation (TensorFlow moves a dilated convolution's positions to other
  /// images first); the tiles keep the rest.
  static func tensorFlowLastRows(
    _ input: Tensor, weights: PackedConvolutionWeights, geometry g: WindowGeometry,
    activation: FusedActivation, plan: ContractionPlan?, output: UnsafeMutablePointer<Float>
  ) {
    let positions = g.rows * g.output[2]
    guard positions >= 2, weights.groups == 1, weights.filters >= 2,
      g.kernel[0] == 1, g.input[0] == 1, g.dilations.allSatisfy({ $0 == 1 })
    else { return }
    // Past 72 positions only the products of the tensors as they are (1x1, whole-input
    // kernels). Image patches follow `RowBlocking` there too in TensorFlow's forward pass (a
    // strided 3x3 convolution over 200 positions, measured in a fit step), but the training
    // fixture conv_adam_bn then prints its last val_loss 1e-4 off (not yet traced), so they keep
    // the tiles' chains past 72 positions for now.
    let operand = tensorFlowOperand(g)
    guard positions <= 72 || operand == .tensor else { return }
    let taps = weights.kernel3.reduce(1, *) * weights.inputChannelsPerGroup
    let blocking = RowBlocking.of(
      rows: positions, columns: weights.filters, depth: taps, operand: operand)
    let exceptional = blocking.exceptionalRows()
    guard !exceptional.isEmpty else { return }
    let channels = g.channels
    let filters = weights.filters
    let (kH, kW) = (g.kernel[1], g.kernel[2])
    let width = PackedConvolutionWeights.blockWidth
    let bounds = activation.bounds
    let plan = plan ?? .whole(taps)
    var patch = [Float](repeating: 0, count: taps)
    input.scalars.withUnsafeBufferPointer { source in
      weights.packed.withUnsafeBufferPointer { packed in
        patch.withUnsafeMutableBufferPointer { patch in
          for position in exceptional {
            let ow = position % g.output[2]
            let oh = (position / g.output[2]) % g.output[1]
            let n = position / (g.output[2] * g.output[1])
            for kh in 0..<kH {
              let ih = oh * g.strides[1] - g.padBefore[1] + kh * g.dilations[1]
              for kw in 0..<kW {
                let iw = ow * g.strides[2] - g.padBefore[2] + kw * g.dilations[2]
                let to = patch.baseAddress! + (kh * kW + kw) * channels
                guard ih >= 0, ih < g.input[1], iw >= 0, iw < g.input[2] else {
                  to.update(repeating: 0, count: channels)
                  continue
                }
                to.update(
                  from: source.baseAddress! + ((n * g.input[1] + ih) * g.input[2] + iw) * channels,
                  count: channels)
              }
            }
            for filter in 0..<filters {
              let sum = TensorFlowContraction.plannedSum(
                orders: {
                  blocking.order(row: position, column: filter, columns: filters, shard: $0)
                }, plan: plan, patch.baseAddress!,
                packed.baseAddress! + (filter / width) * weights.blockStride + filter % width,
                strideB: width)
              output[position * filters + filter] = FusedActivation.clamped(
                sum + weights.packedBias[filter], bounds)
            }
          }
        }
      }
    }
  }

  /// How TensorFlow's `Conv2D` (a 1-D convolution too) sums a patch of more than 256 taps
  /// (`ContractionPlan`): its GEMM has a row per output position and a column per filter, and its
  /// right operand is the image patches unless the kernel is 1x1 with stride 1 or covers the whole
  /// input without padding (then TensorFlow multiplies the tensors as they are). Nil for what
  /// sums in one piece or is not TensorFlow's GEMM here: up to 256 taps, a single filter, groups,
  /// 3-D convolutions.
  static func tensorFlowPlan(_ g: WindowGeometry, weights: PackedConvolutionWeights)
    -> ContractionPlan?
  {
    let taps = weights.kernel3.reduce(1, *) * weights.inputChannelsPerGroup
    guard taps > TensorFlowContraction.blockDepth, weights.groups == 1, weights.filters >= 2,
      g.kernel[0] == 1, g.input[0] == 1
    else { return nil }
    let plan = TensorFlowContraction.plan(
      rows: g.rows * g.output[2], columns: weights.filters, depth: taps,
      operand: tensorFlowOperand(g))
    return plan.isWhole ? nil : plan
  }

  /// The right operand of TensorFlow's GEMM for a convolution: the image patches unless the
  /// kernel is 1x1 with stride 1 or covers the whole input without padding (then TensorFlow
  /// multiplies the tensors as they are).
  static func tensorFlowOperand(_ g: WindowGeometry) -> TensorFlowContraction.Operand {
    let pointwise = g.kernel.allSatisfy { $0 == 1 } && g.strides.allSatisfy { $0 == 1 }
    let whole =
      g.output.allSatisfy { $0 == 1 } && g.padBefore.allSatisfy { $0 == 0 }
      && g.kernel == g.input && g.dilations.allSatisfy { $0 == 1 }
    return pointwise || whole ? .tensor : .imagePatches
  }

  /// Convenience for one-off calls: packs `kernel` (K..., C/groups, F) and `bias` (F) first.
  /// input (N, spatial..., C), kernel (K..., C/groups, F) -> output (N, spatial'..., F)
  public static func convolve(
    _ input: Tensor, kernel: Tensor, bias: Tensor? = nil, groups: Int = 1, strides: [Int]? = nil,
    dilations: [Int]? = nil, padding: SpatialPadding? = nil, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    let weights = try PackedConvolutionWeights(kernel: kernel, bias: bias, groups: groups)
    let rank = weights.spatialRank
    return try convolve(
      input, weights: weights, strides: strides ?? Array(repeating: 1, count: rank),
      dilations: dilations ?? Array(repeating: 1, count: rank),
      padding: padding ?? .valid(rank: rank),
      activation: activation, threads: threads)
  }

  /// Multiply-accumulates of one call (what GFLOP/s figures count, x2).
  public static func multiplyAccumulates(outputShape: [Int], weights: PackedConvolutionWeights)
    -> Int
  {
    outputShape.reduce(1, *) * weights.kernel3.reduce(1, *) * weights.inputChannelsPerGroup
  }

  /// Validates the call and sizes it: the window geometry plus the channel check against the weights.
  static func validatedGeometry(
    input shape: [Int], weights: PackedConvolutionWeights, strides: [Int], dilations: [Int],
    padding: SpatialPadding
  ) throws(KernelError) -> WindowGeometry {
    let geometry = try WindowGeometry(
      inputShape: shape, kernelSize: weights.kernelSize, strides: strides, dilations: dilations,
      padding: padding)
    guard geometry.channels == weights.inputChannelsPerGroup * weights.groups else {
      throw KernelError(
        "input has \(geometry.channels) channels but the kernel expects \(weights.inputChannelsPerGroup) x "
          + "\(weights.groups) group(s)")
    }
    return geometry
  }

  // input (N, spatial..., C), packed kernel (K..., C/groups, F) -> `output` (N, spatial'..., F),
  // every element written.
  static func run(
    _ input: Tensor, weights: PackedConvolutionWeights, geometry g: WindowGeometry,
    activation: FusedActivation,
    threads: Int, order: ContractionOrder = .chains, plan: ContractionPlan? = nil,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    let plan = plan.flatMap { $0.isWhole ? nil : $0 }
    let rows = g.rows
    let width = g.output[2]
    guard rows * width * weights.filters > 0 else { return }
    // Work items are (row, column chunk, unit of `blocksPerTile` filter blocks): rows alone are
    // too coarse for a dense layer (one row) or a short batch. Chunking never changes a value,
    // only who computes it.
    let avx512 = ConvolutionMicrokernel.useAVX512
    let blocksPerUnit = avx512 ? 2 : 1
    let units = weights.groups * ((weights.blocksPerGroup + blocksPerUnit - 1) / blocksPerUnit)
    var chunks = 1
    // Eight items per thread, for any thread count the caller asks for (`predict --threads
    // 4611686018427387904` overflowed `8 * threads`).
    let wanted = threads > Int.max / 8 ? Int.max : 8 * threads
    while rows * units * chunks < wanted && width / (chunks * 2) >= 24 { chunks *= 2 }
    let chunkWidth = (width + chunks - 1) / chunks
    let macsPerItem = chunkWidth * weights.blockStride * blocksPerUnit
    input.scalars.withUnsafeBufferPointer { source in
      weights.packed.withUnsafeBufferPointer { packed in
        weights.packedBias.withUnsafeBufferPointer { bias in
          KernelParallelism.forEachSlice(
            count: rows * chunks * units, threads: threads,
            minimumPerThread: max(1, (1 << 18) / max(1, macsPerItem))
          ) { items in
            runItems(
              items, chunkWidth: chunkWidth, chunks: chunks, blocksPerUnit: blocksPerUnit,
              avx512: avx512, geometry: g, weights: weights,
              source: source.baseAddress!,
              packed: packed.baseAddress!, bias: bias.baseAddress!, output: output.baseAddress!,
              clamp: activation.bounds, order: order, plan: plan)
          }
        }
      }
    }
  }

  // A 2D kernel of shape (KH, KW, Cg, F) is the 3D case with KD = 1.
  // input (N, D, H, W, C), packed (G, blocks, KD, KH, KW, Cg, 16) -> output (N, OD, OH, OW, F)
  private static func runItems(
    _ items: Range<Int>, chunkWidth: Int, chunks: Int, blocksPerUnit: Int, avx512: Bool,
    geometry g: WindowGeometry,
    weights: PackedConvolutionWeights, source: UnsafePointer<Float>,
    packed: UnsafePointer<Float>, bias: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
    clamp: (lower: Float, upper: Float)?, order contraction: ContractionOrder,
    plan: ContractionPlan?
  ) {
    typealias Segment = ConvolutionMicrokernel.Segment
    let width = PackedConvolutionWeights.blockWidth
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let (kD, kH, kW) = (g.kernel[0], g.kernel[1], g.kernel[2])
    let channels = g.channels
    let groupChannels = weights.inputChannelsPerGroup
    let filters = weights.filters
    let blocksPerGroup = weights.blocksPerGroup
    let unitsPerGroup = (blocksPerGroup + blocksPerUnit - 1) / blocksPerUnit
    let units = weights.groups * unitsPerGroup
    let strideW = g.strides[2]
    let dilationW = g.dilations[2]
    let padW = g.padBefore[2]
    // With unit dilation and one group the KW*C values under a kernel row are contiguous.
    let mergeRows = dilationW == 1 && groupChannels == channels
    let pixelStride = strideW * channels

    // Columns whose every kw tap lands inside the input: [interiorBegin, interiorFinish).
    let interiorBegin = min(outW, (padW + strideW - 1) / strideW)
    let lastStart = inW - 1 - (kW - 1) * dilationW + padW
    let interiorFinish = max(interiorBegin, lastStart < 0 ? 0 : min(outW, lastStart / strideW + 1))

    let maxSegments = kD * kH * kW
    let rowSegments = UnsafeMutablePointer<Segment>.allocate(capacity: maxSegments)
    let pixelSegments = UnsafeMutablePointer<Segment>.allocate(capacity: maxSegments)
    defer {
      rowSegments.deallocate()
      pixelSegments.deallocate()
    }
    // TensorFlow's order for the last filter block; a single filter needs its weights as a column
    // and a patch buffer of this thread's own.
    let taps = weights.kernel3.reduce(1, *) * groupChannels
    let dotBuffer: UnsafeMutablePointer<Float>?
    let lastBlockOrder: LastBlockOrder
    if let order = LastBlockOrder.forWeights(weights, contraction) {
      dotBuffer = nil
      lastBlockOrder = order
    } else {
      let buffer = UnsafeMutablePointer<Float>.allocate(capacity: 2 * taps)
      for k in 0..<taps { buffer[k] = packed[k * width] }
      dotBuffer = buffer
      lastBlockOrder = .dot(column: buffer, patch: buffer + taps, taps: taps)
    }
    defer { dotBuffer?.deallocate() }
    // TensorFlow's pieces of a long patch (`ContractionPlan`): each tile goes through
    // `plannedTile` with this thread's scratch. A single filter keeps `TensorFlowDot`.
    let planned: ContractionPlan?
    if let plan, dotBuffer == nil { planned = plan } else { planned = nil }
    let clipped = UnsafeMutablePointer<Segment>.allocate(capacity: planned == nil ? 0 : maxSegments)
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: planned == nil ? 0 : 3 * 6 * 32)
    let zeros = UnsafeMutablePointer<Float>.allocate(capacity: planned == nil ? 0 : 32)
    if planned != nil { zeros.initialize(repeating: 0, count: 32) }
    defer {
      clipped.deallocate()
      scratch.deallocate()
      zeros.deallocate()
    }
    // One register tile (`ConvolutionMicrokernel.tile`), in the plan's pieces when there is one.
    func emit(
      segments: UnsafePointer<Segment>, segmentCount: Int, rows: Int, pixel: UnsafePointer<Float>,
      pixelStride: Int, weights blockWeights: UnsafePointer<Float>, blocks blockCount: Int,
      bias blockBias: UnsafePointer<Float>, lanes: Int,
      output tileOutput: UnsafeMutablePointer<Float>,
      outputStride: Int, order: LastBlockOrder
    ) {
      if let planned {
        ConvolutionMicrokernel.plannedTile(
          plan: planned, segments: segments, segmentCount: segmentCount, rows: rows, pixel: pixel,
          pixelStride: pixelStride, weights: blockWeights, blockStride: weights.blockStride,
          blocks: blockCount, bias: blockBias, clamp: clamp, lanes: lanes, output: tileOutput,
          outputStride: outputStride, avx512: avx512, order: order, clipped: clipped,
          scratch: scratch, zeros: zeros)
      } else {
        ConvolutionMicrokernel.tile(
          segments: segments, segmentCount: segmentCount, rows: rows, pixel: pixel,
          pixelStride: pixelStride, weights: blockWeights, blockStride: weights.blockStride,
          blocks: blockCount, bias: blockBias, clamp: clamp, lanes: lanes, output: tileOutput,
          outputStride: outputStride, avx512: avx512, order: order)
      }
    }
    var rowSegmentCount = 0
    var currentRow = -1
    var validD = (first: 0, last: 0)
    var validH = (first: 0, last: 0)

    // Segments of one pixel whose kw taps are limited to [kwFirst, kwLast]; offsets are relative
    // to the pixel's base (its first tap column, possibly left of the input).
    func buildSegments(
      into list: UnsafeMutablePointer<Segment>, od: Int, oh: Int, kwFirst: Int, kwLast: Int
    )
      -> Int
    {
      guard kwFirst <= kwLast else { return 0 }
      var count = 0
      let baseD = od * g.strides[0] - g.padBefore[0]
      let baseH = oh * g.strides[1] - g.padBefore[1]
      for kd in validD.first...max(validD.first, validD.last) where kd <= validD.last {
        let id = baseD + kd * g.dilations[0]
        for kh in validH.first...max(validH.first, validH.last) where kh <= validH.last {
          let ih = baseH + kh * g.dilations[1]
          let rowOffset = (id * inH + ih) * inW * channels
          let tapRow = (kd * kH + kh) * kW
          if mergeRows {
            list[count] = Segment(
              input: rowOffset + kwFirst * channels,
              weight: (tapRow + kwFirst) * groupChannels * width,
              length: (kwLast - kwFirst + 1) * channels)
            count += 1
          } else {
            for kw in kwFirst...kwLast {
              list[count] = Segment(
                input: rowOffset + kw * dilationW * channels,
                weight: (tapRow + kw) * groupChannels * width,
                length: groupChannels)
              count += 1
            }
          }
        }
      }
      return count
    }

    for item in items {
      let row = item / (units * chunks)
      let chunk = (item / units) % chunks
      let unit = item % units
      let group = unit / unitsPerGroup
      let block = (unit % unitsPerGroup) * blocksPerUnit
      let blockCount = min(blocksPerUnit, blocksPerGroup - block)
      let blockIndex = group * blocksPerGroup + block
      let oh = row % outH
      let od = (row / outH) % outD
      let n = row / (outH * outD)
      if row != currentRow {
        currentRow = row
        validD = g.validTaps(od, axis: 0)
        validH = g.validTaps(oh, axis: 1)
        rowSegmentCount = buildSegments(
          into: rowSegments, od: od, oh: oh, kwFirst: 0, kwLast: kW - 1)
      }
      // Lanes of the unit's last block (the others are full).
      let lanes = min(width, weights.filtersPerGroup - (block + blockCount - 1) * width)
      let order = block + blockCount == blocksPerGroup ? lastBlockOrder : .chain
      let base = source + (n * inD * inH * inW * channels + group * groupChannels)
      let blockWeights = packed + blockIndex * weights.blockStride
      let blockBias = bias + blockIndex * width
      let outputRow =
        output + (row * outW * filters + group * weights.filtersPerGroup + block * width)
      let columns = min(outW, chunk * chunkWidth)..<min(outW, (chunk + 1) * chunkWidth)
      let interiorStart = min(max(interiorBegin, columns.lowerBound), columns.upperBound)
      let interiorEnd = max(min(interiorFinish, columns.upperBound), interiorStart)

      // Border columns: only the taps that land inside the input.
      func single(_ ow: Int) {
        let (kwFirst, kwLast) = g.validTaps(ow, axis: 2)
        let count = buildSegments(
          into: pixelSegments, od: od, oh: oh, kwFirst: kwFirst, kwLast: kwLast)
        emit(
          segments: pixelSegments, segmentCount: count, rows: 1,
          pixel: base + (ow * strideW - padW) * channels, pixelStride: 0,
          weights: blockWeights, blocks: blockCount, bias: blockBias, lanes: lanes,
          output: outputRow + ow * filters, outputStride: 0, order: order)
      }
      for ow in columns.lowerBound..<interiorStart { single(ow) }
      if avx512 {
        let split = TileRows(count: interiorEnd - interiorStart, avx512: true)
        for index in 0..<split.tiles {
          let (start, rows) = split.tile(index)
          let ow = interiorStart + start
          emit(
            segments: rowSegments, segmentCount: rowSegmentCount, rows: rows,
            pixel: base + (ow * strideW - padW) * channels, pixelStride: pixelStride,
            weights: blockWeights, blocks: blockCount, bias: blockBias, lanes: lanes,
            output: outputRow + ow * filters, outputStride: filters, order: order)
        }
      } else if interiorEnd - interiorStart >= 6 {
        var ow = interiorStart
        while true {
          // The last tile slides back to end at interiorEnd; the overlap recomputes identical values.
          let start = min(ow, interiorEnd - 6)
          emit(
            segments: rowSegments, segmentCount: rowSegmentCount, rows: 6,
            pixel: base + (start * strideW - padW) * channels, pixelStride: pixelStride,
            weights: blockWeights, blocks: blockCount, bias: blockBias, lanes: lanes,
            output: outputRow + start * filters, outputStride: filters, order: order)
          ow = start + 6
          if ow >= interiorEnd { break }
        }
      } else if interiorEnd > interiorStart {
        emit(
          segments: rowSegments, segmentCount: rowSegmentCount, rows: interiorEnd - interiorStart,
          pixel: base + (interiorStart * strideW - padW) * channels, pixelStride: pixelStride,
          weights: blockWeights, blocks: blockCount, bias: blockBias, lanes: lanes,
          output: outputRow + interiorStart * filters, outputStride: filters, order: order)
      }
      for ow in interiorEnd..<columns.upperBound { single(ow) }
    }
  }
}
