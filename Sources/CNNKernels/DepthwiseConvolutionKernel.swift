/// Keras `DepthwiseConv1D` / `DepthwiseConv2D`: each input channel convolved with its own
/// `depth_multiplier` filters; output channel c*M + m comes from input channel c and filter m.
public enum DepthwiseConvolutionKernel {
  /// input (N, spatial..., C), kernel (K..., C, M), bias (C*M) -> output (N, spatial'..., C*M)
  ///
  /// Keras' kernel (K..., C, M) flattened is already [tap][c*M + m], the output channel order, so the
  /// weights are used as stored. Each output value sums its taps in (kd, kh, kw) order on one thread.
  ///
  /// `unfused`: each tap's product rounded before it is added, as TensorFlow's Eigen kernel
  /// (`DepthwiseConv2DKernel`, `pmadd` built without FMA) sums them; else one FMA chain.
  public static func convolve(
    _ input: Tensor, kernel: Tensor, bias: Tensor? = nil, strides: [Int]? = nil,
    dilations: [Int]? = nil,
    padding: SpatialPadding? = nil, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, unfused: Bool = false
  ) throws(KernelError) -> Tensor {
    let rank = kernel.rank - 2
    guard (1...3).contains(rank) else {
      throw KernelError(
        "a depthwise kernel has shape (K..., C, depth_multiplier), got \(kernel.shape)")
    }
    let kernelSize = Array(kernel.shape.prefix(rank))
    let geometry = try WindowGeometry(
      inputShape: input.shape, kernelSize: kernelSize,
      strides: strides ?? Array(repeating: 1, count: rank),
      dilations: dilations ?? Array(repeating: 1, count: rank),
      padding: padding ?? .valid(rank: rank))
    let channels = geometry.channels
    guard kernel.shape[rank] == channels else {
      throw KernelError(
        "input has \(channels) channels but the depthwise kernel expects \(kernel.shape[rank])")
    }
    let multiplier = kernel.shape[rank + 1]
    let outChannels = channels * multiplier
    if let bias, bias.shape != [outChannels] {
      throw KernelError("bias shape \(bias.shape) does not match \(outChannels) output channels")
    }
    let biasValues = bias?.scalars ?? [Float](repeating: 0, count: outChannels)
    let clamp = activation.bounds
    let g = geometry
    return Tensor(uninitializedShape: g.outputShape(channels: outChannels)) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        kernel.scalars.withUnsafeBufferPointer { weights in
          biasValues.withUnsafeBufferPointer { biasBuffer in
            KernelParallelism.forEachSlice(
              count: g.rows, threads: threads,
              minimumPerThread: max(1, 65536 / max(1, g.output[2] * outChannels))
            ) { rows in
              for row in rows {
                convolveRow(
                  row, geometry: g, multiplier: multiplier, source: source.baseAddress!,
                  weights: weights.baseAddress!,
                  bias: biasBuffer.baseAddress!, output: output.baseAddress!, clamp: clamp,
                  unfused: unfused)
              }
            }
          }
        }
      }
    }
  }

  // input (N, D, H, W, C), kernel (KD, KH, KW, C*M) -> one output row (OW, C*M) of (N, OD, OH, OW, C*M)
  private static func convolveRow(
    _ row: Int, geometry g: WindowGeometry, multiplier: Int, source: UnsafePointer<Float>,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
    clamp: (lower: Float, upper: Float)?, unfused: Bool
  ) {
    let channels = g.channels
    let outChannels = channels * multiplier
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let (kH, kW) = (g.kernel[1], g.kernel[2])
    let oh = row % outH
    let od = (row / outH) % outD
    let n = row / (outH * outD)
    let validD = g.validTaps(od, axis: 0)
    let validH = g.validTaps(oh, axis: 1)
    let batchBase = source + n * inD * inH * inW * channels
    let lower = SIMD8<Float>(repeating: clamp?.lower ?? 0)
    let upper = SIMD8<Float>(repeating: clamp?.upper ?? 0)
    var taps: [(input: Int, weight: Int)] = []
    taps.reserveCapacity(g.kernel.reduce(1, *))
    for ow in 0..<outW {
      let validW = g.validTaps(ow, axis: 2)
      taps.removeAll(keepingCapacity: true)
      if validD.first <= validD.last && validH.first <= validH.last && validW.first <= validW.last {
        for kd in validD.first...validD.last {
          let id = g.start(od, axis: 0) + kd * g.dilations[0]
          for kh in validH.first...validH.last {
            let ih = g.start(oh, axis: 1) + kh * g.dilations[1]
            for kw in validW.first...validW.last {
              let iw = g.start(ow, axis: 2) + kw * g.dilations[2]
              taps.append(
                (((id * inH + ih) * inW + iw) * channels, ((kd * kH + kh) * kW + kw) * outChannels))
            }
          }
        }
      }
      let out = output + (row * outW + ow) * outChannels
      if multiplier == 1 {
        // One SIMD8 accumulator per 8 channels, taps in order.
        var c = 0
        while c < channels {
          let lanes = min(8, channels - c)
          var acc = SIMD8<Float>(repeating: 0)
          for tap in taps {
            let x =
              lanes == 8
              ? SIMDMemory.load(batchBase + tap.input + c)
              : SIMDMemory.loadPartial(batchBase + tap.input + c, count: lanes)
            let w =
              lanes == 8
              ? SIMDMemory.load(weights + tap.weight + c)
              : SIMDMemory.loadPartial(weights + tap.weight + c, count: lanes)
            acc = unfused ? acc + x * w : acc.addingProduct(x, w)
          }
          acc +=
            lanes == 8 ? SIMDMemory.load(bias + c) : SIMDMemory.loadPartial(bias + c, count: lanes)
          if clamp != nil {
            acc = acc.replacing(with: lower, where: acc .< lower).replacing(
              with: upper, where: acc .> upper)
          }
          if lanes == 8 {
            SIMDMemory.store(acc, out + c)
          } else {
            SIMDMemory.storePartial(acc, out + c, count: lanes)
          }
          c += 8
        }
      } else {
        for q in 0..<outChannels {
          let c = q / multiplier
          var acc: Float = 0
          for tap in taps {
            let x = batchBase[tap.input + c]
            let w = weights[tap.weight + q]
            acc = unfused ? acc + x * w : acc.addingProduct(x, w)
          }
          var value = acc + bias[q]
          if let clamp { value = min(max(value, clamp.lower), clamp.upper) }
          out[q] = value
        }
      }
    }
  }
}
