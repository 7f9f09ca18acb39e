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

  /// input (N, spatial..., C), kernel (K..., C/groups, F), outputGradient (N, spatial'..., F)
  public static func backward(
    input: Tensor, kernel: Tensor, groups: Int, strides: [Int], dilations: [Int],
    padding: SpatialPadding, outputGradient: Tensor, reluOutput: Tensor? = nil,
    needsInputGradient: Bool, threads: Int, workspace: GradientWorkspace = GradientWorkspace()
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
    guard outputGradient.count == positions * filters else {
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
    let masked = reluOutput != nil && needsInputGradient
    if masked {
      workspace.maskedGradient.prepareForOverwrite(shape: outputGradient.shape)
    }
    workspace.packedGradient.prepareForOverwrite(shape: [blocks * positions * width])
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
              // positions in order, in a SIMD lane for full blocks.
              for group in 0..<groups {
                for block in 0..<blocksPerGroup {
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
                        high = zero.replacing(with: high, where: SIMDMemory.load(rowY + 8) .> zero)
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
          into: columns.baseAddress! + group * rows * positions)
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
    // Padded extents: the input after padBefore, and every tap of the last window.
    var padded = [1, 1, 1]
    for axis in 0..<3 {
      let reach =
        (g.output[axis] - 1) * g.strides[axis] + (g.kernel[axis] - 1) * g.dilations[axis] + 1
      padded[axis] = max(g.input[axis] + g.padBefore[axis], reach)
    }
    let (pD, pH, pW) = (padded[0], padded[1], padded[2])
    let plane = g.batch * pD * pH * pW
    guard plane > 0, positions > 0 else { return }
    workspace.columns.prepareForOverwrite(shape: [channels * plane])
    input.scalars.withUnsafeBufferPointer { source in
      workspace.columns.withUnsafeMutableBufferPointer { target in
        target.update(repeating: 0)
        let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
        var x = source.baseAddress!
        for n in 0..<g.batch {
          for d in 0..<inD {
            for h in 0..<inH {
              let row =
                target.baseAddress!
                + ((n * pD + d + g.padBefore[0]) * pH + h + g.padBefore[1]) * pW + g.padBefore[2]
              for w in 0..<inW {
                var to = row + w
                for _ in 0..<channels {
                  to.pointee = x.pointee
                  x += 1
                  to += plane
                }
              }
            }
          }
        }
      }
    }
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
    _ input: Tensor, geometry g: WindowGeometry, firstChannel: Int, channels: Int,
    into columns: UnsafeMutablePointer<Float>
  ) {
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let total = g.channels
    let positions = g.batch * outD * outH * outW
    let taps = g.kernel[0] * g.kernel[1] * g.kernel[2]
    input.scalars.withUnsafeBufferPointer { source in
      for tap in 0..<taps {
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
                    (target + owFirst).update(from: line + c + firstOffset, count: owEnd - owFirst)
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
      outputGradient.scalars.withUnsafeBufferPointer { source in
        workspace.spread.withUnsafeMutableBufferPointer { target in
          target.update(repeating: 0)
          var p = 0
          for n in 0..<g.batch {
            for od in 0..<g.output[0] {
              for oh in 0..<g.output[1] {
                let row =
                  ((n * spread[0] + od * g.strides[0]) * spread[1] + oh * g.strides[1]) * paddedW
                  + padW.0
                if g.strides[2] == 1 {
                  (target.baseAddress! + row * filters).update(
                    from: source.baseAddress! + p * filters, count: g.output[2] * filters)
                  p += g.output[2]
                } else {
                  for ow in 0..<g.output[2] {
                    (target.baseAddress! + (row + ow * g.strides[2]) * filters).update(
                      from: source.baseAddress! + p * filters, count: filters)
                    p += 1
                  }
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
    for tap in 0..<taps {
      let kw = tap % g.kernel[2]
      let kh = (tap / g.kernel[2]) % g.kernel[1]
      let kd = tap / (g.kernel[2] * g.kernel[1])
      let mirrored =
        ((g.kernel[0] - 1 - kd) * g.kernel[1] + (g.kernel[1] - 1 - kh)) * g.kernel[2]
        + (g.kernel[2] - 1 - kw)
      for group in 0..<groups {
        for c in 0..<perGroupIn {
          for f in 0..<perGroupOut {
            flipped[(mirrored * perGroupOut + f) * channels + group * perGroupIn + c] =
              kernel.scalars[(tap * perGroupIn + c) * filters + group * perGroupOut + f]
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
