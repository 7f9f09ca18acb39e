/// The backward pass of Keras `Conv1D` / `Conv2D` / `Conv3D` with strides, dilation, explicit
/// padding and groups (beside `ConvolutionKernel`, its forward pass), built from that same fast
/// kernel and the dense GEMM:
///
/// - the input gradient is a stride-1 convolution of the output gradient, spread out by the
///   strides (zeros between its values), with the kernel flipped in space and its two channel axes
///   swapped within each group, and padding chosen so that the result has the input's size;
/// - the kernel gradient of each tap k is a GEMM dW[k] = dY^T (F, P) x X_k (P, C), where X_k holds
///   the input values that tap saw at each of the P = N x output positions (zero in the padding);
/// - the bias gradient sums dY over the P positions.
///
/// Every sum runs in an order that does not depend on the thread count.
public enum ConvolutionGradient {
  public struct Result {
    public var input: Tensor?
    public var kernel: Tensor
    public var bias: Tensor
  }

  /// input (N, spatial..., C), kernel (K..., C/groups, F), outputGradient (N, spatial'..., F)
  public static func backward(
    input: Tensor, kernel: Tensor, groups: Int, strides: [Int], dilations: [Int],
    padding: SpatialPadding, outputGradient: Tensor, needsInputGradient: Bool, threads: Int
  ) throws(KernelError) -> Result {
    let rank = kernel.rank - 2
    let kernelSize = Array(kernel.shape.prefix(rank))
    let g = try WindowGeometry(
      inputShape: input.shape, kernelSize: kernelSize, strides: strides, dilations: dilations,
      padding: padding)
    let channels = g.channels
    let filters = kernel.shape[rank + 1]
    let perGroupIn = channels / groups
    let perGroupOut = filters / groups
    let positions = g.batch * g.output[0] * g.output[1] * g.output[2]
    guard outputGradient.count == positions * filters else {
      throw KernelError(
        "output gradient \(outputGradient.shape) does not fit a convolution output of \(g.outputShape(channels: filters))"
      )
    }
    let taps = g.kernel[0] * g.kernel[1] * g.kernel[2]

    // Kernel gradient, for chunks of taps and group by group: a chunk gathers enough taps that
    // the GEMM's columns (taps x channels) fill its 16-wide register tiles when channels are few.
    let transposedGradient = GradientMath.transpose(
      outputGradient.scalars, rows: positions, columns: filters)
    let groupGradients: [[Float]] =
      groups == 1
      ? [transposedGradient]
      : (0..<groups).map { group in
        Array(
          transposedGradient[
            (group * perGroupOut * positions)..<((group + 1) * perGroupOut * positions)])
      }
    let chunk = perGroupIn >= 16 ? 1 : min(taps, max(1, 48 / perGroupIn))
    var kernelGradient = [Float](repeating: 0, count: kernel.count)
    var gathered: [Float] = []
    var firstTap = 0
    while firstTap < taps {
      let tapCount = min(chunk, taps - firstTap)
      let columns = tapCount * perGroupIn
      for group in 0..<groups {
        gather(
          input, geometry: g, taps: firstTap..<(firstTap + tapCount),
          firstChannel: group * perGroupIn, channels: perGroupIn, into: &gathered)
        let product = try GradientMath.multiply(
          groupGradients[group], gathered, rows: perGroupOut, inner: positions, columns: columns,
          threads: threads)
        // product (F/groups, taps x C/groups) -> dW[tap, c, group * F/groups + f]
        for f in 0..<perGroupOut {
          for column in 0..<columns {
            let tap = firstTap + column / perGroupIn
            let c = column % perGroupIn
            kernelGradient[(tap * perGroupIn + c) * filters + group * perGroupOut + f] =
              product[f * columns + column]
          }
        }
      }
      firstTap += tapCount
    }
    let biasGradient = GradientMath.columnSums(
      outputGradient.scalars, rows: positions, columns: filters)

    var inputGradient: Tensor?
    if needsInputGradient {
      inputGradient = try inputGradientByConvolution(
        input: input, kernel: kernel, geometry: g, groups: groups, strides: strides,
        dilations: dilations, padding: padding, outputGradient: outputGradient, threads: threads)
    }
    return Result(
      input: inputGradient, kernel: Tensor(validShape: kernel.shape, scalars: kernelGradient),
      bias: Tensor(validShape: [filters], scalars: biasGradient))
  }

  /// The values each tap of `taps` multiplies at every output position, channels
  /// `firstChannel..<firstChannel + channels`: (P, taps x channels), zero where a tap falls in the
  /// padding.
  private static func gather(
    _ input: Tensor, geometry g: WindowGeometry, taps: Range<Int>, firstChannel: Int,
    channels: Int, into gathered: inout [Float]
  ) {
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let total = g.channels
    let width = taps.count * channels
    let count = g.batch * outD * outH * outW * width
    if gathered.count != count { gathered = [Float](repeating: 0, count: count) }
    let offsets = taps.map { tap -> (Int, Int, Int) in
      let kw = tap % g.kernel[2]
      let kh = (tap / g.kernel[2]) % g.kernel[1]
      let kd = tap / (g.kernel[2] * g.kernel[1])
      return (kd * g.dilations[0], kh * g.dilations[1], kw * g.dilations[2])
    }
    input.scalars.withUnsafeBufferPointer { source in
      gathered.withUnsafeMutableBufferPointer { target in
        var destination = target.baseAddress!
        for n in 0..<g.batch {
          let sample = source.baseAddress! + n * inD * inH * inW * total + firstChannel
          for od in 0..<outD {
            let d0 = g.start(od, axis: 0)
            for oh in 0..<outH {
              let h0 = g.start(oh, axis: 1)
              for ow in 0..<outW {
                let w0 = g.start(ow, axis: 2)
                for (dd, dh, dw) in offsets {
                  let id = d0 + dd
                  let ih = h0 + dh
                  let iw = w0 + dw
                  if id >= 0 && id < inD && ih >= 0 && ih < inH && iw >= 0 && iw < inW {
                    let from = sample + ((id * inH + ih) * inW + iw) * total
                    if channels == 1 {
                      destination.pointee = from.pointee
                    } else {
                      destination.update(from: from, count: channels)
                    }
                  } else {
                    destination.update(repeating: 0, count: channels)
                  }
                  destination += channels
                }
              }
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
    dilations: [Int], padding: SpatialPadding, outputGradient: Tensor, threads: Int
  ) throws(KernelError) -> Tensor {
    let rank = g.spatialRank
    let lead = 3 - rank
    let channels = g.channels
    let filters = outputGradient.shape[outputGradient.rank - 1]
    if g.output.contains(0) {
      return try Tensor(shape: input.shape, repeating: 0)
    }
    // The output gradient spread out by the strides: (N, (O-1)*s+1 ..., F).
    var spread = [1, 1, 1]
    for axis in 0..<3 { spread[axis] = (g.output[axis] - 1) * g.strides[axis] + 1 }
    var spreadValues: [Float]
    if g.strides == [1, 1, 1] {
      spreadValues = outputGradient.scalars
    } else {
      spreadValues = [Float](
        repeating: 0, count: g.batch * spread[0] * spread[1] * spread[2] * filters)
      outputGradient.scalars.withUnsafeBufferPointer { source in
        spreadValues.withUnsafeMutableBufferPointer { target in
          var p = 0
          for n in 0..<g.batch {
            for od in 0..<g.output[0] {
              for oh in 0..<g.output[1] {
                for ow in 0..<g.output[2] {
                  let q =
                    ((n * spread[0] + od * g.strides[0]) * spread[1] + oh * g.strides[1])
                    * spread[2] + ow * g.strides[2]
                  (target.baseAddress! + q * filters).update(
                    from: source.baseAddress! + p * filters, count: filters)
                  p += 1
                }
              }
            }
          }
        }
      }
    }
    let spreadShape = [g.batch] + Array(spread.suffix(rank)) + [filters]
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
    var before: [Int] = []
    var after: [Int] = []
    for axis in 0..<rank {
      let a = lead + axis
      let reach = g.dilations[a] * (g.kernel[a] - 1)
      before.append(reach - padding.before[axis])
      after.append(g.input[a] + padding.before[axis] - 1 - (g.output[a] - 1) * g.strides[a])
    }
    let result = try ConvolutionKernel.convolve(
      Tensor(validShape: spreadShape, scalars: spreadValues), weights: packed,
      strides: Array(repeating: 1, count: rank), dilations: dilations,
      padding: SpatialPadding(before: before, after: after), threads: threads)
    guard result.shape == input.shape else {
      throw KernelError(
        "convolution input gradient has shape \(result.shape), expected \(input.shape)")
    }
    return result
  }
}
