/// Keras `MaxPooling1D/2D/3D` and `AveragePooling1D/2D/3D` (TensorFlow semantics).
///
/// Padded positions never take part: max ignores them, and average divides by the number of valid
/// (non-padded) elements in each window, as TensorFlow's `avg_pool` does for 'same'.
public enum PoolingKernel {
  public enum Mode: Sendable, Equatable {
    case max, average
  }

  /// input (N, spatial..., C), window `poolSize` (strides default to the pool size, as in Keras)
  /// -> output (N, spatial'..., C)
  public static func pool(
    _ input: Tensor, mode: Mode, poolSize: [Int], strides: [Int]? = nil,
    padding: SpatialPadding? = nil, threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    var output = Tensor.empty
    try pool(
      input, mode: mode, poolSize: poolSize, strides: strides, padding: padding, threads: threads,
      into: &output)
    return output
  }

  /// Same, reusing `output`'s storage when it already has the right size.
  /// input (N, spatial..., C) -> output (N, spatial'..., C)
  public static func pool(
    _ input: Tensor, mode: Mode, poolSize: [Int], strides: [Int]? = nil,
    padding: SpatialPadding? = nil, threads: Int = KernelParallelism.defaultThreadCount,
    into output: inout Tensor
  ) throws(KernelError) {
    let rank = poolSize.count
    let g = try WindowGeometry(
      inputShape: input.shape, kernelSize: poolSize, strides: strides ?? poolSize,
      dilations: Array(repeating: 1, count: rank), padding: padding ?? .valid(rank: rank))
    output.prepareForOverwrite(shape: g.outputShape(channels: g.channels))
    guard output.count > 0 else { return }
    input.scalars.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { destination in
        let (source, destination) = (source.baseAddress!, destination.baseAddress!)
        KernelParallelism.forEachSlice(
          count: g.rows, threads: threads,
          minimumPerThread: max(1, 65536 / max(1, g.output[2] * g.channels))
        ) { rows in
          for row in rows {
            poolRow(row, geometry: g, mode: mode, source: source, output: destination)
          }
        }
      }
    }
  }

  /// Convenience for Keras' 'valid' / 'same' window paddings.
  public static func padding(inputShape: [Int], poolSize: [Int], strides: [Int]? = nil, same: Bool)
    -> SpatialPadding
  {
    let rank = poolSize.count
    guard same, inputShape.count == rank + 2 else { return .valid(rank: rank) }
    return .same(
      inputSize: Array(inputShape[1...rank]), kernelSize: poolSize, strides: strides ?? poolSize,
      dilations: Array(repeating: 1, count: rank))
  }

  // input (N, D, H, W, C) -> one output row (OW, C) of (N, OD, OH, OW, C)
  //
  // Taps outside, channels inside: the first valid tap is copied, the others are folded in with
  // one contiguous SIMD8 sweep over the channels each, so every input value is read once per
  // window it belongs to and the output row stays in L1.
  private static func poolRow(
    _ row: Int, geometry g: WindowGeometry, mode: Mode, source: UnsafePointer<Float>,
    output: UnsafeMutablePointer<Float>
  ) {
    let channels = g.channels
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let oh = row % outH
    let od = (row / outH) % outD
    let n = row / (outH * outD)
    let validD = g.validTaps(od, axis: 0)
    let validH = g.validTaps(oh, axis: 1)
    let batchBase = source + n * inD * inH * inW * channels
    let vectorEnd = channels / 8 * 8
    let window = (g.kernel[0], g.kernel[1], g.kernel[2])
    for ow in 0..<outW {
      let validW = g.validTaps(ow, axis: 2)
      let out = output + (row * outW + ow) * channels
      if mode == .max && vectorEnd == channels && validD.first == 0
        && validD.last == window.0 - 1 && validH.first == 0 && validH.last == window.1 - 1
        && validW.first == 0 && validW.last == window.2 - 1
      {
        // A whole window, channels in SIMD8 lanes: the maximum in a register, taps in scan
        // order (the same comparisons as below), one store.
        let corner =
          batchBase
          + ((g.start(od, axis: 0) * inH + g.start(oh, axis: 1)) * inW + g.start(ow, axis: 2))
          * channels
        var c = 0
        while c < channels {
          var best = SIMDMemory.load(corner + c)
          var first = true
          for kd in 0..<window.0 {
            for kh in 0..<window.1 {
              let line = corner + ((kd * inH + kh) * inW) * channels + c
              for kw in 0..<window.2 {
                if first {
                  first = false
                  continue
                }
                let value = SIMDMemory.load(line + kw * channels)
                best = best.replacing(with: value, where: value .> best)
              }
            }
          }
          SIMDMemory.store(best, out + c)
          c += 8
        }
        continue
      }
      var count = 0
      if validD.first <= validD.last && validH.first <= validH.last && validW.first <= validW.last {
        for kd in validD.first...validD.last {
          let id = g.start(od, axis: 0) + kd
          for kh in validH.first...validH.last {
            let ih = g.start(oh, axis: 1) + kh
            for kw in validW.first...validW.last {
              let x = batchBase + ((id * inH + ih) * inW + g.start(ow, axis: 2) + kw) * channels
              if count == 0 {
                out.update(from: x, count: channels)
              } else if mode == .max {
                var c = 0
                while c < vectorEnd {
                  let value = SIMDMemory.load(x + c)
                  let best = SIMDMemory.load(out + c)
                  SIMDMemory.store(best.replacing(with: value, where: value .> best), out + c)
                  c += 8
                }
                while c < channels {
                  if x[c] > out[c] { out[c] = x[c] }
                  c += 1
                }
              } else {
                var c = 0
                while c < vectorEnd {
                  SIMDMemory.store(SIMDMemory.load(out + c) + SIMDMemory.load(x + c), out + c)
                  c += 8
                }
                while c < channels {
                  out[c] += x[c]
                  c += 1
                }
              }
              count += 1
            }
          }
        }
      }
      if count == 0 {
        // Only reachable with explicit padding wider than the window: nothing to pool.
        out.update(repeating: mode == .max ? -.infinity : 0, count: channels)
      } else if mode == .average && count > 1 {
        // TensorFlow divides the window sum by the count (a rounded reciprocal could differ).
        let divisor = SIMD8<Float>(repeating: Float(count))
        var c = 0
        while c < vectorEnd {
          SIMDMemory.store(SIMDMemory.load(out + c) / divisor, out + c)
          c += 8
        }
        while c < channels {
          out[c] /= Float(count)
          c += 1
        }
      }
    }
  }
}
