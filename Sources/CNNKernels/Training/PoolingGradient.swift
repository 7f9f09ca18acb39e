/// The backward passes of `MaxPooling1D/2D/3D`, `AveragePooling1D/2D/3D` (beside `PoolingKernel`)
/// and the global poolings (beside `GlobalPoolingKernel`).
///
/// Max pooling sends each window's gradient to the first largest input of the window in scan order
/// (the value the forward pass kept); average pooling shares it equally among the window's inputs
/// inside the image (TensorFlow does not count `same` padding). Windows may overlap: samples are
/// split across threads, and within a sample every sum runs in window order.
public enum PoolingGradient {
  /// input (N, spatial..., C), outputGradient (N, spatial'..., C) -> input gradient
  public static func backward(
    input: Tensor, mode: PoolingKernel.Mode, poolSize: [Int], strides: [Int],
    padding: SpatialPadding, outputGradient: Tensor, threads: Int
  ) throws(KernelError) -> Tensor {
    var result = Tensor.empty
    try backward(
      input: input, mode: mode, poolSize: poolSize, strides: strides, padding: padding,
      outputGradient: outputGradient, threads: threads, into: &result)
    return result
  }

  /// Same, writing into `result`'s storage when it already has the input's size.
  /// input (N, spatial..., C), outputGradient (N, spatial'..., C) -> input gradient
  public static func backward(
    input: Tensor, mode: PoolingKernel.Mode, poolSize: [Int], strides: [Int],
    padding: SpatialPadding, outputGradient: Tensor, threads: Int, into result: inout Tensor
  ) throws(KernelError) {
    let rank = poolSize.count
    let g = try WindowGeometry(
      inputShape: input.shape, kernelSize: poolSize, strides: strides,
      dilations: Array(repeating: 1, count: rank), padding: padding)
    let channels = g.channels
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let sampleIn = inD * inH * inW * channels
    let sampleOut = outD * outH * outW * channels
    guard outputGradient.count == g.batch * sampleOut else {
      throw KernelError("pooling output gradient \(outputGradient.shape) does not fit")
    }
    result.prepareForOverwrite(shape: input.shape)
    // Spelled out with types: as one closure expression this took seconds to type-check.
    let tiled = (0..<3).allSatisfy { (axis: Int) -> Bool in
      let covered: Int = g.output[axis] * g.strides[axis]
      return g.kernel[axis] == g.strides[axis] && g.padBefore[axis] == 0 && covered <= g.input[axis]
    }
    if mode == .max && tiled && channels % 8 == 0 {
      tiledMaxBackward(
        input: input, geometry: g, outputGradient: outputGradient, threads: threads,
        into: &result)
      return
    }
    input.scalars.withUnsafeBufferPointer { source in
      outputGradient.scalars.withUnsafeBufferPointer { gradient in
        result.withUnsafeMutableBufferPointer { target in
          let (source, gradient, target) = (
            source.baseAddress!, gradient.baseAddress!, target.baseAddress!
          )
          KernelParallelism.forEachSlice(count: g.batch, threads: threads) { samples in
            let taps = UnsafeMutablePointer<Int>.allocate(
              capacity: max(1, poolSize.reduce(1, *)))
            defer { taps.deallocate() }
            for n in samples {
              let x = source + n * sampleIn
              let dx = target + n * sampleIn
              dx.update(repeating: 0, count: sampleIn)
              var dy = gradient + n * sampleOut
              for od in 0..<outD {
                let vd = g.validTaps(od, axis: 0)
                for oh in 0..<outH {
                  let vh = g.validTaps(oh, axis: 1)
                  for ow in 0..<outW {
                    let vw = g.validTaps(ow, axis: 2)
                    defer { dy += channels }
                    guard vd.first <= vd.last, vh.first <= vh.last, vw.first <= vw.last else {
                      continue
                    }
                    let d0 = g.start(od, axis: 0)
                    let h0 = g.start(oh, axis: 1)
                    let w0 = g.start(ow, axis: 2)
                    // The window's taps inside the input, in scan order, as value offsets.
                    var count = 0
                    for kd in vd.first...vd.last {
                      for kh in vh.first...vh.last {
                        for kw in vw.first...vw.last {
                          taps[count] = (((d0 + kd) * inH + h0 + kh) * inW + w0 + kw) * channels
                          count += 1
                        }
                      }
                    }
                    if mode == .max {
                      maxWindow(x: x, dx: dx, dy: dy, taps: taps, count: count, channels: channels)
                    } else {
                      let share = 1 / Float(count)
                      for t in 0..<count {
                        let target = dx + taps[t]
                        for c in 0..<channels { target[c] += dy[c] * share }
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
  }

  /// Max pooling whose windows tile the input (pool size = strides, no padding: Keras' default
  /// `MaxPooling2D()`), channels a multiple of 8: every input value belongs to at most one
  /// window, so each is written once, the same value `backward` would accumulate onto zero, and
  /// only the rows and columns past the last window are cleared beforehand.
  private static func tiledMaxBackward(
    input: Tensor, geometry g: WindowGeometry, outputGradient: Tensor, threads: Int,
    into result: inout Tensor
  ) {
    let channels = g.channels
    let (inD, inH, inW) = (g.input[0], g.input[1], g.input[2])
    let (outD, outH, outW) = (g.output[0], g.output[1], g.output[2])
    let (kD, kH, kW) = (g.kernel[0], g.kernel[1], g.kernel[2])
    let sampleIn = inD * inH * inW * channels
    let sampleOut = outD * outH * outW * channels
    // The window's taps in scan order, as value offsets from its first.
    var taps: [Int] = []
    for kd in 0..<kD {
      for kh in 0..<kH {
        for kw in 0..<kW { taps.append(((kd * inH + kh) * inW + kw) * channels) }
      }
    }
    let count = taps.count
    input.scalars.withUnsafeBufferPointer { source in
      outputGradient.scalars.withUnsafeBufferPointer { gradient in
        result.withUnsafeMutableBufferPointer { target in
          taps.withUnsafeBufferPointer { taps in
            let (source, gradient, target, taps) = (
              source.baseAddress!, gradient.baseAddress!, target.baseAddress!, taps.baseAddress!
            )
            KernelParallelism.forEachSlice(count: g.batch, threads: threads) { samples in
              let zero = SIMD8<Float>(repeating: 0)
              for n in samples {
                let x = source + n * sampleIn
                let dx = target + n * sampleIn
                // Values no window covers: whole planes and rows past the last window, and
                // the columns right of it.
                for d in 0..<inD {
                  for h in 0..<inH {
                    let row = dx + (d * inH + h) * inW * channels
                    if d >= outD * kD || h >= outH * kH {
                      row.update(repeating: 0, count: inW * channels)
                    } else if outW * kW < inW {
                      (row + outW * kW * channels).update(
                        repeating: 0, count: (inW - outW * kW) * channels)
                    }
                  }
                }
                var dy = gradient + n * sampleOut
                for od in 0..<outD {
                  for oh in 0..<outH {
                    for ow in 0..<outW {
                      let origin = ((od * kD * inH + oh * kH) * inW + ow * kW) * channels
                      var c = 0
                      while c < channels {
                        let window = x + origin + c
                        var best = SIMDMemory.load(window + taps[0])
                        for t in 1..<count {
                          let value = SIMDMemory.load(window + taps[t])
                          best = best.replacing(with: value, where: value .> best)
                        }
                        let share = SIMDMemory.load(dy + c)
                        let out = dx + origin + c
                        var taken = SIMDMask<SIMD8<Int32>>(repeating: false)
                        for t in 0..<count {
                          let hit = (SIMDMemory.load(window + taps[t]) .== best) .& .!taken
                          SIMDMemory.store(
                            zero + zero.replacing(with: share, where: hit), out + taps[t])
                          taken .|= hit
                        }
                        if !all(taken) {
                          // NaN windows: the first tap, as `maxWindow` does.
                          SIMDMemory.store(
                            SIMDMemory.load(out + taps[0])
                              + zero.replacing(with: share, where: .!taken), out + taps[0])
                        }
                        c += 8
                      }
                      dy += channels
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

  /// One max-pooling window: each channel's gradient goes to the first tap (in scan order) that
  /// holds the window's largest value, or to the first tap when the largest is NaN. Eight
  /// channels at a time: the maximum first, then a mask of the taps equal to it not yet taken.
  @inline(__always)
  private static func maxWindow(
    x: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, dy: UnsafePointer<Float>,
    taps: UnsafePointer<Int>, count: Int, channels: Int
  ) {
    var c = 0
    while c + 8 <= channels {
      var best = SIMDMemory.load(x + taps[0] + c)
      for t in 1..<count {
        let value = SIMDMemory.load(x + taps[t] + c)
        best = best.replacing(with: value, where: value .> best)
      }
      let gradient = SIMDMemory.load(dy + c)
      let zero = SIMD8<Float>(repeating: 0)
      var taken = SIMDMask<SIMD8<Int32>>(repeating: false)
      for t in 0..<count {
        let hit = (SIMDMemory.load(x + taps[t] + c) .== best) .& .!taken
        if any(hit) {
          let target = dx + taps[t] + c
          SIMDMemory.store(
            SIMDMemory.load(target) + zero.replacing(with: gradient, where: hit), target)
          taken .|= hit
        }
      }
      if !all(taken) {
        let target = dx + taps[0] + c
        SIMDMemory.store(
          SIMDMemory.load(target) + zero.replacing(with: gradient, where: .!taken), target)
      }
      c += 8
    }
    while c < channels {
      var best = x[taps[0] + c]
      var argmax = taps[0]
      for t in 1..<count where x[taps[t] + c] > best {
        best = x[taps[t] + c]
        argmax = taps[t]
      }
      dx[argmax + c] += dy[c]
      c += 1
    }
  }

  /// Global pooling: input (N, spatial..., C), outputGradient (N, C) (or with kept axes of 1)
  /// -> input gradient. Max shares each channel's gradient among its largest positions.
  public static func globalBackward(
    input: Tensor, mode: PoolingKernel.Mode, outputGradient: Tensor
  ) -> Tensor {
    let batch = input.shape[0]
    let channels = input.shape[input.rank - 1]
    let positions = input.count / max(1, batch * channels)
    var result = [Float](repeating: 0, count: input.count)
    let share = 1 / Float(max(1, positions))
    for n in 0..<batch {
      let base = n * positions * channels
      for c in 0..<channels {
        let dy = outputGradient.scalars[n * channels + c]
        if mode == .max {
          // TensorFlow's reduce_max gradient: shared equally among every position holding the
          // maximum (a channel of zeros after a ReLU ties everywhere).
          var best = -Float.infinity
          var ties = 0
          for p in 0..<positions {
            let value = input.scalars[base + p * channels + c]
            if value > best {
              best = value
              ties = 1
            } else if value == best {
              ties += 1
            }
          }
          let part = dy / Float(max(1, ties))
          for p in 0..<positions where input.scalars[base + p * channels + c] == best {
            result[base + p * channels + c] = part
          }
        } else {
          for p in 0..<positions { result[base + p * channels + c] = dy * share }
        }
      }
    }
    return Tensor(validShape: input.shape, scalars: result)
  }
}
